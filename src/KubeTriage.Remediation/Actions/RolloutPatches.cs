using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Actions;

/// <summary>The strategic-merge patch bodies <c>kubectl rollout</c> sends, for the typed actions and for dry runs of chat commands.</summary>
public static class RolloutPatches
{
    /// <summary>The annotation <c>kubectl rollout restart</c> sets on the pod template.</summary>
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    /// <summary>Returns the body of <c>kubectl rollout restart</c>: a new restartedAt annotation on the pod template.</summary>
    public static JsonObject Restart(DateTimeOffset now) => new()
    {
        ["spec"] = new JsonObject
        {
            ["template"] = new JsonObject
            {
                // kubectl formats time.Now() as RFC 3339 at second precision.
                ["metadata"] = new JsonObject
                {
                    ["annotations"] = new JsonObject { [RestartedAtAnnotation] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
                },
            },
        },
    };
}
