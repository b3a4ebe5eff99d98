using KubeTriage.Core.Analysis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Finds failing containers whose logs show a refused, timed-out or unresolvable connection to a named host.</summary>
internal static class NetworkFailures
{
    public static IEnumerable<(PodView Pod, ContainerStatusView Container, IReadOnlyList<LogSignature> Signatures)> Find(AnalysisContext context)
    {
        foreach (var pod in context.InScope("Pod").Select(p => new PodView(p)).Where(p => !p.IsTerminal && !p.IsTerminating))
        {
            foreach (var container in pod.Containers.Where(c => IsFailing(context, c)))
            {
                var ns = pod.Object.Namespace ?? "";
                var log = context.Cluster.Log(ns, pod.Object.Name, container.Name, previous: true) ?? context.Cluster.Log(ns, pod.Object.Name, container.Name, previous: false);
                if (log is null)
                {
                    continue;
                }

                var network = LogSignatureScanner.Scan(log.Text)
                    .Where(s => s.Kind is LogSignatureKind.ConnectionRefused or LogSignatureKind.NoSuchHost or LogSignatureKind.Timeout && s.Host is not null)
                    .ToList();
                if (network.Count > 0)
                {
                    yield return (pod, container, network);
                }
            }
        }
    }

    private static bool IsFailing(AnalysisContext context, ContainerStatusView c)
        => c.WaitingReason is "CrashLoopBackOff" || (c.Running && !c.Ready) || (c.LastTerminated is { } t && context.IsRecent(t.FinishedAt));
}
