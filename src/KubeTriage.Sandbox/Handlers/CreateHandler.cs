using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Storage;
using KubeTriage.Sandbox.Validation;

namespace KubeTriage.Sandbox.Handlers;

/// POST: create an object (also used by server-side apply when the object does not exist yet).
internal sealed class CreateHandler(SandboxContext sandbox)
{
    private const string GenerateAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public async Task CreateAsync(ApiRequest request)
    {
        var body = await Responses.ReadObjectAsync(request.Context);
        var created = Create(request, body, applied: null);
        await Responses.WriteJsonAsync(request.Context, 201, ObjectViews.ToServed(created, request.Resource));
    }

    public JsonObject Create(ApiRequest request, JsonObject body, JsonObject? applied)
    {
        var resource = request.Resource;
        var stored = ObjectViews.ToStored(body, resource);
        var metadata = stored.Metadata();
        var ns = request.Namespace;
        if (resource.Namespaced && ns is not null)
        {
            var given = metadata.Str("namespace");
            if (!string.IsNullOrEmpty(given) && given != ns)
            {
                throw Statuses.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        foreach (var field in new[] { "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields" })
        {
            metadata.Remove(field);
        }

        if (string.IsNullOrEmpty(metadata.Str("name")) && metadata.Str("generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = prefix + RandomSuffix();
        }

        ObjectValidator.Validate(resource, stored);
        if (resource.Namespaced && !sandbox.Store.Exists(new StoreKey("", "namespaces", "", ns ?? "")))
        {
            throw Statuses.NotFound("", "namespaces", ns ?? "");
        }

        Defaults.Apply(resource.Plural, stored);
        Generations.OnCreate(resource, stored);
        ObjectLayout.Normalize(stored);
        if (applied is null)
        {
            ManagedFields.RecordUpdate(null, stored, request.FieldManager, null, sandbox.Store.Now());
        }
        else
        {
            ManagedFields.RecordApply(new JsonObject(), stored, applied, request.FieldManager, sandbox.Store.Now());
        }

        var key = new StoreKey(resource.StorageGroup, resource.Plural, resource.Namespaced ? ns ?? "" : "", stored.Name());
        return sandbox.Store.Create(key, stored, request.DryRun);
    }

    private static string RandomSuffix()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 5; i++)
        {
            builder.Append(GenerateAlphabet[Random.Shared.Next(GenerateAlphabet.Length)]);
        }

        return builder.ToString();
    }
}
