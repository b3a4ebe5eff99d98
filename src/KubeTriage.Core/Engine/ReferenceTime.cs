using KubeTriage.Core.Model;

namespace KubeTriage.Core.Engine;

/// <summary>Infers the moment a cluster's data describes: the newest timestamp in it, never later than the clock.</summary>
/// <remarks>
/// A snapshot is read long after it was taken, so "now" must come from the data for ages and
/// "recovered since" decisions to mean the same offline and live. On a live cluster the newest
/// event or status change is seconds old, so the two agree.
/// </remarks>
public static class ReferenceTime
{
    /// <summary>Returns the newest timestamp among events, pod container states and conditions, capped at the clock.</summary>
    public static DateTimeOffset Infer(ClusterState cluster, TimeProvider clock)
    {
        var newest = DateTimeOffset.MinValue;
        void Consider(DateTimeOffset? t)
        {
            if (t is { } v && v > newest)
            {
                newest = v;
            }
        }

        foreach (var e in cluster.Events)
        {
            Consider(e.LastSeen);
        }

        foreach (var kind in new[] { "Pod", "Node", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" })
        {
            foreach (var obj in cluster.OfKind(kind))
            {
                Consider(obj.CreationTimestamp);
                foreach (var condition in obj.Raw.Objects("status.conditions"))
                {
                    Consider(condition.Time("lastTransitionTime"));
                    Consider(condition.Time("lastHeartbeatTime"));
                }

                foreach (var status in obj.Raw.Objects("status.containerStatuses").Concat(obj.Raw.Objects("status.initContainerStatuses")))
                {
                    Consider(status.Time("state.running.startedAt"));
                    Consider(status.Time("state.terminated.finishedAt"));
                    Consider(status.Time("lastState.terminated.finishedAt"));
                }
            }
        }

        var now = clock.GetUtcNow();
        return newest == DateTimeOffset.MinValue || newest > now ? now : newest;
    }
}
