using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Holds a delete reply: the object (graceful or pending deletion) or a Success Status (deleted at once).</summary>
public sealed record DeleteResult(JsonObject? Object, KubeStatus? Status)
{
    /// <summary>Gets whether the server returned the object, which is still present (e.g. Terminating).</summary>
    public bool ReturnedObject => Object is not null;
}
