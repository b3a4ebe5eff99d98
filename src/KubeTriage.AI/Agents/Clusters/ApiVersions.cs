namespace KubeTriage.AI.Agents.Clusters;

/// <summary>Splits apiVersion strings as models write them: "v1", "apps/v1", or a group alone such as "cluster.x-k8s.io".</summary>
internal static class ApiVersions
{
    public static (string Group, string? Version) Split(string apiVersion)
    {
        var value = apiVersion.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return (value[..slash], value[(slash + 1)..]);
        }

        // The core group's versions ("v1") have no dots; every other group name does.
        return value.Length > 1 && value[0] == 'v' && char.IsAsciiDigit(value[1]) && !value.Contains('.', StringComparison.Ordinal)
            ? ("", value)
            : (value, null);
    }

    /// <summary>Returns the group of an object's apiVersion ("" for core).</summary>
    public static string GroupOf(string apiVersion) => Split(apiVersion).Group;
}
