using System.Text.Json;
using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Networking;

/// <summary>Checks Gateway API objects: GatewayClass accepted, Gateway programmed, HTTPRoute parents and backends resolved.</summary>
internal sealed class GatewayApiAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Gateways;

    public void Analyze(AnalysisContext context)
    {
        context.ForEach(Name, context.Cluster.OfKind("GatewayClass"), gc => Condition(context, gc, "Accepted", $"GatewayClass {gc.Name} is not accepted by its controller {gc.Raw.Str("spec.controllerName")}"));
        context.ForEach(Name, context.InScope("Gateway"), gateway =>
        {
            var className = gateway.Raw.Str("spec.gatewayClassName");
            if (className is not null && context.Cluster.OfKind("GatewayClass").Count > 0 && context.Cluster.Find("GatewayClass", null, className) is null)
            {
                Add(context, gateway, $"Gateway {gateway.Name} names GatewayClass {className}, which does not exist", [Evidence.Spec($"Gateway {gateway.Name}: gatewayClassName {className}; no such GatewayClass")]);
                return;
            }

            if (!Condition(context, gateway, "Programmed", $"Gateway {gateway.Name} is not programmed"))
            {
                Condition(context, gateway, "Accepted", $"Gateway {gateway.Name} is not accepted");
            }
        });
        context.ForEach(Name, context.InScope("HTTPRoute").Concat(context.InScope("GRPCRoute")), route => Route(context, route));
    }

    private void Route(AnalysisContext context, KubeObject route)
    {
        var evidence = new List<Evidence>();
        var problems = new List<string>();
        if (context.Cluster.OfKind("Gateway").Count > 0)
        {
            foreach (var parent in route.Raw.Objects("spec.parentRefs").Where(p => (p.Str("kind") ?? "Gateway") == "Gateway"))
            {
                var ns = parent.Str("namespace") ?? route.Namespace;
                if (context.Cluster.Find("Gateway", ns, parent.Str("name") ?? "") is null)
                {
                    problems.Add($"parent Gateway {ns}/{parent.Str("name")} does not exist");
                    evidence.Add(Evidence.Spec($"{route.Kind} {route.Name} parentRefs: Gateway {ns}/{parent.Str("name")}; not found"));
                }
            }
        }

        foreach (var backend in route.Raw.Objects("spec.rules").SelectMany(r => r.Objects("backendRefs")).Where(b => (b.Str("kind") ?? "Service") == "Service"))
        {
            var ns = backend.Str("namespace") ?? route.Namespace;
            if (context.Cluster.OfKind("Service").Count > 0 && context.Cluster.Find("Service", ns, backend.Str("name") ?? "") is null)
            {
                problems.Add($"backend Service {ns}/{backend.Str("name")} does not exist");
                evidence.Add(Evidence.Spec($"{route.Kind} {route.Name} backendRefs: Service {ns}/{backend.Str("name")}; not found"));
            }
        }

        foreach (var parentStatus in route.Raw.Objects("status.parents"))
        {
            foreach (var c in parentStatus.Objects("conditions").Where(c => c.Str("type") is "Accepted" or "ResolvedRefs" && c.Str("status") == "False"))
            {
                problems.Add($"{c.Str("type")}=False ({c.Str("reason")})");
                evidence.Add(Evidence.Status($"{route.Kind} {route.Name} parent {parentStatus.Str("parentRef.name")}: {c.Str("type")}=False reason {c.Str("reason")}: {c.Str("message")}"));
            }
        }

        if (problems.Count > 0)
        {
            Add(context, route, $"{route.Kind} {route.Name}: {problems.Distinct().First()}", [.. evidence.DistinctBy(e => e.Text)], string.Join("; ", problems.Distinct()));
        }
    }

    // Returns true when the condition is False (and a finding was added).
    private bool Condition(AnalysisContext context, KubeObject obj, string type, string title)
    {
        var condition = obj.Raw.Objects("status.conditions").FirstOrDefault(c => c.Str("type") == type);
        if (condition.Str("status") != "False")
        {
            return false;
        }

        Add(context, obj, title, [Line(obj, condition)], $"{type}=False ({condition.Str("reason")}): {condition.Str("message")}");
        return true;
    }

    private void Add(AnalysisContext context, KubeObject obj, string title, IReadOnlyList<Evidence> evidence, string? why = null)
        => context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.IngressMisconfigured,
            Severity = Severity.Critical,
            Subject = obj.Ref,
            Title = title,
            Explanation = $"{obj.Kind} {obj.Name} cannot route traffic: {why ?? title}.",
            Evidence = evidence,
            Remediation = [new Remediation($"Inspect the {obj.Kind}'s status conditions", $"kubectl describe {obj.Kind.ToLowerInvariant()} {obj.Name}{obj.Ref.NamespaceFlag}", Remediation.Safe)],
        });

    private static Evidence Line(KubeObject obj, JsonElement c)
        => Evidence.Status($"{obj.Kind} {obj.Name}: {c.Str("type")}={c.Str("status")} reason {c.Str("reason")}: {c.Str("message")}");
}
