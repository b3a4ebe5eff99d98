using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;

namespace KubeTriage.Sandbox.Handlers;

/// PUT of an object or its status subresource, with optimistic concurrency on metadata.resourceVersion.
internal sealed class UpdateHandler(SandboxContext sandbox)
{
    public async Task UpdateAsync(ApiRequest request)
    {
        var body = await Responses.ReadObjectAsync(request.Context);
        WriteSupport.CheckName(request, body);
        var incoming = ObjectViews.ToStored(body, request.Resource);
        var updated = sandbox.Store.Update(
            request.Key,
            current =>
            {
                WriteSupport.CheckResourceVersion(request, current, incoming);
                return WriteSupport.FinishUpdate(request.Resource, current, incoming.CloneObject(), request.FieldManager, request.Subresource, sandbox.Store.Now());
            },
            request.DryRun);
        await Responses.WriteJsonAsync(request.Context, 200, ObjectViews.ToServed(updated, request.Resource));
    }
}
