using System.Collections.Concurrent;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Discovery;

/// Everything the sandbox serves: the builtin tables, resources of the CRDs currently stored, and
/// resources synthesized for input objects of kinds nobody declared.
internal sealed class ResourceCatalog(ObjectStore store)
{
    private static readonly IReadOnlyList<ResourceInfo> s_builtins = [.. CoreResources.Build(), .. GroupResources.Build()];

    private readonly ConcurrentDictionary<string, ResourceInfo> _synthesized = new();

    // Every request (and every seeded object) resolves its resource here; the answer only changes when a CRD
    // is written (a new snapshot array) or a kind is synthesized, so it is rebuilt only then.
    private Computed? _computed;

    public IReadOnlyList<ResourceInfo> All()
    {
        var crds = store.List("apiextensions.k8s.io", "customresourcedefinitions", null).Items;
        var synthesized = _synthesized.Count;
        var computed = Volatile.Read(ref _computed);
        if (computed is not null && ReferenceEquals(computed.Crds, crds) && computed.Synthesized == synthesized)
        {
            return computed.Resources;
        }

        var custom = crds.SelectMany(e => CrdResources.From(e.Object)).ToList();
        var result = new List<ResourceInfo>();
        result.AddRange(s_builtins.Where(b => !custom.Any(c => Same(b, c))));
        result.AddRange(custom);
        result.AddRange(_synthesized.Values.Where(s => !result.Any(r => Same(r, s))).OrderBy(s => s.ApiVersion, StringComparer.Ordinal));
        Volatile.Write(ref _computed, new Computed(crds, synthesized, result));
        return result;
    }

    public ResourceInfo? Find(string group, string version, string plural) =>
        All().FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public ResourceInfo? FindKind(string group, string version, string kind)
    {
        var all = All();
        return all.FirstOrDefault(r => r.Group == group && r.Version == version && r.Kind == kind)
            ?? all.FirstOrDefault(r => r.Group == group && r.Kind == kind);
    }

    /// <summary>Groups with their versions, preferred first, in discovery order.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        All()
            .GroupBy(r => r.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(r => r.Version).Distinct().ToList()))
            .ToList();

    /// <summary>Declares a resource for an input object of an unknown kind: lowercase plural, scope from the object.</summary>
    public ResourceInfo Synthesize(string group, string version, string kind, bool namespaced)
    {
        var key = $"{group}/{version}/{kind}";
        return _synthesized.GetOrAdd(key, _ => new ResourceInfo(
            group,
            version,
            Pluralize(kind.ToLowerInvariant()),
            kind,
            namespaced,
            ResourceTableBuilder.StandardVerbs,
            [],
            [],
            [])
        {
            SingularName = kind.ToLowerInvariant(),
            IsCustom = true,
        });
    }

    // Same guess as apimachinery's UnsafeGuessKindToResource.
    public static string Pluralize(string singular) => singular switch
    {
        "endpoints" => singular,
        _ when singular.EndsWith('s') || singular.EndsWith('x') || singular.EndsWith('z') => singular + "es",
        _ when singular.EndsWith('y') => singular[..^1] + "ies",
        _ => singular + "s",
    };

    private static bool Same(ResourceInfo a, ResourceInfo b) => a.Group == b.Group && a.Version == b.Version && a.Plural == b.Plural;

    private sealed record Computed(StoredObject[] Crds, int Synthesized, IReadOnlyList<ResourceInfo> Resources);
}
