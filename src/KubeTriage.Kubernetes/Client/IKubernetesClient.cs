using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Defines a dynamic Kubernetes REST client working on unstructured JSON objects.</summary>
public interface IKubernetesClient
{
    /// <summary>Gets the API server address.</summary>
    string Server { get; }

    /// <summary>Gets the kubeconfig context name ("in-cluster" inside a pod), if any.</summary>
    string? ContextName { get; }

    /// <summary>Gets the namespace of the context ("default" when unset).</summary>
    string DefaultNamespace { get; }

    /// <summary>Gets the server's /version.</summary>
    Task<ServerVersion> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Discovers every resource type served, including custom resources.</summary>
    Task<ApiResourceCatalog> DiscoverAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists objects across all pages; a null namespace lists all namespaces (or a cluster-scoped type).</summary>
    /// <summary>Lists every page of a resource as read-only elements (items lack kind/apiVersion, as on the wire).</summary>
    Task<KubeElementList> ListElementsAsync(ResourceType type, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    Task<KubeList> ListAsync(ResourceType type, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one object.</summary>
    Task<JsonObject> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken = default);

    /// <summary>Creates an object and returns what the server stored.</summary>
    Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject body, WriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Patches an object; <paramref name="patch"/> is JSON (or YAML for <see cref="PatchType.Apply"/>).</summary>
    Task<JsonObject> PatchAsync(
        ResourceType type,
        string? ns,
        string name,
        PatchType patchType,
        string patch,
        PatchOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Replaces an object (PUT); the name comes from body.metadata.name and a resourceVersion in it guards against lost updates.</summary>
    Task<JsonObject> ReplaceAsync(ResourceType type, string? ns, JsonObject body, WriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; the reply is the object (still terminating) or a Success Status.</summary>
    Task<DeleteResult> DeleteAsync(ResourceType type, string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the scale subresource (an autoscaling/v1 Scale).</summary>
    Task<JsonObject> GetScaleAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken = default);

    /// <summary>Replaces the scale subresource and returns the updated Scale.</summary>
    Task<JsonObject> ReplaceScaleAsync(
        ResourceType type,
        string? ns,
        string name,
        JsonObject scale,
        WriteOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a container's log as text.</summary>
    Task<string> GetLogsAsync(
        string ns,
        string pod,
        string? container = null,
        bool previous = false,
        int? tailLines = null,
        int? sinceSeconds = null,
        CancellationToken cancellationToken = default);

    /// <summary>Watches objects; an expired resourceVersion throws <see cref="ResourceExpiredException"/> (relist, then watch again).</summary>
    IAsyncEnumerable<WatchEvent> WatchAsync(ResourceType type, string? ns, WatchOptions? options = null, CancellationToken cancellationToken = default);
}
