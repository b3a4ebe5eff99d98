using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Patching;
using KubeTriage.Sandbox.Selectors;
using KubeTriage.Sandbox.Tables;

namespace KubeTriage.Sandbox.Handlers;

/// The scale subresource: an autoscaling/v1 Scale view of spec.replicas.
internal sealed class ScaleHandler(SandboxContext sandbox)
{
    public Task GetAsync(ApiRequest request)
    {
        var stored = sandbox.Store.Get(request.Key) ?? throw Statuses.NotFound(request.Resource.Group, request.Resource.Plural, request.Name!);
        return Responses.WriteJsonAsync(request.Context, 200, ToScale(request, stored));
    }

    public async Task UpdateAsync(ApiRequest request)
    {
        var mediaType = PatchApplier.MediaType(request.Context.Request.ContentType);
        var body = request.Method == "PATCH" ? await Responses.ReadBodyAsync(request.Context) : null;
        var put = body is null ? await Responses.ReadObjectAsync(request.Context) : null;
        var updated = sandbox.Store.Update(
            request.Key,
            current =>
            {
                var scale = put ?? PatchApplier.Patch(ToScale(request, current), mediaType, body!, custom: false);
                WriteSupport.CheckResourceVersion(request, current, scale);
                var replicas = JsonHelpers.AsLong(scale.Obj("spec")?["replicas"]) ?? 0;
                var next = current.CloneObject();
                SetPath(next, SpecPath(request), replicas);
                return WriteSupport.FinishUpdate(request.Resource, current, next, request.FieldManager, "scale", sandbox.Store.Now());
            },
            request.DryRun);
        await Responses.WriteJsonAsync(request.Context, 200, ToScale(request, updated));
    }

    private static JsonObject ToScale(ApiRequest request, JsonObject obj)
    {
        var metadata = obj.Obj("metadata");
        var status = new JsonObject { ["replicas"] = JsonHelpers.AsLong(GetPath(obj, StatusPath(request))) ?? 0 };
        var selector = request.Resource.ScaleSpec?.Str("labelSelectorPath") is { } selectorPath
            ? JsonHelpers.ScalarText(GetPath(obj, selectorPath))
            : SelectorText.Format(obj.Obj("spec").Obj("selector"));
        if (!string.IsNullOrEmpty(selector))
        {
            status["selector"] = selector;
        }

        var scaleMetadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (metadata?[field] is { } value)
            {
                scaleMetadata[field] = value.DeepClone();
            }
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = JsonHelpers.AsLong(GetPath(obj, SpecPath(request))) ?? 0 },
            ["status"] = status,
        };
    }

    private static string SpecPath(ApiRequest request) => request.Resource.ScaleSpec?.Str("specReplicasPath") ?? ".spec.replicas";

    private static string StatusPath(ApiRequest request) => request.Resource.ScaleSpec?.Str("statusReplicasPath") ?? ".status.replicas";

    private static JsonNode? GetPath(JsonObject obj, string path) => JsonPathLite.Evaluate(obj, path).FirstOrDefault();

    private static void SetPath(JsonObject obj, string path, long value)
    {
        var parts = path.TrimStart('.').Split('.');
        var node = obj;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
