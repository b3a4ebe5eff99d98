using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Http;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes;

/// <summary>Talks to one API server over HTTP using a <see cref="RestConfig"/>.</summary>
public sealed class KubernetesClient : IKubernetesClient, IDisposable
{
    private const string DefaultApplyManager = "kubetriage";

    private readonly HttpClient _http;
    private readonly ApiRequester _requester;
    private readonly KubernetesClientOptions _options;

    /// <summary>Creates a client for the given connection settings.</summary>
    public KubernetesClient(RestConfig config, KubernetesClientOptions? options = null)
    {
        Config = config;
        _options = options ?? new KubernetesClientOptions();
        _http = KubeHttpClientFactory.Create(config, _options);
        _requester = new ApiRequester(_http, config.Server, _options);
    }

    /// <summary>Gets the connection settings.</summary>
    public RestConfig Config { get; }

    /// <inheritdoc />
    public string Server => Config.Server;

    /// <inheritdoc />
    public string? ContextName => Config.ContextName;

    /// <inheritdoc />
    public string DefaultNamespace => Config.Namespace;

    /// <summary>Creates a client for a kubeconfig context (the current one when null), loading files as kubectl does.</summary>
    public static KubernetesClient FromKubeConfig(
        string? context = null, KubeConfigLoadingRules? rules = null, KubernetesClientOptions? options = null) =>
        new(KubeConfigLoader.Load(rules).Resolve(context), options);

    /// <inheritdoc />
    public async Task<ServerVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var obj = await _requester.SendJsonAsync(HttpMethod.Get, "version", null, cancellationToken).ConfigureAwait(false);
        return new ServerVersion(
            Json.GetString(obj, "major") ?? string.Empty,
            Json.GetString(obj, "minor") ?? string.Empty,
            Json.GetString(obj, "gitVersion") ?? string.Empty,
            Json.GetString(obj, "gitCommit"),
            Json.GetString(obj, "buildDate"),
            Json.GetString(obj, "goVersion"),
            Json.GetString(obj, "platform"));
    }

    /// <inheritdoc />
    public Task<ApiResourceCatalog> DiscoverAsync(CancellationToken cancellationToken = default) =>
        new DiscoveryClient(_requester, _options.DiscoveryConcurrency).DiscoverAsync(cancellationToken);

    /// <inheritdoc />
    public Task<KubeElementList> ListElementsAsync(ResourceType type, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        new ListPager(_requester).ListElementsAsync(type, ns, options ?? new ListOptions(), cancellationToken);

    /// <inheritdoc />
    public Task<KubeList> ListAsync(ResourceType type, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        new ListPager(_requester).ListAsync(type, ns, options ?? new ListOptions(), cancellationToken);

    /// <inheritdoc />
    public Task<JsonObject> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken = default) =>
        _requester.SendJsonAsync(HttpMethod.Get, ResourcePaths.Item(type, ns, name), null, cancellationToken);

    /// <inheritdoc />
    public Task<JsonObject> CreateAsync(
        ResourceType type, string? ns, JsonObject body, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (type.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"a namespace is required for {type.QualifiedName}", nameof(ns));
        }

        var path = WithWriteOptions(ResourcePaths.Collection(type, ns), options);
        return _requester.SendJsonAsync(HttpMethod.Post, path, JsonContent(body), cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonObject> PatchAsync(
        ResourceType type,
        string? ns,
        string name,
        PatchType patchType,
        string patch,
        PatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new PatchOptions();
        var manager = options.FieldManager ?? (patchType == PatchType.Apply ? DefaultApplyManager : null);
        var path = new QueryBuilder(ResourcePaths.Item(type, ns, name, options.Subresource))
            .Add("dryRun", options.DryRun ? "All" : null)
            .Add("fieldManager", manager)
            .AddFlag("force", options.Force)
            .ToString();
        var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(PatchContentType(patchType));
        return _requester.SendJsonAsync(HttpMethod.Patch, path, content, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonObject> ReplaceAsync(
        ResourceType type, string? ns, JsonObject body, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var name = Json.GetMetadataString(body, "name")
            ?? throw new ArgumentException("the object has no metadata.name", nameof(body));
        var path = WithWriteOptions(ResourcePaths.Item(type, ns, name), options);
        return _requester.SendJsonAsync(HttpMethod.Put, path, JsonContent(body), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DeleteResult> DeleteAsync(
        ResourceType type, string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DeleteOptions();
        var path = new QueryBuilder(ResourcePaths.Item(type, ns, name))
            .Add("dryRun", options.DryRun ? "All" : null)
            .Add("gracePeriodSeconds", options.GracePeriodSeconds)
            .Add("propagationPolicy", options.PropagationPolicy?.ToString())
            .ToString();
        var reply = await _requester.SendJsonAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);

        // Objects with finalizers or a grace period come back as the object; immediate deletes return a Success Status.
        var status = KubeStatus.TryParse(reply);
        return status is not null ? new DeleteResult(null, status) : new DeleteResult(reply, null);
    }

    /// <inheritdoc />
    public Task<JsonObject> GetScaleAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken = default) =>
        _requester.SendJsonAsync(HttpMethod.Get, ResourcePaths.Item(type, ns, name, "scale"), null, cancellationToken);

    /// <inheritdoc />
    public Task<JsonObject> ReplaceScaleAsync(
        ResourceType type,
        string? ns,
        string name,
        JsonObject scale,
        WriteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var path = WithWriteOptions(ResourcePaths.Item(type, ns, name, "scale"), options);
        return _requester.SendJsonAsync(HttpMethod.Put, path, JsonContent(scale), cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetLogsAsync(
        string ns,
        string pod,
        string? container = null,
        bool previous = false,
        int? tailLines = null,
        int? sinceSeconds = null,
        CancellationToken cancellationToken = default)
    {
        var path = new QueryBuilder(ResourcePaths.Item(ResourceTypes.Pods, ns, pod, "log"))
            .Add("container", container)
            .AddFlag("previous", previous)
            .Add("tailLines", tailLines)
            .Add("sinceSeconds", sinceSeconds)
            .ToString();
        return _requester.SendTextAsync(path, "*/*", cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ResourceType type, string? ns, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new WatchOptions();
        var path = new QueryBuilder(ResourcePaths.Collection(type, ns))
            .Add("watch", "true")
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("resourceVersion", options.ResourceVersion)
            .AddFlag("allowWatchBookmarks", options.AllowBookmarks)
            .Add("timeoutSeconds", options.TimeoutSeconds)
            .ToString();
        using var response = await _requester.OpenStreamAsync(path, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var evt in WatchStreamReader.ReadAsync(stream, Server, cancellationToken).ConfigureAwait(false))
        {
            yield return evt;
        }
    }

    /// <summary>Releases the connections of this client.</summary>
    public void Dispose() => _http.Dispose();

    private static string WithWriteOptions(string path, WriteOptions? options) =>
        new QueryBuilder(path)
            .Add("dryRun", options?.DryRun == true ? "All" : null)
            .Add("fieldManager", options?.FieldManager)
            .ToString();

    private static StringContent JsonContent(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string PatchContentType(PatchType type) => type switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
