using System.Text.Json;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Evaluates the RBAC rules bound to a ServiceAccount, as the API server's authorizer does (union of allow rules).</summary>
internal static class RbacRules
{
    /// <summary>Returns each binding of the subject that applies in the namespace (null: cluster scope) with the rules of its role.</summary>
    public static IReadOnlyList<(KubeObject Binding, KubeObject? Role, IReadOnlyList<JsonElement> Rules)> Bound(ClusterState cluster, string saNamespace, string saName, string? requestNamespace)
    {
        var bindings = cluster.OfKind("ClusterRoleBinding")
            .Concat(requestNamespace is null ? [] : cluster.InNamespace("RoleBinding", requestNamespace))
            .Where(b => b.Raw.Objects("subjects").Any(s => s.Str("kind") == "ServiceAccount" && s.Str("name") == saName && (s.Str("namespace") ?? b.Namespace) == saNamespace));
        return [.. bindings.Select(b =>
        {
            var roleKind = b.Raw.Str("roleRef.kind") ?? "";
            var role = cluster.Find(roleKind, roleKind == "Role" ? b.Namespace : null, b.Raw.Str("roleRef.name") ?? "");
            return (b, role, (IReadOnlyList<JsonElement>)[.. role?.Raw.Objects("rules") ?? []]);
        })];
    }

    /// <summary>Returns whether a rule allows the verb on the resource of the group.</summary>
    public static bool Allows(JsonElement rule, string verb, string group, string resource)
        => Has(rule, "verbs", verb) && Has(rule, "apiGroups", group) && Has(rule, "resources", resource);

    /// <summary>Renders a rule like kubectl describe role does: verbs on resources.</summary>
    public static string Describe(JsonElement rule)
        => $"{string.Join(",", Values(rule, "verbs"))} on {string.Join(",", Values(rule, "resources"))}";

    private static bool Has(JsonElement rule, string field, string value)
        => Values(rule, field).Any(v => v == "*" || v == value);

    private static IEnumerable<string> Values(JsonElement rule, string field)
        => rule.Strings(field);
}
