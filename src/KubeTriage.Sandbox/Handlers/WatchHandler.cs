using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Storage;
using KubeTriage.Sandbox.Tables;

namespace KubeTriage.Sandbox.Handlers;

/// Streams newline-delimited watch events like the apiserver's watch cache: initial ADDED events without a
/// resourceVersion, history replay after one, selector transitions, bookmarks and the 410 ERROR form.
internal sealed class WatchHandler(SandboxContext sandbox)
{
    private static readonly TimeSpan s_heartbeat = TimeSpan.FromMinutes(1);

    public async Task WatchAsync(ApiRequest request)
    {
        var query = ListQuery.From(request);
        var context = request.Context;
        var fromRv = ParseResourceVersion(request.Param("resourceVersion"));
        var timeout = request.LongParam("timeoutSeconds");
        var deadline = timeout is > 0 ? Wall() + TimeSpan.FromSeconds(timeout.Value) : (DateTimeOffset?)null;
        var bookmarks = request.Param("allowWatchBookmarks") is "true" or "1";

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        List<StoreEvent> initial;
        long startRv;
        WatchSubscription subscription;
        try
        {
            (initial, startRv, subscription) = sandbox.Store.Watch(request.Resource.StorageGroup, request.Resource.Plural, fromRv);
        }
        catch (ApiException expired)
        {
            // An expired resourceVersion is reported inside a 200 stream, then the stream ends.
            await WriteLineAsync(request, "ERROR", expired.Status);
            return;
        }

        using (subscription)
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, sandbox.Stopping))
        {
            // Send the headers now: clients wait for them before they expect any event.
            await context.Response.StartAsync(stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            var lastRv = startRv;
            foreach (var change in initial)
            {
                lastRv = Math.Max(lastRv, change.ResourceVersion);
                await SendAsync(request, query, change);
            }

            var bookmarkPlan = new BookmarkPlan(deadline, s_heartbeat, Wall());
            while (!stop.IsCancellationRequested)
            {
                var now = Wall();
                if (deadline is not null && now >= deadline)
                {
                    return;
                }

                if (bookmarks && bookmarkPlan.Due(now) && sandbox.Store.ResourceVersion > startRv)
                {
                    var rv = ObjectStore.Format(Math.Max(lastRv, sandbox.Store.ResourceVersion));
                    await WriteLineAsync(request, "BOOKMARK", BookmarkObjects.For(request.Resource, rv));
                    bookmarkPlan.Sent(now);
                }

                var wait = bookmarkPlan.WaitFrom(now, bookmarks);
                using var waitCts = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                waitCts.CancelAfter(wait);
                try
                {
                    if (await subscription.Reader.WaitToReadAsync(waitCts.Token))
                    {
                        while (subscription.Reader.TryRead(out var change))
                        {
                            lastRv = Math.Max(lastRv, change.ResourceVersion);
                            await SendAsync(request, query, change);
                        }
                    }
                    else
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // A timer tick: loop to check the deadline and bookmarks.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Watch timing follows the wall clock even when the sandbox clock is frozen for ages and timestamps.
    private static DateTimeOffset Wall() => TimeProvider.System.GetUtcNow();

    private static long? ParseResourceVersion(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "0")
        {
            return null;
        }

        return long.TryParse(value, out var rv) ? rv : throw Statuses.BadRequest($"invalid resource version: {value}");
    }

    private async Task SendAsync(ApiRequest request, ListQuery query, StoreEvent change)
    {
        if (request.Resource.Namespaced && request.Namespace is not null && change.Key.Namespace != request.Namespace)
        {
            return;
        }

        if (request.Name is not null && change.Key.Name != request.Name)
        {
            return;
        }

        var now = query.Matches(change.Object);
        var before = change.Previous is not null && query.Matches(change.Previous);
        var type = change.Type switch
        {
            "ADDED" => now ? "ADDED" : null,
            "DELETED" => before || (change.Previous is null && now) ? "DELETED" : null,
            _ => now && before ? "MODIFIED" : now ? "ADDED" : before ? "DELETED" : null,
        };
        if (type is null)
        {
            return;
        }

        var obj = MediaTypes.Negotiate(request.Context.Request.Headers.Accept) == Representation.Table
            ? TableBuilder.Build(
                request.Resource,
                [change.Object],
                new JsonObject { ["resourceVersion"] = change.Object.Obj("metadata").Str("resourceVersion") },
                request.Param("includeObject"),
                sandbox.Now,
                o => ObjectViews.ToServed(o.CloneObject(), request.Resource))
            : ObjectViews.ToServed(change.Object.CloneObject(), request.Resource);
        await WriteLineAsync(request, type, obj);
    }

    private static async Task WriteLineAsync(ApiRequest request, string type, JsonObject obj)
    {
        var bytes = GoJson.ToBytes(new JsonObject { ["type"] = type, ["object"] = obj });
        await request.Context.Response.Body.WriteAsync(bytes);
        await request.Context.Response.Body.FlushAsync();
    }
}
