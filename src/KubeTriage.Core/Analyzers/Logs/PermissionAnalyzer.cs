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
            var requestNamespace = scope.StartsWith("in the namespace", StringComparison.Ordinal) ? scope.Split('"')[1] : null;
            var bound = RbacRules.Bound(context.Cluster, denial.Groups["sans"].Value, denial.Groups["sa"].Value, requestNamespace);
            var grants = bound.Any(b => b.Rules.Any(r => RbacRules.Allows(r, verb, group, resource)));
            var boundText = bound.Count == 0
                ? "No RoleBinding or ClusterRoleBinding in the data binds it" + (requestNamespace is null ? "." : $" in namespace {requestNamespace}.")
                : "It is bound to " + string.Join("; ", bound.Select(b => $"{b.Binding.Kind} {b.Binding.Name} -> {b.Binding.Raw.Str("roleRef.kind")} {b.Binding.Raw.Str("roleRef.name")}"
                    + (b.Role is null ? " (role not found)" : $" ({string.Join("; ", b.Rules.Select(RbacRules.Describe))})"))) + (grants ? ", which does grant it now (the 403s may predate a fix)." : $", none of which grants {verb} on {resource}.");
            var workload = OwnerResolver.TopControllerRef(context.Cluster, pod);
            var clusterScope = scope.StartsWith("at the cluster scope", StringComparison.Ordinal);
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.PermissionDenied,
                Severity = grants ? Severity.Info : Severity.Warning,
                Subject = pod.Ref,
                Container = container,
                Cause = new ObjectRef("ServiceAccount", denial.Groups["sans"].Value, denial.Groups["sa"].Value),
                Title = $"ServiceAccount {sa} may not {verb} {resource}",
                Explanation = $"The Kubernetes API refuses ServiceAccount {sa} to {verb} \"{resource}\" (API group \"{group}\") {scope}. "
                    + boundText + " "
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

    [GeneratedRegex(@"[^\n]*?(?<resource>[a-z0-9.\-]+) is forbidden: User ""system:serviceaccount:(?<sans>[^:""]+):(?<sa>[^""]+)"" cannot (?<verb>\w+) resource ""(?<res2>[^""]+)"" in API group ""(?<group>[^""]*)""(?<scope> at the cluster scope| in the namespace ""[^""]+"")?")]
    private static partial Regex ForbiddenLine();
}
