using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Storage;
using KubeTriage.Sandbox.Tables;

namespace KubeTriage.Sandbox.Handlers;

/// GET of one object or a list, as JSON, Table or PartialObjectMetadata.
internal sealed class ReadHandler(SandboxContext sandbox)
{
    public Task GetAsync(ApiRequest request)
    {
        var stored = sandbox.Store.Get(request.Key) ?? throw Statuses.NotFound(request.Resource.Group, request.Resource.Plural, request.Name!);
        JsonNode body = MediaTypes.Negotiate(request.Context.Request.Headers.Accept) switch
        {
            Representation.Table => TableBuilder.Build(
                request.Resource,
                [stored],
                new JsonObject { ["resourceVersion"] = stored.Obj("metadata").Str("resourceVersion") },
                request.Param("includeObject"),
                sandbox.Now,
                o => ObjectViews.ToServed(o.CloneObject(), request.Resource)),
            Representation.PartialObjectMetadata => TableBuilder.PartialMetadata(stored),
            _ => ObjectViews.ToServed(stored, request.Resource),
        };
        return Responses.WriteJsonAsync(request.Context, 200, body);
    }

    public Task ListAsync(ApiRequest request)
    {
        var query = ListQuery.From(request);
        var page = query.Run(request, sandbox.Store);
        var resource = request.Resource;
        var representation = MediaTypes.Negotiate(request.Context.Request.Headers.Accept);
        return representation switch
        {
            Representation.Table => Responses.WriteJsonAsync(request.Context, 200, TableBuilder.Build(
                resource,
                page.Items.Select(i => i.Object),
                Metadata(page, custom: false),
                request.Param("includeObject"),
                sandbox.Now,
                o => ObjectViews.ToServed(o.CloneObject(), resource))),
            Representation.PartialObjectMetadata => Responses.WriteJsonAsync(request.Context, 200, new JsonObject
            {
                ["kind"] = "PartialObjectMetadataList",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = Metadata(page, custom: false),
                ["items"] = new JsonArray(page.Items.Select(i => (JsonNode)TableBuilder.PartialMetadata(i.Object)).ToArray()),
            }),
            _ => Responses.WriteBytesAsync(request.Context, 200, ObjectListWriter.Write(ObjectList(page, request), page.Items, resource)),
        };
    }

    // The envelope only: its "items" is a placeholder the writer fills with the items' cached JSON.
    private static JsonObject ObjectList(ListQuery.Page page, ApiRequest request)
    {
        var resource = request.Resource;
        var list = new JsonObject
        {
            ["kind"] = resource.ListKind,
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = Metadata(page, resource.IsCustom),
            ["items"] = null,
        };
        if (resource.IsCustom)
        {
            JsonHelpers.SortKeys(list, recursive: false);
        }

        return list;
    }

    // Builtin lists omit an empty continue; unstructured (custom resource) lists always carry it, keys sorted.
    private static JsonObject Metadata(ListQuery.Page page, bool custom)
    {
        var metadata = new JsonObject { ["resourceVersion"] = ObjectStore.Format(page.ResourceVersion) };
        if (custom || page.Continue is not null)
        {
            metadata["continue"] = page.Continue ?? "";
        }

        if (page.RemainingItemCount is { } remaining)
        {
            metadata["remainingItemCount"] = remaining;
        }

        if (custom)
        {
            JsonHelpers.SortKeys(metadata, recursive: false);
        }

        return metadata;
    }
}
