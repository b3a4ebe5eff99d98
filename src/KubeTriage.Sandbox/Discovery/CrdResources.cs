using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Discovery;

/// Turns a CustomResourceDefinition object into the resources it serves, one per served version.
internal static class CrdResources
{
    // The order a real apiserver lists custom resource verbs in.
    private static readonly string[] s_verbs = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"];

    public static IEnumerable<ResourceInfo> From(JsonObject crd)
    {
        var spec = crd.Obj("spec");
        var names = spec.Obj("names");
        var group = spec.Str("group");
        var plural = names.Str("plural");
        var kind = names.Str("kind");
        if (group is null || plural is null || kind is null)
        {
            yield break;
        }

        foreach (var version in spec.Arr("versions") ?? [])
        {
            if (version is not JsonObject v || v.Str("name") is not { } name || (v["served"] is not null && !v.Bool("served")))
            {
                continue;
            }

            var subresources = new List<SubresourceInfo>();
            var declared = v.Obj("subresources") ?? spec.Obj("subresources");
            if (declared?["status"] is not null)
            {
                subresources.Add(new SubresourceInfo("status", kind, ResourceTableBuilder.SubresourceVerbs));
            }

            if (declared?["scale"] is not null)
            {
                subresources.Add(new SubresourceInfo("scale", "Scale", ResourceTableBuilder.SubresourceVerbs, "autoscaling", "v1"));
            }

            yield return new ResourceInfo(
                group,
                name,
                plural,
                kind,
                spec.Str("scope") != "Cluster",
                s_verbs,
                Strings(names.Arr("shortNames")),
                Strings(names.Arr("categories")),
                subresources)
            {
                SingularName = names.Str("singular") ?? kind.ToLowerInvariant(),
                IsCustom = true,
                PrinterColumns = (v.Arr("additionalPrinterColumns") ?? spec.Arr("additionalPrinterColumns"))?.DeepClone() as JsonArray,
                ScaleSpec = declared.Obj("scale")?.DeepClone() as JsonObject,
            };
        }
    }

    private static List<string> Strings(JsonArray? array) =>
        array?.Select(JsonHelpers.ScalarText).Where(s => s is not null).Select(s => s!).ToList() ?? [];
}
