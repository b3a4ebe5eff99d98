using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Reads every container's waiting/terminated state: crash loops, OOM kills, image pulls, config errors, bad commands.</summary>
internal sealed class ContainerStateAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.ContainerState;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Pod"), pod => AnalyzePod(context, new PodView(pod)));

    private void AnalyzePod(AnalysisContext context, PodView pod)
    {
        if (pod.IsTerminal || pod.IsTerminating)
        {
            return;
        }

        foreach (var container in pod.InitContainers.Concat(pod.Containers))
        {
            var failure = Classify(context, pod, container);
            if (failure is null)
            {
                continue;
            }

            var logs = PodEvidence.Logs(context, pod.Object, container.Name, out _);
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = failure.Category,
                Severity = Impact.SeverityFor(context.Cluster, pod.Object),
                Subject = pod.Object.Ref,
                Container = container.Name,
                Title = failure.Title,
                Explanation = failure.Explanation,
                Cause = failure.Cause,
                Evidence = [.. PodEvidence.Status(container), .. failure.Evidence, .. logs],
                Remediation = failure.Remediation,
            });

            // An init container that fails blocks the ones after it; they have nothing to say.
            if (container.IsInit)
            {
                return;
            }
        }
    }

    private static ContainerFailure? Classify(AnalysisContext context, PodView pod, ContainerStatusView container)
    {
        switch (container.WaitingReason)
        {
            case "CreateContainerConfigError":
                return ConfigErrors.Classify(context, pod, container);
            case "ErrImagePull" or "ImagePullBackOff" or "InvalidImageName" or "ErrImageNeverPull":
                return ImagePullFailures.Classify(context, pod, container);
            case "CreateContainerError" or "RunContainerError" or "StartError":
                return CrashFailures.InvalidCommand(context, pod, container, container.WaitingMessage);
            case "CrashLoopBackOff":
                return CrashFailures.Classify(context, pod, container);
            case "ContainerCreating" or "PodInitializing":
                return MountFailures.Classify(context, pod);
        }

        if (container.IsInit && container.Terminated is { ExitCode: not 0 })
        {
            return CrashFailures.Classify(context, pod, container);
        }

        // A running container that keeps being restarted is flapping; one that restarted long ago has recovered.
        if (container.Running && container.LastTerminated is { } last && container.RestartCount >= 2 && context.IsRecent(last.FinishedAt))
        {
            return CrashFailures.Classify(context, pod, container);
        }

        return null;
    }
}
