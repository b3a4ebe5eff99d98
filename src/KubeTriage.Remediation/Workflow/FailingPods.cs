using System.Text.Json;
using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Workflow;

/// <summary>Counts the failing pods of a namespace, which turns the policy's safe tier into confirm above a threshold.</summary>
/// <remarks>One definition for every caller (typed actions, kubectl commands): Failed, or a container waiting for a reason that will not clear alone.</remarks>
public static class FailingPods
{
    private static readonly HashSet<string> WaitingFailures = new(StringComparer.Ordinal)
    {
        "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError", "CreateContainerError", "InvalidImageName", "RunContainerError",
    };

    /// <summary>Lists the pods of a namespace and counts the failing ones; 0 without a namespace.</summary>
    public static async Task<int> CountAsync(IKubernetesClient client, string? ns, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return 0;
        }

        var pods = await client.ListElementsAsync(ResourceTypes.Pods, ns, cancellationToken: ct);
        return Count(pods.Items);
    }

    /// <summary>Counts the failing pods among pod objects as the API returns them.</summary>
    public static int Count(IEnumerable<JsonElement> pods) => pods.Count(IsFailing);

    private static bool IsFailing(JsonElement pod)
    {
        if (!pod.TryGetProperty("status", out var status))
        {
            return false;
        }

        if (status.TryGetProperty("phase", out var phase) && phase.GetString() == "Failed")
        {
            return true;
        }

        return status.TryGetProperty("containerStatuses", out var containers) && containers.ValueKind == JsonValueKind.Array
            && containers.EnumerateArray().Any(c => c.TryGetProperty("state", out var state) && state.TryGetProperty("waiting", out var waiting)
                && waiting.TryGetProperty("reason", out var reason) && WaitingFailures.Contains(reason.GetString() ?? ""));
    }
}
