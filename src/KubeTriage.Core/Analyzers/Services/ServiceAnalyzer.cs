using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Services;

/// <summary>Finds Services whose selector matches no pods, or whose targetPort matches no container port.</summary>
internal sealed class ServiceAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Services;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Service"), service => AnalyzeService(context, service));

    private void AnalyzeService(AnalysisContext context, KubeObject service)
    {
        var selector = service.Raw.Map("spec.selector");
        if (selector.Count == 0 || service.Raw.Str("spec.type") == "ExternalName")
        {
            return;
        }

        var pods = ServiceEndpoints.SelectedPods(context.Cluster, service);
        if (pods.Count == 0)
        {
            SelectorMatchesNothing(context, service, selector);
            return;
        }

        foreach (var port in service.Raw.Objects("spec.ports"))
        {
            TargetPort(context, service, port, pods);
        }
    }

    private void SelectorMatchesNothing(AnalysisContext context, KubeObject service, IReadOnlyDictionary<string, string> selector)
    {
        // A Service in front of a workload scaled to zero (or whose pods cannot be created) is not misconfigured.
        if (ServiceEndpoints.BackingWorkloads(context.Cluster, service).Any())
        {
            return;
        }

        var selectorText = string.Join(",", selector.Select(kv => $"{kv.Key}={kv.Value}"));
        var nearMiss = context.Cluster.OfKind("Pod")
            .Where(p => p.Namespace == service.Namespace && !new PodView(p).IsTerminal && selector.Keys.Any(k => p.Labels.ContainsKey(k)))
            .GroupBy(p => string.Join(",", selector.Keys.Where(p.Labels.ContainsKey).Select(k => $"{k}={p.Labels[k]}")))
            .Select(g => (Labels: g.Key, Owner: OwnerResolver.TopControllerRef(context.Cluster, g.First())))
            .Take(3).ToList();
        var evidence = new List<Evidence> { Evidence.Spec($"Service {service.Name} selector: {selectorText} matches 0 pods in namespace {service.Namespace}") };
        evidence.AddRange(nearMiss.Select(n => Evidence.Status($"Pods of {n.Owner} carry {n.Labels}")));
        var endpoints = context.Cluster.Find("Endpoints", service.Namespace, service.Name);
        if (endpoints is not null && !endpoints.Raw.Objects("subsets").Any())
        {
            evidence.Add(Evidence.Status($"Endpoints {service.Name}: <none>"));
        }

        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.ServiceSelectorMismatch,
            Severity = Severity.Critical,
            Subject = service.Ref,
            Title = $"Service {service.Name} selects no pods",
            Explanation = $"Service {service.Name} selects pods with {selectorText}, but no pod in namespace {service.Namespace} has those labels, so it has no endpoints and every connection to it fails."
                + (nearMiss.Count > 0 ? $" Pods of {nearMiss[0].Owner} carry {nearMiss[0].Labels}: the selector probably has a typo." : ""),
            Evidence = evidence,
            Remediation =
            [
                new Remediation("Compare the selector with the pods' labels", $"kubectl get pods -n {service.Namespace} --show-labels", Remediation.Safe),
                new Remediation("Fix the Service selector", $"kubectl edit service {service.Name} -n {service.Namespace}", Remediation.Confirm),
            ],
        });
    }

    private void TargetPort(AnalysisContext context, KubeObject service, JsonElement port, IReadOnlyList<KubeObject> pods)
    {
        var target = port.Str("targetPort") ?? port.Str("port");
        if (target is null)
        {
            return;
        }

        var containerPorts = pods.SelectMany(p => new PodView(p).ContainerSpecs.SelectMany(c => c.Objects("ports"))).ToList();
        var isNumber = int.TryParse(target, out var number);
        var matches = isNumber
            ? containerPorts.Count == 0 || containerPorts.Any(p => p.Long("containerPort") == number)
            : containerPorts.Any(p => p.Str("name") == target);
        if (matches)
        {
            return;
        }

        var declared = string.Join(", ", containerPorts.Select(p => p.Str("name") is { } n ? $"{n}:{p.Long("containerPort")}" : $"{p.Long("containerPort")}").Distinct());
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.ServicePortMismatch,
            Severity = isNumber ? Severity.Warning : Severity.Critical,
            Subject = service.Ref,
            Title = $"Service {service.Name} targets port {target}, which its pods do not expose",
            Explanation = $"Service port {port.Str("name") ?? port.Str("port")} forwards to targetPort {target}, but the selected pods declare only [{declared}]."
                + (isNumber ? " Connections reach a port nothing listens on." : " A named targetPort that no container declares leaves the Service without endpoints."),
            Evidence = [Evidence.Spec($"Service {service.Name} port {port.Str("port")} -> targetPort {target}"), Evidence.Spec($"Pod {pods[0].Name} container ports: [{declared}]")],
            Remediation = [new Remediation("Point targetPort at the port the container listens on", $"kubectl edit service {service.Name} -n {service.Namespace}", Remediation.Confirm)],
        });
    }
}
