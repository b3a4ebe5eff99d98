using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Logs;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Networking;

/// <summary>Finds NetworkPolicies that select no pods, and policies that cut a failing workload off from a healthy Service it calls.</summary>
internal sealed class NetworkPolicyAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.NetworkPolicies;

    public void Analyze(AnalysisContext context)
    {
        if (context.Cluster.OfKind("NetworkPolicy").Count == 0)
        {
            return;
        }

        context.ForEach(Name, context.InScope("NetworkPolicy"), policy => SelectsNothing(context, policy));
        var evaluator = new NetworkPolicyEvaluator(context.Cluster);
        foreach (var (pod, container, signatures) in NetworkFailures.Find(context))
        {
            foreach (var signature in signatures.Where(s => s.Kind is LogSignatureKind.Timeout or LogSignatureKind.ConnectionRefused))
            {
                if (Blocked(context, evaluator, pod, container, signature))
                {
                    break;
                }
            }
        }
    }

    private void SelectsNothing(AnalysisContext context, KubeObject policy)
    {
        var selector = policy.Raw.At("spec.podSelector");
        if (selector.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (LabelSelector.IsEmpty(selector))
        {
            return;
        }

        if (context.Cluster.OfKind("Pod").Any(p => p.Namespace == policy.Namespace && LabelSelector.Matches(selector, p.Labels)))
        {
            return;
        }

        var labels = string.Join(",", selector.Map("matchLabels").Select(kv => $"{kv.Key}={kv.Value}"));
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.NetworkPolicyBlocking,
            Severity = Severity.Warning,
            Subject = policy.Ref,
            Title = $"NetworkPolicy {policy.Name} selects no pods",
            Explanation = $"NetworkPolicy {policy.Name} applies to pods with {labels}, but no pod in namespace {policy.Namespace} has those labels, so the rules it was written for are not enforced (or not granted). The selector probably has a typo.",
            Evidence = [Evidence.Spec($"NetworkPolicy {policy.Name} podSelector: {labels} matches 0 pods in namespace {policy.Namespace}")],
            Remediation = [new Remediation("Compare the selector with the pods' labels", $"kubectl get pods -n {policy.Namespace} --show-labels", Remediation.Safe)],
        });
    }

    private bool Blocked(AnalysisContext context, NetworkPolicyEvaluator evaluator, PodView caller, ContainerStatusView container, LogSignature signature)
    {
        var service = ServiceResolver.Resolve(context.Cluster, signature.Host!, caller.Object.Namespace ?? "");
        if (service is null || !ServiceEndpoints.HasReadyEndpoints(context.Cluster, service))
        {
            return false;
        }

        var targetPort = TargetPort(service, signature.Port);
        var destination = ServiceEndpoints.SelectedPods(context.Cluster, service).FirstOrDefault(p => new PodView(p).IsReady);
        if (destination is null)
        {
            return false;
        }

        var (allowed, blocking) = evaluator.Allows(caller.Object, destination, targetPort);
        if (allowed)
        {
            return false;
        }

        var policy = blocking.OrderBy(p => p.Raw.Objects("spec.egress").Any() || p.Raw.Objects("spec.ingress").Any() ? 1 : 0).First();
        var workload = OwnerResolver.TopControllerRef(context.Cluster, caller.Object);
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.NetworkPolicyBlocking,
            Severity = Impact.SeverityFor(context.Cluster, caller.Object),
            Subject = policy.Ref,
            Title = $"NetworkPolicy {policy.Name} blocks {workload.Kind} {workload.Name} from reaching {service.Name}",
            Explanation = $"{workload.Kind} {workload.Name} fails to connect to Service {service.Namespace}/{service.Name}{(signature.Port is { } p ? $" port {p}" : "")}, which has ready endpoints, "
                + $"because NetworkPolicy {policy.Namespace}/{policy.Name} isolates {(policy.Namespace == caller.Object.Namespace ? "the caller" : "the destination")} and no rule allows this traffic. Add a rule that allows it.",
            Evidence =
            [
                Evidence.Log($"[{caller.Object.Name}/{container.Name}] {signature.Line.Trim()}"),
                Evidence.Spec($"NetworkPolicy {policy.Name}: policyTypes [{string.Join(", ", policy.Raw.Strings("spec.policyTypes"))}], selects pod {(policy.Namespace == caller.Object.Namespace ? caller.Object.Name : destination.Name)}, no rule allows {caller.Object.Namespace}/{caller.Object.Name} -> {destination.Namespace}/{destination.Name}:{targetPort}"),
                Evidence.Status($"Service {service.Name} has ready endpoints"),
            ],
            Remediation =
            [
                new Remediation("List the policies that apply in the namespace", $"kubectl get networkpolicy -n {policy.Namespace}", Remediation.Safe),
                new Remediation($"Allow {workload.Name} to reach {service.Name} on port {targetPort}", $"kubectl edit networkpolicy {policy.Name} -n {policy.Namespace}", Remediation.Confirm),
            ],
        });
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.NetworkPolicyBlocking,
            Severity = Severity.Info,
            Subject = caller.Object.Ref,
            Cause = policy.Ref,
            Title = $"Pod {caller.Object.Name} cannot reach {service.Name}",
            Explanation = signature.Line.Trim(),
        });
        return true;
    }

    // Policies see the pod port after the Service's translation, so map the Service port to its targetPort.
    private static int? TargetPort(KubeObject service, int? servicePort)
    {
        var ports = service.Raw.Objects("spec.ports").ToList();
        var port = ports.FirstOrDefault(p => servicePort is null || p.Long("port") == servicePort);
        port = port.Exists() ? port : ports.FirstOrDefault();
        var target = port.Str("targetPort") ?? port.Str("port");
        return int.TryParse(target, out var n) ? n : servicePort;
    }
}
