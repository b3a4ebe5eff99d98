using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;

namespace KubeTriage.Sandbox.Handlers;

/// What every update path does after computing the new object: keep server-owned metadata, keep status
/// on the main resource (or only take status on /status), bump generation, record managedFields.
internal static class WriteSupport
{
    private static readonly string[] s_serverOwned = ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields"];

    public static JsonObject FinishUpdate(ResourceInfo resource, JsonObject before, JsonObject after, string manager, string? subresource, string now, JsonObject? applied = null)
    {
        if (subresource == "status")
        {
            var statusOnly = before.CloneObject();
            statusOnly["status"] = after["status"]?.DeepClone();
            after = statusOnly;
        }
        else if (resource.HasSubresource("status"))
        {
            after["status"] = before["status"]?.DeepClone();
            if (after["status"] is null)
            {
                after.Remove("status");
            }
        }

        var metadata = after.Metadata();
        var previous = before.Obj("metadata");
        foreach (var field in s_serverOwned)
        {
            metadata.Remove(field);
            if (previous?[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        ObjectLayout.Normalize(after);
        Generations.OnUpdate(resource, before, after);
        if (applied is null)
        {
            ManagedFields.RecordUpdate(before, after, manager, subresource, now);
        }
        else
        {
            ManagedFields.RecordApply(before, after, applied, manager, now);
        }

        return after;
    }

    public static void CheckResourceVersion(ApiRequest request, JsonObject current, JsonObject incoming)
    {
        var wanted = incoming.Obj("metadata").Str("resourceVersion");
        if (!string.IsNullOrEmpty(wanted) && wanted != current.Obj("metadata").Str("resourceVersion"))
        {
            throw Statuses.Conflict(request.Resource.Group, request.Resource.Plural, request.Name ?? current.Name());
        }
    }

    public static void CheckName(ApiRequest request, JsonObject body)
    {
        var name = body.Obj("metadata").Str("name");
        if (name is not null && name != request.Name)
        {
            throw Statuses.BadRequest($"the name of the object ({name}) does not match the name on the URL ({request.Name})");
        }
    }
}
