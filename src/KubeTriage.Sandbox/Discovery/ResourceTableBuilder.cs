namespace KubeTriage.Sandbox.Discovery;

/// Compact way to write the builtin discovery tables.
internal sealed class ResourceTableBuilder(string group, string version)
{
    public static readonly string[] StandardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    public static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    private readonly List<ResourceInfo> _resources = [];

    public IReadOnlyList<ResourceInfo> Resources => _resources;

    public ResourceTableBuilder Add(
        string plural,
        string kind,
        bool namespaced = true,
        string shortNames = "",
        string categories = "",
        string subresources = "",
        string[]? verbs = null,
        bool storage = true)
    {
        _resources.Add(new ResourceInfo(
            group,
            version,
            plural,
            kind,
            namespaced,
            verbs ?? StandardVerbs,
            Split(shortNames, ','),
            Split(categories, ','),
            ParseSubresources(kind, subresources))
        { HasStorage = storage });
        return this;
    }

    // "status;scale=autoscaling/v1/Scale;log=Pod:get" - name, optional group/version/kind or kind, optional verbs.
    private static List<SubresourceInfo> ParseSubresources(string parentKind, string spec)
    {
        var result = new List<SubresourceInfo>();
        foreach (var entry in Split(spec, ';'))
        {
            var verbsSplit = entry.Split(':');
            var verbs = verbsSplit.Length > 1 ? Split(verbsSplit[1], ',') : SubresourceVerbs;
            var nameSplit = verbsSplit[0].Split('=');
            var name = nameSplit[0];
            if (nameSplit.Length == 1)
            {
                result.Add(new SubresourceInfo(name, parentKind, verbs));
                continue;
            }

            var target = nameSplit[1].Split('/');
            result.Add(target.Length == 3
                ? new SubresourceInfo(name, target[2], verbs, target[0], target[1])
                : new SubresourceInfo(name, target[0], verbs));
        }

        return result;
    }

    private static string[] Split(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
