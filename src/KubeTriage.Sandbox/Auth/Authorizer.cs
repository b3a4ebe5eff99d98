using KubeTriage.Sandbox.Http;

namespace KubeTriage.Sandbox.Auth;

/// RBAC-like decisions from a user's grants, with the apiserver's Forbidden wording.
internal static class Authorizer
{
    private static readonly HashSet<string> s_readVerbs = ["get", "list", "watch"];

    // Subresources the view role does not include: they reach into running containers.
    private static readonly HashSet<string> s_interactive = ["exec", "attach", "portforward", "proxy"];

    public static bool Allows(SandboxUser user, string verb, string group, string resource, string? subresource, string? ns)
    {
        if (user.Groups.Contains(SandboxUser.MastersGroup))
        {
            return true;
        }

        // system:basic-user lets everyone review their own access.
        if (group == "authorization.k8s.io" && resource is "selfsubjectaccessreviews" or "selfsubjectrulesreviews")
        {
            return true;
        }

        return user.Grants.Any(g => (g.Namespace is null || (ns is not null && g.Namespace == ns)) && RoleAllows(g.Role, verb, group, resource, subresource));
    }

    public static ApiException Forbidden(SandboxUser user, string verb, string group, string resource, string? subresource, string? ns, string? name)
    {
        var target = subresource is null ? resource : $"{resource}/{subresource}";
        var subject = name is null ? Statuses.Qualified(group, resource) : $"{Statuses.Qualified(group, resource)} \"{name}\"";
        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var message = $"{subject} is forbidden: User \"{user.Name}\" cannot {verb} resource \"{target}\" in API group \"{group}\" {scope}";
        return Statuses.Forbidden(message, name, group, resource);
    }

    private static bool RoleAllows(SandboxRole role, string verb, string group, string resource, string? subresource) => role switch
    {
        SandboxRole.Admin => true,
        SandboxRole.Edit => group != "rbac.authorization.k8s.io" || s_readVerbs.Contains(verb),
        _ => s_readVerbs.Contains(verb) && resource != "secrets" && !(subresource is not null && s_interactive.Contains(subresource))
             && group != "rbac.authorization.k8s.io",
    };
}
