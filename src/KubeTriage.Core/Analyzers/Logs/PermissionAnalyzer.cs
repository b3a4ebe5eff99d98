using System.Text.RegularExpressions;
using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Finds workloads whose logs show the Kubernetes API refusing their ServiceAccount (RBAC 403s).</summary>
internal sealed partial class PermissionAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Logs;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Pod"), pod => AnalyzePod(context, pod));

    private void AnalyzePod(AnalysisContext context, KubeObject pod)
    {
        foreach (var container in pod.Raw.Objects("spec.containers").Select(c => c.Str("name")).OfType<string>())
        {
            var log = context.Cluster.Log(pod.Namespace ?? "", pod.Name, container, previous: false)
                ?? context.Cluster.Log(pod.Namespace ?? "", pod.Name, container, previous: true);
            var denial = log is null ? null : ForbiddenLine().Match(log.Text);
            if (denial is not { Success: true })
            {
                continue;
            }

            var sa = $"{denial.Groups["sans"].Value}/{denial.Groups["sa"].Value}";
            var verb = denial.Groups["verb"].Value;
            var resource = denial.Groups["res2"].Value;
            var group = denial.Groups["group"].Value;
            var scope = denial.Groups["scope"].Value.Trim();
            var bindings = Bindings(context.Cluster, denial.Groups["sans"].Value, denial.Groups["sa"].Value);
            var workload = OwnerResolver.TopControllerRef(context.Cluster, pod);
            var clusterScope = scope.StartsWith("at the cluster scope", StringComparison.Ordinal);
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.PermissionDenied,
                Severity = Severity.Warning,
                Subject = pod.Ref,
                Container = container,
                Cause = new ObjectRef("ServiceAccount", denial.Groups["sans"].Value, denial.Groups["sa"].Value),
                Title = $"ServiceAccount {sa} may not {verb} {resource}",
                Explanation = $"The Kubernetes API refuses ServiceAccount {sa} to {verb} \"{resource}\" (API group \"{group}\") {scope}. "
                    + (bindings.Count > 0 ? $"It is bound to {string.Join(", ", bindings)}, which do not grant this. " : "No RoleBinding or ClusterRoleBinding in the data names it. ")
                    + (clusterScope ? "A cluster-wide request needs a ClusterRole bound with a ClusterRoleBinding." : "Grant it with a Role and RoleBinding in that namespace."),
                Evidence = [Evidence.Log($"[{pod.Name}/{container}] {denial.Value.Trim()}")],
                Remediation =
                [
                    new Remediation("Check the permission as the ServiceAccount", $"kubectl auth can-i {verb} {resource} --as=system:serviceaccount:{sa.Replace('/', ':')}{(clusterScope ? " -A" : $" -n {pod.Namespace}")}", Remediation.Safe),
                    clusterScope
                        ? new Remediation("Grant the missing permission cluster-wide", $"kubectl create clusterrole {workload.Name}-{resource} --verb={verb} --resource={resource} && kubectl create clusterrolebinding {workload.Name}-{resource} --clusterrole={workload.Name}-{resource} --serviceaccount={sa.Replace('/', ':')}", Remediation.Confirm)
                        : new Remediation("Grant the missing permission in the namespace", $"kubectl create role {workload.Name}-{resource} -n {pod.Namespace} --verb={verb} --resource={resource} && kubectl create rolebinding {workload.Name}-{resource} -n {pod.Namespace} --role={workload.Name}-{resource} --serviceaccount={sa.Replace('/', ':')}", Remediation.Confirm),
                ],
            });
        }
    }

    private static List<string> Bindings(ClusterState cluster, string ns, string name)
        => [.. cluster.OfKind("RoleBinding").Concat(cluster.OfKind("ClusterRoleBinding"))
            .Where(b => b.Raw.Objects("subjects").Any(s => s.Str("kind") == "ServiceAccount" && s.Str("name") == name && (s.Str("namespace") ?? b.Namespace) == ns))
            .Select(b => $"{b.Kind} {b.Name} ({b.Raw.Str("roleRef.kind")} {b.Raw.Str("roleRef.name")})")];

    [GeneratedRegex(@"[^\n]*?(?<resource>[a-z0-9.\-]+) is forbidden: User ""system:serviceaccount:(?<sans>[^:""]+):(?<sa>[^""]+)"" cannot (?<verb>\w+) resource ""(?<res2>[^""]+)"" in API group ""(?<group>[^""]*)""(?<scope> at the cluster scope| in the namespace ""[^""]+"")?")]
    private static partial Regex ForbiddenLine();
}
