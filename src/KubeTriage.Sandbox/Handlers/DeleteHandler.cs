using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Handlers;

/// DELETE of one object or a collection. Scheduled pods are deleted gracefully and stay Terminating
/// (no kubelet confirms them, as in the recording); objects with finalizers are only marked.
internal sealed class DeleteHandler(SandboxContext sandbox)
{
    public async Task DeleteAsync(ApiRequest request)
    {
        var options = await ReadOptionsAsync(request);
        var (code, body) = Delete(request, request.Key, options);
        await Responses.WriteJsonAsync(request.Context, code, body);
    }

    public async Task DeleteCollectionAsync(ApiRequest request)
    {
        var options = await ReadOptionsAsync(request);
        var query = ListQuery.From(request);
        var snapshot = sandbox.Store.List(request.Resource.StorageGroup, request.Resource.Plural, request.Namespace);
        var rv = snapshot.ResourceVersion;
        var deleted = new JsonArray();
        foreach (var item in snapshot.Range.Where(i => query.Matches(i.Object)))
        {
            var (_, result) = Delete(request, item.Key, options);
            deleted.Add(ObjectViews.AsListItem(result.Str("kind") == "Status" ? ObjectViews.ToServed(item.Object.CloneObject(), request.Resource) : result, request.Resource));
        }

        await Responses.WriteJsonAsync(request.Context, 200, new JsonObject
        {
            ["kind"] = request.Resource.ListKind,
            ["apiVersion"] = request.Resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = ObjectStore.Format(rv) },
            ["items"] = deleted,
        });
    }

    private (int Code, JsonObject Body) Delete(ApiRequest request, StoreKey key, DeleteOptions options)
    {
        var resource = request.Resource;
        var current = sandbox.Store.Get(key) ?? throw Statuses.NotFound(resource.Group, resource.Plural, key.Name);
        var currentRv = current.Obj("metadata").Str("resourceVersion");
        if (options.ResourceVersion is { } wanted && wanted != currentRv)
        {
            throw Statuses.Failure(
                409,
                $"Operation cannot be fulfilled on {Statuses.Qualified(resource.Group, resource.Plural)} \"{key.Name}\": the ResourceVersion in the precondition ({wanted}) does not match the ResourceVersion in record ({currentRv}). The object might have been modified",
                "Conflict",
                new JsonObject { ["name"] = key.Name, ["kind"] = resource.Plural });
        }

        if (resource.Plural == "pods" && resource.Group.Length == 0)
        {
            var grace = options.GracePeriodSeconds ?? current.Obj("spec").Long("terminationGracePeriodSeconds") ?? 30;
            var scheduled = !string.IsNullOrEmpty(current.Obj("spec").Str("nodeName"));

            // As the pod strategy's CheckGracefulDelete: a pod whose containers are done has nothing to stop.
            var terminated = current.Obj("status").Str("phase") is "Failed" or "Succeeded";
            if (grace > 0 && scheduled && !terminated)
            {
                return (200, ObjectViews.ToServed(MarkDeleted(key, grace, options.DryRun), resource));
            }

            return (200, ObjectViews.ToServed(sandbox.Store.Remove(key, options.DryRun, options.Uid), resource));
        }

        if (current.Obj("metadata").Arr("finalizers") is { Count: > 0 })
        {
            return (200, ObjectViews.ToServed(MarkDeleted(key, 0, options.DryRun), resource));
        }

        var removed = sandbox.Store.Remove(key, options.DryRun, options.Uid);
        if (!options.DryRun && options.PropagationPolicy != "Orphan")
        {
            CascadeDependents(removed.Obj("metadata").Str("uid"));
        }

        return (200, Statuses.Success(key.Name, resource.Group, resource.Plural, removed.Obj("metadata").Str("uid")));
    }

    private JsonObject MarkDeleted(StoreKey key, long grace, bool dryRun) =>
        sandbox.Store.Update(
            key,
            current =>
            {
                var metadata = current.Metadata();
                if (metadata["deletionTimestamp"] is null || (metadata.Long("deletionGracePeriodSeconds") ?? long.MaxValue) > grace)
                {
                    metadata["deletionTimestamp"] = Timestamps.Format(sandbox.Now.AddSeconds(grace));
                    metadata["deletionGracePeriodSeconds"] = grace;
                }

                ObjectLayout.Normalize(current);
                return current;
            },
            dryRun);

    // Stands in for the garbage collector's background propagation: dependents go right away.
    private void CascadeDependents(string? ownerUid)
    {
        if (ownerUid is null)
        {
            return;
        }

        foreach (var resource in sandbox.Catalog.All().Where(r => r.HasStorage).DistinctBy(r => (r.StorageGroup, r.Plural)))
        {
            foreach (var item in sandbox.Store.List(resource.StorageGroup, resource.Plural, null).Range)
            {
                if ((item.Object.Obj("metadata").Arr("ownerReferences") ?? []).Any(o => o.Str("uid") == ownerUid))
                {
                    try
                    {
                        var removed = sandbox.Store.Remove(item.Key, dryRun: false);
                        CascadeDependents(removed.Obj("metadata").Str("uid"));
                    }
                    catch (ApiException)
                    {
                        // Already gone: a concurrent delete won.
                    }
                }
            }
        }
    }

    private static async Task<DeleteOptions> ReadOptionsAsync(ApiRequest request)
    {
        var text = await Responses.ReadBodyAsync(request.Context);
        JsonObject? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (System.Text.Json.JsonException error)
            {
                throw Statuses.BadRequest($"the body of the request could not be decoded: {error.Message}");
            }
        }

        var dryRun = request.DryRun || (body.Arr("dryRun") ?? []).Any(v => JsonHelpers.ScalarText(v) == "All");
        return new DeleteOptions(
            request.LongParam("gracePeriodSeconds") ?? body.Long("gracePeriodSeconds"),
            dryRun,
            request.Param("propagationPolicy") ?? body.Str("propagationPolicy"),
            body.Obj("preconditions").Str("uid"),
            body.Obj("preconditions").Str("resourceVersion"));
    }

    private sealed record DeleteOptions(long? GracePeriodSeconds, bool DryRun, string? PropagationPolicy, string? Uid, string? ResourceVersion);
}
