using System.Text.Json.Nodes;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Actions;

/// <summary>Reads an action's target, turning "not found" into a refusal a person can read.</summary>
internal static class TargetReader
{
    public const string FieldManager = "kubetriage";

    public static async Task<JsonObject> GetAsync(IKubernetesClient client, ObjectRef target, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync(TargetTypes.Of(target.Kind), target.Namespace, target.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException error) when (error.StatusCode == 404)
        {
            throw new ActionRefusedException($"{target} does not exist", error);
        }
    }

    public static void RequireKind(ObjectRef target, string type, params string[] kinds)
    {
        if (!kinds.Contains(target.Kind, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{type} works on {string.Join(", ", kinds)}, not {target.Kind}");
        }

        if (string.IsNullOrEmpty(target.Namespace) || string.IsNullOrEmpty(target.Name))
        {
            throw new ArgumentException($"{type} needs a namespace and a name (got {target})");
        }
    }
}
