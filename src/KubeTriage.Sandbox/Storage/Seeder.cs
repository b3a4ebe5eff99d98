using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;

namespace KubeTriage.Sandbox.Storage;

/// Loads the input objects: CRDs first (so their resources exist), unknown kinds get a synthesized
/// resource, and namespaces that objects live in but that were not given are created.
internal static class Seeder
{
    public static void Load(ObjectStore store, ResourceCatalog catalog, IEnumerable<JsonObject> input)
    {
        var objects = Flatten(input).Select(o => o.CloneObject()).ToList();
        var crds = objects.Where(IsCrd).ToList();
        foreach (var crd in crds)
        {
            Add(store, catalog, crd);
        }

        // Namespaces the objects live in but that were not given come first, so they get low
        // resourceVersions like the namespaces a real cluster created long before.
        var given = objects.Where(o => o.Str("kind") == "Namespace").Select(o => o.Name()).ToHashSet();
        var needed = objects.Select(o => o.Namespace()).Where(ns => ns.Length > 0).Append("default").Distinct().Order(StringComparer.Ordinal);
        foreach (var ns in needed.Where(ns => !given.Contains(ns)))
        {
            store.Seed(new StoreKey("", "namespaces", "", ns), new JsonObject
            {
                ["kind"] = "Namespace",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject { ["name"] = ns, ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns } },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            });
        }

        foreach (var obj in objects.Where(o => !IsCrd(o)))
        {
            Add(store, catalog, obj);
        }

        store.FinishSeeding();
    }

    private static void Add(ObjectStore store, ResourceCatalog catalog, JsonObject obj)
    {
        var apiVersion = obj.Str("apiVersion") ?? "v1";
        var kind = obj.Str("kind") ?? throw new ArgumentException("every sandbox object needs a kind");
        var group = ObjectLayout.GroupOf(apiVersion);
        var version = apiVersion.Contains('/') ? apiVersion[(apiVersion.IndexOf('/') + 1)..] : apiVersion;
        var ns = obj.Namespace();
        var resource = catalog.FindKind(group, version, kind) ?? catalog.Synthesize(group, version, kind, ns.Length > 0);
        var stored = resource.Group == "events.k8s.io" ? EventConversion.ToCore(obj) : obj;
        if (resource.Namespaced)
        {
            stored.Metadata()["namespace"] = ns.Length == 0 ? "default" : ns;
        }

        var key = new StoreKey(resource.StorageGroup, resource.Plural, resource.Namespaced ? stored.Namespace() : "", stored.Name());
        store.Seed(key, stored);
    }

    private static bool IsCrd(JsonObject obj) => obj.Str("kind") == "CustomResourceDefinition";

    private static IEnumerable<JsonObject> Flatten(IEnumerable<JsonObject> input)
    {
        foreach (var obj in input)
        {
            if (obj.Str("kind") is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && obj.Arr("items") is { } items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    yield return item;
                }
            }
            else
            {
                yield return obj;
            }
        }
    }
}
