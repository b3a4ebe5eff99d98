using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Logs;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Explains containers that start and die: OOM kills, bad commands, liveness kills and application crashes.</summary>
internal static class CrashFailures
{
    public static ContainerFailure Classify(AnalysisContext context, PodView pod, ContainerStatusView container)
    {
        var last = container.Terminated ?? container.LastTerminated;
        if (last?.Reason == "OOMKilled")
        {
            return OomKilled(context, pod, container);
        }

        if (last is { } t && (t.Reason is "StartError" or "ContainerCannotRun" || t.ExitCode is 126 or 127))
        {
            return InvalidCommand(context, pod, container, t.Message);
        }

        var liveness = PodEvidence.RecentWarnings(context, pod.Object, container.Name,
            e => (e.Reason == "Unhealthy" && e.Message.StartsWith("Liveness probe", StringComparison.Ordinal))
                || (e.Reason == "Killing" && e.Message.Contains("liveness probe", StringComparison.Ordinal))).ToList();
        if (liveness.Count > 0 && !container.IsInit)
        {
            var failure = new ContainerFailure(Categories.LivenessProbeFailure, $"Liveness probe keeps killing container {container.Name}",
                $"The kubelet restarts container {container.Name} because its liveness probe fails ({liveness[^1].Message}). "
                + "Either the application hangs or the probe is too strict (path, port, timeout or initialDelaySeconds).");
            failure.Evidence.AddRange(PodEvidence.Events(liveness));
            failure.Remediation.Add(Fixes.Describe(pod.Object.Ref));
            failure.Remediation.Add(Fixes.PreviousLogs(pod.Object, container.Name));
            return failure;
        }

        PodEvidence.Logs(context, pod.Object, container.Name, out var signatures);
        if (signatures.Any(s => s.Kind == LogSignatureKind.CommandNotFound))
        {
            return InvalidCommand(context, pod, container, signatures.First(s => s.Kind == LogSignatureKind.CommandNotFound).Line);
        }

        var exit = last is null ? "" : $" (last exit code {last.ExitCode}{(last.Reason is { } r ? ", reason " + r : "")})";
        var telling = signatures.FirstOrDefault();
        var crash = container.IsInit
            ? new ContainerFailure(Categories.InitContainerFailure, $"Init container {container.Name} fails{exit}",
                $"Init container {container.Name} exits with an error{exit}, so the pod's app containers never start."
                + (telling is null ? "" : $" Its log says: {telling.Line.Trim()}"))
            : new ContainerFailure(Categories.AppCrash, $"Container {container.Name} crash-loops{exit}",
                $"Container {container.Name} keeps exiting{exit} and the kubelet backs off restarting it ({container.RestartCount} restarts)."
                + (telling is null ? " Its logs show no clear error; read the previous instance's log." : $" The application reports: {telling.Line.Trim()}"));
        crash.Evidence.AddRange(PodEvidence.Events(PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        crash.Remediation.Add(Fixes.PreviousLogs(pod.Object, container.Name));
        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        if (workload.Kind == "Deployment")
        {
            crash.Remediation.Add(Fixes.RolloutUndo(workload));
        }

        return crash;
    }

    public static ContainerFailure InvalidCommand(AnalysisContext context, PodView pod, ContainerStatusView container, string? message)
    {
        var spec = pod.ContainerSpec(container.Name);
        var command = string.Join(' ', spec.Strings("command").Concat(spec.Strings("args")));
        var missing = MissingReference.Parse(message, pod.Object.Namespace ?? "");
        if (missing is not null)
        {
            return ConfigErrors.ForMissing(context, pod, missing, container.Name, PodEvidence.Events(PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        }

        var failure = new ContainerFailure(Categories.InvalidCommand, $"Container {container.Name} cannot run its command",
            $"The container runtime cannot start the process of container {container.Name}"
            + (command.Length > 0 ? $" (command: {command})" : "") + $": {message?.Trim() ?? "the entrypoint does not exist or is not executable"}. "
            + "The command, args or image entrypoint is wrong for this image.");
        if (command.Length > 0)
        {
            failure.Evidence.Add(Evidence.Spec($"containers[{container.Name}].command: {command}"));
        }

        failure.Evidence.AddRange(PodEvidence.Events(PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        failure.Remediation.Add(new Remediation($"Fix the command/args of container {container.Name} so they name an executable that exists in the image",
            $"kubectl edit {workload.ToKubectlTarget()}{workload.NamespaceFlag}", Remediation.Confirm));
        if (workload.Kind == "Deployment")
        {
            failure.Remediation.Add(Fixes.RolloutUndo(workload));
        }

        return failure;
    }

    private static ContainerFailure OomKilled(AnalysisContext context, PodView pod, ContainerStatusView container)
    {
        var limitText = pod.ContainerSpec(container.Name).Str("resources.limits.memory");
        var limit = Quantity.Parse(limitText);
        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        var usageText = pod.Object.Namespace is { } ns
            ? context.Cluster.Find("PodMetrics", ns, pod.Object.Name)?.Raw.Objects("containers").FirstOrDefault(c => c.Str("name") == container.Name).Str("usage.memory")
            : null;
        var usage = Quantity.Parse(usageText);

        // Twice the limit, or half again the observed usage when that is more: enough headroom for the next spike.
        var target = Math.Max((limit ?? 0) * 2, (usage ?? 0) * 1.5);
        var suggested = target > 0 ? Quantity.FormatMemory(Quantity.RoundUpMemory(target)) : null;
        var failure = new ContainerFailure(Categories.OOMKilled, $"Container {container.Name} is OOMKilled" + (limitText is null ? "" : $" at its {limitText} memory limit"),
            $"The kernel kills container {container.Name} (exit code 137, reason OOMKilled) because it uses more memory than its limit"
            + (limitText is null ? " (no limit set: the node ran out of memory)" : $" of {limitText}") + $"; it has restarted {container.RestartCount} times."
            + (usage is { } u ? $" Its running instance uses {Quantity.FormatMemory(u)} now." : "")
            + (suggested is null ? "" : $" Raise the limit to about {suggested} or reduce the application's memory use (heap size, caches)."));
        if (limitText is not null)
        {
            failure.Evidence.Add(Evidence.Spec($"containers[{container.Name}].resources.limits.memory: {limitText}"));
        }

        if (usageText is not null)
        {
            failure.Evidence.Add(Evidence.Metric($"PodMetrics {pod.Object.Name} container {container.Name}: memory usage {usageText}"));
        }

        failure.Evidence.AddRange(PodEvidence.Events(PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        failure.Remediation.Add(new Remediation($"Raise the memory limit of container {container.Name}" + (suggested is null ? "" : $" to {suggested}"),
            $"kubectl set resources {workload.ToKubectlTarget()}{workload.NamespaceFlag} -c {container.Name} --limits=memory={suggested ?? "<limit>"}", Remediation.Confirm));
        return failure;
    }
}
