using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Patching;

namespace KubeTriage.Sandbox.Handlers;

/// PATCH with JSON patch, merge patch, strategic merge patch or server-side apply.
internal sealed class PatchHandler(SandboxContext sandbox, CreateHandler creator)
{
    public async Task PatchAsync(ApiRequest request)
    {
        var mediaType = PatchApplier.MediaType(request.Context.Request.ContentType);
        var body = await Responses.ReadBodyAsync(request.Context);
        if (mediaType == PatchApplier.Apply)
        {
            await ApplyAsync(request, body);
            return;
        }

        var updated = sandbox.Store.Update(
            request.Key,
            current =>
            {
                var served = ObjectViews.ToServed(current.CloneObject(), request.Resource);
                var patched = PatchApplier.Patch(served, mediaType, body, request.Resource.IsCustom);
                WriteSupport.CheckResourceVersion(request, current, patched);
                var stored = ObjectViews.ToStored(patched, request.Resource);
                return WriteSupport.FinishUpdate(request.Resource, current, stored, request.FieldManager, request.Subresource, sandbox.Store.Now());
            },
            request.DryRun);
        await Responses.WriteJsonAsync(request.Context, 200, ObjectViews.ToServed(updated, request.Resource));
    }

    private async Task ApplyAsync(ApiRequest request, string body)
    {
        JsonObject applied;
        try
        {
            applied = YamlToJson.Convert(body) as JsonObject ?? throw Statuses.BadRequest("apply patch must be an object");
        }
        catch (FormatException error)
        {
            throw Statuses.BadRequest($"error decoding YAML: {error.Message}");
        }

        WriteSupport.CheckName(request, applied);
        if (!sandbox.Store.Exists(request.Key))
        {
            var created = creator.Create(request, applied.CloneObject(), applied);
            await Responses.WriteJsonAsync(request.Context, 201, ObjectViews.ToServed(created, request.Resource));
            return;
        }

        var force = request.Param("force") == "true";
        var manager = request.FieldManager;
        var updated = sandbox.Store.Update(
            request.Key,
            current =>
            {
                var conflicts = ManagedFields.Conflicts(current, applied, manager);
                if (conflicts.Count > 0 && !force)
                {
                    throw ConflictError(conflicts);
                }

                var served = ObjectViews.ToServed(current.CloneObject(), request.Resource);
                var merged = request.Resource.IsCustom
                    ? MergePatch.Apply(served, applied.DeepClone()) as JsonObject ?? served
                    : StrategicMergePatch.Apply(served, applied.CloneObject());
                var stored = ObjectViews.ToStored(merged, request.Resource);
                return WriteSupport.FinishUpdate(request.Resource, current, stored, manager, request.Subresource, sandbox.Store.Now(), applied);
            },
            request.DryRun);
        await Responses.WriteJsonAsync(request.Context, 200, ObjectViews.ToServed(updated, request.Resource));
    }

    private static ApiException ConflictError(List<(string Manager, string ApiVersion, string Path)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (manager, apiVersion, path) in conflicts)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{manager}\" using {apiVersion}",
                ["field"] = FieldPaths.Display(path),
            });
        }

        string message;
        if (conflicts.Count == 1)
        {
            var (manager, apiVersion, path) = conflicts[0];
            message = $"Apply failed with 1 conflict: conflict with \"{manager}\" using {apiVersion}: {FieldPaths.Display(path)}";
        }
        else
        {
            var groups = conflicts.GroupBy(c => (c.Manager, c.ApiVersion))
                .Select(g => $"conflicts with \"{g.Key.Manager}\" using {g.Key.ApiVersion}:\n" + string.Join("\n", g.Select(c => "- " + FieldPaths.Display(c.Path))));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", groups)}";
        }

        return Statuses.Failure(409, message, "Conflict", new JsonObject { ["causes"] = causes });
    }
}
