using System.Text;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Handlers;

/// pods/log from the configured logs, with the kubelet's and apiserver's error texts.
internal sealed class LogHandler(SandboxContext sandbox)
{
    public Task GetAsync(ApiRequest request)
    {
        var pod = sandbox.Store.Get(request.Key) ?? throw Statuses.NotFound("", "pods", request.Name!);
        var name = request.Name!;
        var containers = (pod.Obj("spec").Arr("containers") ?? []).Select(c => c.Str("name") ?? "").ToList();
        var initContainers = (pod.Obj("spec").Arr("initContainers") ?? []).Select(c => c.Str("name") ?? "").ToList();
        var ephemeral = (pod.Obj("spec").Arr("ephemeralContainers") ?? []).Select(c => c.Str("name") ?? "").ToList();
        var container = request.Param("container");
        if (string.IsNullOrEmpty(container))
        {
            if (containers.Count != 1)
            {
                var message = $"a container name must be specified for pod {name}, choose one of: [{string.Join(" ", containers)}]";
                if (initContainers.Count > 0)
                {
                    message += $" or one of the init containers: [{string.Join(" ", initContainers)}]";
                }

                throw Statuses.BadRequest(message);
            }

            container = containers[0];
        }

        if (!containers.Contains(container) && !initContainers.Contains(container) && !ephemeral.Contains(container))
        {
            throw Statuses.BadRequest($"container {container} is not valid for pod {name}");
        }

        var previous = request.Param("previous") is "true" or "1";
        var log = sandbox.Logs.Find(request.Namespace ?? "", name, container, previous);
        if (log is null)
        {
            if (previous)
            {
                throw Statuses.BadRequest($"previous terminated container \"{container}\" in pod \"{name}\" not found");
            }

            var waiting = ContainerStatus(pod, container).Obj("state").Obj("waiting");
            if (waiting is not null && waiting.Str("reason") is "ContainerCreating" or "PodInitializing" or "ErrImagePull" or "ImagePullBackOff" or "CreateContainerConfigError" or "InvalidImageName")
            {
                throw Statuses.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: {waiting.Str("reason")}");
            }
        }

        var text = Tail(log?.Text ?? "", request.LongParam("tailLines"));
        if (request.LongParam("limitBytes") is { } limit && limit >= 0)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            text = Encoding.UTF8.GetString(bytes, 0, (int)Math.Min(limit, bytes.Length));
        }

        return Responses.WriteTextAsync(request.Context, 200, "text/plain", text);
    }

    private static System.Text.Json.Nodes.JsonObject? ContainerStatus(System.Text.Json.Nodes.JsonObject pod, string container)
    {
        var status = pod.Obj("status");
        return new[] { "containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses" }
            .SelectMany(field => status.Arr(field) ?? [])
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .FirstOrDefault(s => s.Str("name") == container);
    }

    private static string Tail(string text, long? lines)
    {
        if (lines is not { } count || count < 0)
        {
            return text;
        }

        var all = text.Split('\n').ToList();
        var trailingNewline = text.EndsWith('\n');
        if (trailingNewline)
        {
            all.RemoveAt(all.Count - 1);
        }

        var kept = all.Skip(Math.Max(0, all.Count - (int)count)).ToList();
        return kept.Count == 0 ? "" : string.Join('\n', kept) + (trailingNewline ? "\n" : "");
    }
}
