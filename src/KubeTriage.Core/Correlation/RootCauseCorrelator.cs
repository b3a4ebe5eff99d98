using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Correlation;

/// <summary>Groups findings into root causes along ownership and references, so one cause with many symptoms is reported once.</summary>
public static class RootCauseCorrelator
{
    private const int MaxEvidence = 10;
    private const int MaxRemediation = 5;

    /// <summary>Returns root causes, most impactful first.</summary>
    public static IReadOnlyList<RootCause> Correlate(ClusterState cluster, IReadOnlyList<Finding> findings)
    {
        var causes = new List<(RootCause Cause, ObjectRef? Dependency)>();
        // Objects that have a real (non-info) finding of their own can absorb the findings that name them as cause.
        var broken = findings.Where(f => f.Severity != Severity.Info || f.Cause == f.Subject).Select(f => f.Subject).ToHashSet();
        var causeOf = findings.Where(f => f.Cause is not null && f.Cause != f.Subject && broken.Contains(f.Subject))
            .GroupBy(f => f.Subject).ToDictionary(g => g.Key, g => g.First().Cause!);
        var placed = findings.Select(f => (Finding: f, Owner: FixOwner(cluster, f, broken, causeOf, out var redirected), Redirected: redirected)).ToList();
        foreach (var group in placed.GroupBy(p => p.Owner))
        {
            // Findings redirected to their cause, and generic symptoms when something specific is known, only support.
            var own = group.Where(p => !p.Redirected).Select(p => p.Finding).ToList();
            if (own.Count == 0)
            {
                own = [.. group.Select(p => p.Finding)];
            }

            var specific = own.Where(f => !Categories.Generic.Contains(f.Category)).ToList();
            var kept = specific.Count > 0 ? specific : own;

            // Among generic symptoms alone, the most telling one (a probe failure over a stuck rollout) wins.
            if (specific.Count == 0)
            {
                var best = kept.Min(f => Categories.Specificity(f.Category));
                kept = [.. kept.Where(f => Categories.Specificity(f.Category) == best)];
            }

            // Dropped findings still carry useful lines (the crash log behind a stuck rollout): keep them as supporting evidence.
            var supporting = group.Select(p => p.Finding).Except(kept).ToList();
            causes.AddRange(kept.GroupBy(f => f.Category).Select(byCategory => (Build(cluster, group.Key, [.. byCategory], supporting), byCategory.First().Cause)));
        }

        // A symptom-only cause on a workload that another cause already explains (its pods wait for a PVC) is not a second cause.
        var explained = causes.Where(c => !Categories.Generic.Contains(c.Cause.Category)).SelectMany(c => c.Cause.Affected).ToHashSet();
        causes.RemoveAll(c => Categories.Generic.Contains(c.Cause.Category) && explained.Contains(c.Cause.Resource));

        return [.. causes.Select(c => LinkDependency(c.Cause, c.Dependency, causes.Select(x => x.Cause)))
            .OrderBy(c => Severity.Rank(c.Severity))
            .ThenByDescending(c => c.Affected.Count(a => a.Kind is "Service" or "Ingress"))
            .ThenByDescending(c => c.Affected.Count)
            .ThenBy(c => Categories.Specificity(c.Category))
            .ThenBy(c => c.Resource.ToString(), StringComparer.Ordinal)];
    }

    private static ObjectRef FixOwner(ClusterState cluster, Finding finding, HashSet<ObjectRef> broken, Dictionary<ObjectRef, ObjectRef> causeOf, out bool redirected)
    {
        // A finding that names a cause which is itself broken (a pod waiting for a PVC that waits for a Released PV,
        // a workload blocked by a webhook whose certificate expired) belongs to that cause: the fix is reported once, there.
        var owner = finding.Cause;
        redirected = false;
        for (var hops = 0; owner is not null && owner != finding.Subject && broken.Contains(owner) && hops < 4; hops++)
        {
            redirected = true;
            var next = causeOf.GetValueOrDefault(owner);
            if (next is null || next == owner || !broken.Contains(next))
            {
                break;
            }

            owner = next;
        }

        if (redirected)
        {
            return owner!;
        }

        if (finding.Category is Categories.NodePressure or Categories.NodeNotReady or Categories.NodeCordoned && finding.Cause is { Kind: "Node" } node)
        {
            return node;
        }

        // Only workload machinery (pods, ReplicaSets, Jobs) defers to its controller; a custom resource owned by an
        // Ingress (cert-manager's Certificate) is still where its own fix belongs.
        var subject = cluster.Find(finding.Subject);
        return subject is null || subject.Kind is not ("Pod" or "ReplicaSet" or "Job") ? finding.Subject : OwnerResolver.TopControllerRef(cluster, subject);
    }

    private static RootCause Build(ClusterState cluster, ObjectRef owner, List<Finding> findings, List<Finding> supporting)
    {
        var ordered = findings.OrderBy(f => Severity.Rank(f.Severity)).ToList();
        var lead = ordered[0];
        var affected = new List<ObjectRef>();
        foreach (var subject in findings.Concat(supporting).Select(f => f.Subject).Where(s => s != owner).Distinct())
        {
            affected.Add(subject);
        }

        // Pods grouped under another owner (a PVC, a Node, a webhook) still name their workloads.
        var workloads = affected.Where(a => a.Kind is "Pod" or "ReplicaSet" or "Job").Select(cluster.Find).OfType<KubeObject>()
            .Select(p => OwnerResolver.TopControllerRef(cluster, p)).Where(w => w.Kind != "Pod" && w != owner && !affected.Contains(w)).Distinct().ToList();
        affected.AddRange(DownstreamOf(cluster, owner, affected));
        affected.AddRange(workloads);
        var pods = affected.Count(a => a.Kind == "Pod");
        var explanation = lead.Explanation;
        if (pods > 1)
        {
            explanation += $" {pods} pods are affected.";
        }

        var services = affected.Where(a => a.Kind == "Service").Select(cluster.Find).OfType<KubeObject>().ToList();
        var down = services.Where(s => !ServiceEndpoints.HasReadyEndpoints(cluster, s)).Select(s => s.Name).ToList();
        var degraded = services.Select(s => s.Name).Except(down).ToList();
        if (down.Count > 0)
        {
            explanation += $" Service {string.Join(", ", down)} {(down.Count > 1 ? "have" : "has")} no ready endpoints as a result.";
        }

        if (degraded.Count > 0)
        {
            explanation += $" Service {string.Join(", ", degraded)} still {(degraded.Count > 1 ? "have" : "has")} ready endpoints, with less capacity.";
        }

        return new RootCause
        {
            Category = lead.Category,
            Severity = lead.Severity,
            Resource = owner,
            Title = lead.Title,
            Explanation = explanation,
            Evidence = [.. ordered.Concat(supporting).SelectMany(f => f.Evidence).DistinctBy(e => e.Text).Take(MaxEvidence)],
            Affected = affected,
            Remediation = [.. ordered.SelectMany(f => f.Remediation).DistinctBy(r => r.Command ?? r.Description).Take(MaxRemediation)],
        };
    }

    // Services selecting the broken pods (or the workload's template) and Ingresses routing to those Services.
    private static IEnumerable<ObjectRef> DownstreamOf(ClusterState cluster, ObjectRef owner, List<ObjectRef> affected)
    {
        var podNames = affected.Where(a => a.Kind == "Pod").Select(a => a.Name).ToHashSet();
        var workload = cluster.Find(owner);
        var services = cluster.InNamespace("Service", owner.Namespace).Where(s => s.Raw.Map("spec.selector").Count > 0
            && (ServiceEndpoints.SelectedPods(cluster, s).Any(p => podNames.Contains(p.Name))
                || (workload is not null && LabelSelector.Matches(s.Raw.Map("spec.selector"), workload.Raw.Map("spec.template.metadata.labels")))))
            .Where(s => !ServiceEndpoints.HasReadyEndpoints(cluster, s) || podNames.Count > 0)
            .ToList();
        foreach (var service in services)
        {
            yield return service.Ref;
        }

        var serviceNames = services.Select(s => s.Name).ToHashSet();
        foreach (var ingress in cluster.InNamespace("Ingress", owner.Namespace))
        {
            var backends = ingress.Raw.Objects("spec.rules").SelectMany(r => r.Objects("http.paths")).Select(p => p.Str("backend.service.name"))
                .Append(ingress.Raw.Str("spec.defaultBackend.service.name"));
            if (backends.Any(b => b is not null && serviceNames.Contains(b)))
            {
                yield return ingress.Ref;
            }
        }
    }

    // A caller's DependencyUnavailable names the dependency's own root cause when there is one.
    private static RootCause LinkDependency(RootCause cause, ObjectRef? target, IEnumerable<RootCause> all)
    {
        if (cause.Category != Categories.DependencyUnavailable || target is null)
        {
            return cause;
        }

        var dependency = all.FirstOrDefault(other => other != cause && (other.Resource == target || other.Affected.Contains(target)));
        return dependency is null
            ? cause
            : cause with { Explanation = cause.Explanation + $" The dependency's own root cause: {dependency.Title} ({dependency.Category} on {dependency.Resource})." };
    }
}
