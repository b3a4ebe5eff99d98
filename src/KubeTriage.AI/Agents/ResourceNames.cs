using KubeTriage.AI.Agents.Clusters;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Maps a plural resource name to a kind: through the CRDs in the state, else the usual English plural rules.</summary>
internal static class ResourceNames
{
    public static string? KindFor(ClusterState state, string group, string resource)
    {
        var plural = resource.ToLowerInvariant();
        foreach (var crd in state.OfKind("CustomResourceDefinition"))
        {
            if (crd.Raw.Str("spec.group") == group && crd.Raw.Str("spec.names.plural") == plural && crd.Raw.Str("spec.names.kind") is { } crdKind)
            {
                return crdKind;
            }
        }

        return state.All
            .Where(o => o.Kind != "Event" && ApiVersions.GroupOf(o.ApiVersion) == group && Plural(o.Kind) == plural)
            .Select(o => o.Kind)
            .FirstOrDefault()
            ?? (group.Length == 0 && plural == "events" ? "Event" : null);
    }

    public static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        if (lower is "endpoints")
        {
            return lower;
        }

        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return lower + "es";
        }

        return lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2], StringComparison.Ordinal)
            ? lower[..^1] + "ies"
            : lower + "s";
    }
}
