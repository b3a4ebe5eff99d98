using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Explains pods stuck in ContainerCreating: volumes that cannot be mounted or attached.</summary>
internal static class MountFailures
{
    private static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(2);

    public static ContainerFailure? Classify(AnalysisContext context, PodView pod)
    {
        // Every pod spends a few seconds in ContainerCreating; only a pod stuck there with mount errors is a finding.
        if (pod.Object.CreationTimestamp is { } created && context.Now - created < StartupGrace)
        {
            return null;
        }

        var mountEvents = PodEvidence.RecentWarnings(context, pod.Object, filter: e => e.Reason is "FailedMount" or "FailedAttachVolume" or "FailedMapVolume").ToList();
        if (mountEvents.Count == 0)
        {
            return null;
        }

        var missing = mountEvents.Select(e => MissingReference.Parse(e.Message, pod.Object.Namespace ?? "")).LastOrDefault(m => m is not null);
        if (missing is not null)
        {
            return ConfigErrors.ForMissing(context, pod, missing, null, PodEvidence.Events(mountEvents));
        }

        var last = mountEvents[^1];
        var failure = new ContainerFailure(Categories.VolumeBindingFailure, $"Volume cannot be mounted for pod {pod.Object.Name}",
            $"The pod is stuck in ContainerCreating because a volume cannot be {(last.Reason == "FailedAttachVolume" ? "attached" : "mounted")}: {last.Message}");
        failure.Evidence.AddRange(PodEvidence.Events(mountEvents));
        failure.Remediation.Add(Fixes.Describe(pod.Object.Ref));
        return failure;
    }
}
