using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Engine;

/// <summary>Writes the one-paragraph summary a person reads first.</summary>
internal static class SummaryWriter
{
    public static string Write(ClusterState cluster, string? ns, IReadOnlyList<RootCause> causes, IReadOnlyList<string> warnings)
    {
        var pods = cluster.OfKind("Pod").Where(p => ns is null || p.Namespace == ns).Select(p => new PodView(p)).ToList();
        var scope = ns is null ? "the cluster" : $"namespace {ns}";
        var healthy = $"{pods.Count(p => p.IsReady)} of {pods.Count(p => !p.IsTerminal)} active pods are ready";
        var problems = causes.Where(c => c.Severity != Severity.Info).ToList();
        var caveat = warnings.Count > 0 ? $" {warnings.Count} warning(s) while collecting: the picture may be incomplete." : "";
        if (problems.Count == 0)
        {
            return $"No problems found in {scope}: {healthy}, and nothing that failed recently is still failing.{caveat}";
        }

        var lead = problems[0];
        var down = lead.Affected.Where(a => a.Kind == "Service").Select(cluster.Find).OfType<KubeObject>()
            .Where(s => !ServiceEndpoints.HasReadyEndpoints(cluster, s)).ToList();
        var services = down.Select(s => $"Service {s.Name}").Concat(lead.Affected.Where(a => a.Kind == "Ingress" && down.Count > 0).Select(a => $"Ingress {a.Name}")).ToList();
        var text = $"Found {problems.Count} root cause{(problems.Count > 1 ? "s" : "")} in {scope} ({healthy}). "
            + $"Most important ({lead.Severity}): {lead.Title} [{lead.Category} on {lead.Resource}]"
            + (services.Count > 0 ? $", which takes down {string.Join(" and ", services)}" : "") + ".";
        if (problems.Count > 1)
        {
            text += " Also: " + string.Join("; ", problems.Skip(1).Take(4).Select(c => $"{c.Title} [{c.Category}]")) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : "") + ".";
        }

        return text + caveat;
    }
}
