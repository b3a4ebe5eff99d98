using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Scenarios;

/// <summary>Checks a report against a scenario's expectations with the linking rules of spec section 3.</summary>
public static class ExpectationMatcher
{
    /// <summary>Returns the failures (empty when the report satisfies every expectation).</summary>
    public static IReadOnlyList<string> Check(ScenarioMetadata scenario, DiagnosisReport report, ClusterState cluster)
    {
        var failures = new List<string>();
        var problems = report.RootCauses.Where(r => r.Severity is Severity.Critical or Severity.Warning).ToList();
        foreach (var expectation in scenario.Expect)
        {
            var hit = report.RootCauses.Any(r => r.Category == expectation.Category
                && new[] { r.Resource }.Concat(r.Affected).Any(o => Linked(cluster, o, expectation.Resource)));
            if (!hit)
            {
                failures.Add($"expected {expectation.Category} on {expectation.Resource}; got: {Describe(report.RootCauses)}");
            }
        }

        if (scenario.ExpectNoRootCause && problems.Count > 0)
        {
            failures.Add($"expected no critical/warning root cause; got: {Describe(problems)}");
        }

        if (scenario.MaxRootCauses is { } max && problems.Count > max)
        {
            failures.Add($"expected at most {max} critical/warning root cause(s); got {problems.Count}: {Describe(problems)}");
        }

        return failures;
    }

    /// <summary>Returns whether two objects are the same or linked by ownership or reference.</summary>
    public static bool Linked(ClusterState cluster, ObjectRef a, ObjectRef b)
    {
        if (Same(a, b))
        {
            return true;
        }

        var objA = cluster.Find(a);
        var objB = cluster.Find(b);
        return (objA is not null && Related(cluster, objA, b)) || (objB is not null && Related(cluster, objB, a));
    }

    private static bool Related(ClusterState cluster, KubeObject obj, ObjectRef other)
    {
        // Ownership in either direction, through any number of controllers (Pod -> ReplicaSet -> Deployment, Job -> CronJob).
        var chain = new List<KubeObject> { obj };
        for (var current = obj; current.Controller is { } c && cluster.OwnerOf(current, c) is { } owner && chain.Count < 6; current = owner)
        {
            chain.Add(owner);
        }

        if (chain.Any(o => Same(o.Ref, other)))
        {
            return true;
        }

        var pods = obj.Kind == "Pod" ? [obj] : OwnerResolver.PodsOf(cluster, obj).ToList();
        foreach (var pod in pods)
        {
            if (Same(pod.Ref, other) || References(pod.Raw, other))
            {
                return true;
            }
        }

        var template = obj.Raw.At("spec.template");
        if (References(template.Exists() ? template : obj.Raw.At("spec.jobTemplate.spec.template"), other))
        {
            return true;
        }

        if (obj.Kind == "Service")
        {
            return ServiceEndpoints.SelectedPods(cluster, obj).Any(p => Related(cluster, p, other))
                || ServiceEndpoints.BackingWorkloads(cluster, obj).Any(w => Same(w.Ref, other));
        }

        if (obj.Kind == "Ingress")
        {
            return obj.Raw.Objects("spec.rules").SelectMany(r => r.Objects("http.paths")).Select(p => p.Str("backend.service.name"))
                .Any(name => name is not null && (Same(new ObjectRef("Service", obj.Namespace, name), other)
                    || (cluster.Find("Service", obj.Namespace, name) is { } svc && Related(cluster, svc, other))));
        }

        return false;
    }

    // A pod spec names ConfigMaps, Secrets, PVCs and its ServiceAccount and Node.
    private static bool References(JsonElement podTemplateOrPod, ObjectRef other)
    {
        var spec = podTemplateOrPod.At("spec");
        if (!spec.Exists())
        {
            return false;
        }

        var text = spec.GetRawText();
        return other.Kind switch
        {
            "ConfigMap" or "Secret" or "PersistentVolumeClaim" => text.Contains($"\"{other.Name}\"", StringComparison.Ordinal),
            "ServiceAccount" => spec.Str("serviceAccountName") == other.Name,
            "Node" => spec.Str("nodeName") == other.Name,
            _ => false,
        };
    }

    private static bool Same(ObjectRef a, ObjectRef b)
        => string.Equals(a.Kind, b.Kind, StringComparison.OrdinalIgnoreCase) && a.Name == b.Name && (a.Namespace ?? "") == (b.Namespace ?? "");

    private static string Describe(IEnumerable<RootCause> causes)
    {
        var list = causes.Select(r => $"{r.Category}({r.Severity}) on {r.Resource}").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
