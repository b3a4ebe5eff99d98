using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Admission;

/// <summary>Finds admission webhooks whose Service is missing or has no ready endpoints; with failurePolicy Fail they block writes.</summary>
internal sealed class WebhookAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Webhooks;

    public void Analyze(AnalysisContext context)
    {
        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            context.ForEach(Name, context.Cluster.OfKind(kind), config => AnalyzeConfig(context, config));
        }
    }

    private void AnalyzeConfig(AnalysisContext context, KubeObject config)
    {
        foreach (var webhook in config.Raw.Objects("webhooks"))
        {
            var ns = webhook.Str("clientConfig.service.namespace");
            var name = webhook.Str("clientConfig.service.name");
            if (ns is null || name is null || context.Cluster.OfKind("Service").Count == 0)
            {
                continue;
            }

            var service = context.Cluster.Find("Service", ns, name);
            if (service is not null && ServiceEndpoints.HasReadyEndpoints(context.Cluster, service))
            {
                continue;
            }

            var failurePolicy = webhook.Str("failurePolicy") ?? "Fail";
            var blocking = failurePolicy == "Fail";
            var problem = service is null ? $"its Service {ns}/{name} does not exist" : $"its Service {ns}/{name} has no ready endpoints";
            var backing = service is null ? null : ServiceEndpoints.BackingWorkloads(context.Cluster, service).FirstOrDefault();
            var rejected = context.Cluster.Events.Where(e => e.IsWarning && context.IsRecent(e.LastSeen) && e.Message.Contains($"\"{webhook.Str("name")}\"", StringComparison.Ordinal)).ToList();
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.AdmissionWebhookFailure,
                Severity = blocking ? Severity.Critical : Severity.Warning,
                Subject = config.Ref,
                Title = $"Admission webhook {webhook.Str("name")} is unavailable" + (blocking ? " and blocks writes" : ""),
                Explanation = $"{config.Kind} {config.Name} sends requests to webhook {webhook.Str("name")}, but {problem}. "
                    + (blocking ? "Its failurePolicy is Fail, so every matching create/update is rejected until the webhook answers." : "Its failurePolicy is Ignore, so requests pass unchecked.")
                    + (backing is not null ? $" The webhook server is {backing.Kind} {backing.Namespace}/{backing.Name} ({backing.Raw.Long("status.readyReplicas") ?? 0}/{backing.Raw.Long("spec.replicas") ?? 1} ready)." : ""),
                Evidence =
                [
                    Evidence.Spec($"{config.Kind} {config.Name} webhook {webhook.Str("name")}: service {ns}/{name}, failurePolicy {failurePolicy}"),
                    Evidence.Status(service is null ? $"Service {ns}/{name}: not found" : $"Endpoints {name}: no ready addresses"),
                    .. rejected.GroupBy(e => e.Reason).Select(g => g.Last()).Take(2).Select(e => Evidence.Event($"{e.InvolvedKind} {e.InvolvedName}: {e.Describe()}")),
                ],
                Remediation =
                [
                    new Remediation("Restore the webhook's Service and pods", $"kubectl get svc,endpoints,pods -n {ns}", Remediation.Safe),
                    new Remediation("If the webhook was uninstalled, delete its leftover configuration", $"kubectl delete {config.Kind.ToLowerInvariant()} {config.Name}", Remediation.Confirm),
                ],
            });
        }
    }
}
