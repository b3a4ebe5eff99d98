using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes;

/// <summary>Holds one lazily created client per named cluster, built from kubeconfig contexts (or the in-cluster config).</summary>
public sealed class ClusterConnections : IClusterRegistry, IDisposable
{
    private readonly Dictionary<string, Func<RestConfig>> _configs;
    private readonly Dictionary<string, string> _aliases;
    private readonly KubernetesClientOptions _options;
    private readonly Dictionary<string, KubernetesClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private ClusterConnections(
        Dictionary<string, Func<RestConfig>> configs, Dictionary<string, string> aliases, string defaultName, KubernetesClientOptions options)
    {
        _configs = configs;
        _aliases = aliases;
        _options = options;
        DefaultName = defaultName;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Names => _configs.Keys.Concat(_aliases.Keys).ToList();

    /// <inheritdoc />
    public string DefaultName { get; }

    /// <inheritdoc />
    public IKubernetesClient Default => Get(DefaultName);

    /// <summary>Creates the registry from a merged kubeconfig; aliases map extra names (e.g. "management") to context names.</summary>
    public static ClusterConnections FromKubeConfig(
        KubeConfiguration config,
        string? defaultContext = null,
        IReadOnlyDictionary<string, string>? aliases = null,
        KubernetesClientOptions? options = null)
    {
        var configs = config.Contexts.Keys.ToDictionary(
            name => name, name => (Func<RestConfig>)(() => config.Resolve(name)), StringComparer.Ordinal);
        var defaultName = string.IsNullOrEmpty(defaultContext) ? config.CurrentContext ?? string.Empty : defaultContext;
        return Create(configs, aliases, defaultName, options, config.Describe());
    }

    /// <summary>Creates a registry holding a single configuration under the given name.</summary>
    public static ClusterConnections FromRestConfig(
        string name, RestConfig config, IReadOnlyDictionary<string, string>? aliases = null, KubernetesClientOptions? options = null) =>
        Create(new Dictionary<string, Func<RestConfig>>(StringComparer.Ordinal) { [name] = () => config }, aliases, name, options, name);

    /// <summary>Loads the registry like kubectl: kubeconfig files by the rules, else the in-cluster service account.</summary>
    public static ClusterConnections FromEnvironment(
        KubeConfigLoadingRules? rules = null,
        string? defaultContext = null,
        IReadOnlyDictionary<string, string>? aliases = null,
        KubernetesClientOptions? options = null)
    {
        rules ??= KubeConfigLoadingRules.FromEnvironment();
        var config = KubeConfigLoader.Load(rules);
        if (config.Contexts.Count == 0 && string.IsNullOrEmpty(rules.ExplicitPath) && InClusterConfig.IsAvailable())
        {
            return FromRestConfig("in-cluster", InClusterConfig.Load(), aliases, options);
        }

        return FromKubeConfig(config, defaultContext, aliases, options);
    }

    /// <inheritdoc />
    public bool Contains(string name) => _configs.ContainsKey(name) || _aliases.ContainsKey(name);

    /// <inheritdoc />
    public IKubernetesClient Get(string name)
    {
        var target = _aliases.GetValueOrDefault(name, name);
        if (string.IsNullOrEmpty(target))
        {
            throw new KubeConfigException("no cluster selected: the kubeconfig has no current-context; choose a context");
        }

        if (!_configs.TryGetValue(target, out var resolve))
        {
            throw new KubeConfigException($"cluster \"{name}\" is not configured (known: {string.Join(", ", Names.Order(StringComparer.Ordinal))})");
        }

        lock (_gate)
        {
            if (!_clients.TryGetValue(target, out var client))
            {
                client = new KubernetesClient(resolve(), _options);
                _clients[target] = client;
            }

            return client;
        }
    }

    /// <summary>Releases every client created so far.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }

    private static ClusterConnections Create(
        Dictionary<string, Func<RestConfig>> configs,
        IReadOnlyDictionary<string, string>? aliases,
        string defaultName,
        KubernetesClientOptions? options,
        string source)
    {
        var aliasMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, target) in aliases ?? new Dictionary<string, string>())
        {
            if (!configs.ContainsKey(target))
            {
                throw new KubeConfigException($"cluster alias \"{alias}\" points to context \"{target}\", which is not in {source}");
            }

            aliasMap[alias] = target;
        }

        return new ClusterConnections(configs, aliasMap, defaultName, options ?? new KubernetesClientOptions());
    }
}
