using System.Text.Json;
using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Pods;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Autoscaling;

/// <summary>Checks HorizontalPodAutoscalers: metrics unreadable, target missing, target without requests, pinned at maxReplicas.</summary>
internal sealed class HpaAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Autoscaling;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("HorizontalPodAutoscaler"), hpa => AnalyzeHpa(context, hpa));

    private void AnalyzeHpa(AnalysisContext context, KubeObject hpa)
    {
        var conditions = hpa.Raw.Objects("status.conditions").ToList();
        var targetKind = hpa.Raw.Str("spec.scaleTargetRef.kind") ?? "";
        var targetName = hpa.Raw.Str("spec.scaleTargetRef.name") ?? "";
        var target = context.Cluster.Find(targetKind, hpa.Namespace, targetName);
        var events = context.Cluster.EventsFor(hpa).Where(e => e.IsWarning && context.IsRecent(e.LastSeen)).ToList();
        var status = conditions.Select(c => Evidence.Status($"HPA {hpa.Name}: {c.Str("type")}={c.Str("status")} ({c.Str("reason")}): {c.Str("message")}")).ToList();

        if (target is null && context.Cluster.OfKind(targetKind).Count > 0 || Failing(conditions, "AbleToScale", "FailedGetScale"))
        {
            Add(context, hpa, Severity.Critical, $"HPA {hpa.Name} targets {targetKind} {targetName}, which does not exist",
                $"The autoscaler's scaleTargetRef names {targetKind} {hpa.Namespace}/{targetName}, which cannot be found, so nothing is scaled.",
                [.. status, .. PodEvidence.Events(events)], new Remediation("Point scaleTargetRef at the workload", $"kubectl edit hpa {hpa.Name} -n {hpa.Namespace}", Remediation.Confirm));
            return;
        }

        var active = conditions.FirstOrDefault(c => c.Str("type") == "ScalingActive");
        if (active.Str("status") == "False" && active.Str("reason") is not ("ScalingDisabled"))
        {
            var message = active.Str("message") ?? "";
            var missingRequest = message.Contains("missing request for", StringComparison.Ordinal) || events.Any(e => e.Message.Contains("missing request for", StringComparison.Ordinal));
            Add(context, hpa, Severity.Warning,
                missingRequest ? $"HPA {hpa.Name} cannot compute utilisation: the target sets no resource requests" : $"HPA {hpa.Name} cannot read its metrics",
                missingRequest
                    ? $"Utilisation targets are a percentage of requests, and {targetKind} {targetName} has a container without one: {message}"
                    : $"The autoscaler is inactive ({active.Str("reason")}): {message} Is metrics-server (or the adapter for custom metrics) running and its APIService available?",
                [.. status, .. PodEvidence.Events(events)],
                missingRequest
                    ? new Remediation("Set CPU/memory requests on every container of the target", $"kubectl set resources {targetKind.ToLowerInvariant()}/{targetName} -n {hpa.Namespace} --requests=cpu=100m", Remediation.Confirm)
                    : new Remediation("Check the metrics API", "kubectl get apiservice v1beta1.metrics.k8s.io; kubectl top pods -A", Remediation.Safe));
            return;
        }

        var current = hpa.Raw.Long("status.currentReplicas") ?? 0;
        var max = hpa.Raw.Long("spec.maxReplicas") ?? long.MaxValue;
        var limited = conditions.FirstOrDefault(c => c.Str("type") == "ScalingLimited" && c.Str("status") == "True" && c.Str("reason") == "TooManyReplicas");
        var (observed, wanted) = Utilisation(hpa);
        if (current >= max && (limited.Exists() || observed > wanted) && observed is not null && wanted is not null && observed > wanted)
        {
            Add(context, hpa, Severity.Warning, $"HPA {hpa.Name} is pinned at maxReplicas {max} while utilisation is {observed}% (target {wanted}%)",
                $"The autoscaler wants more than maxReplicas ({max}) replicas of {targetKind} {targetName}: observed utilisation {observed}% against a target of {wanted}%. "
                + "Raise maxReplicas (if the cluster has room) or find why load or per-pod usage grew.",
                [.. status, Evidence.Metric($"HPA {hpa.Name}: currentReplicas {current}, maxReplicas {max}, utilisation {observed}% / target {wanted}%")],
                new Remediation("Raise maxReplicas", $"kubectl patch hpa {hpa.Name} -n {hpa.Namespace} -p '{{\"spec\":{{\"maxReplicas\":{max * 2}}}}}'", Remediation.Confirm));
        }
    }

    private static bool Failing(List<JsonElement> conditions, string type, string reason)
        => conditions.Any(c => c.Str("type") == type && c.Str("status") == "False" && c.Str("reason") == reason);

    // autoscaling/v2: the first Resource metric's current and target average utilisation.
    private static (long? Observed, long? Wanted) Utilisation(KubeObject hpa)
    {
        var wanted = hpa.Raw.Objects("spec.metrics").Select(m => m.Long("resource.target.averageUtilization")).FirstOrDefault(v => v is not null)
            ?? hpa.Raw.Long("spec.targetCPUUtilizationPercentage");
        var observed = hpa.Raw.Objects("status.currentMetrics").Select(m => m.Long("resource.current.averageUtilization")).FirstOrDefault(v => v is not null)
            ?? hpa.Raw.Long("status.currentCPUUtilizationPercentage");
        return (observed, wanted);
    }

    private void Add(AnalysisContext context, KubeObject hpa, string severity, string title, string explanation, IReadOnlyList<Evidence> evidence, Remediation fix)
        => context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.HPAMisconfigured,
            Severity = severity,
            Subject = hpa.Ref,
            Title = title,
            Explanation = explanation,
            Evidence = evidence,
            Remediation = [fix, new Remediation("Inspect the autoscaler's conditions and events", $"kubectl describe hpa {hpa.Name} -n {hpa.Namespace}", Remediation.Safe)],
        });
}
