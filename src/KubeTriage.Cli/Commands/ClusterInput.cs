using KubeTriage.Core.Engine;
using KubeTriage.Core.Model;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.Collection;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Cli.Commands;

/// <summary>What the commands diagnose: a snapshot directory or the cluster of a kubeconfig context, read once.</summary>
internal sealed record ClusterInput(ClusterState State, string? Namespace, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string>? Capabilities)
{
    /// <summary>Gets the engine options that carry what collection learned (scope, warnings, capabilities).</summary>
    public DiagnosisOptions Options => new() { Namespace = Namespace, CollectionWarnings = Warnings, Capabilities = Capabilities };

    /// <summary>Loads a snapshot; a missing directory is a one-line input error.</summary>
    public static SnapshotLoadResult LoadSnapshot(string directory)
    {
        try
        {
            return SnapshotLoader.Load(directory);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, ex.Message);
        }
    }

    /// <summary>Reads a snapshot limited to a namespace.</summary>
    public static ClusterInput FromSnapshot(string directory, string? ns)
    {
        var loaded = LoadSnapshot(directory);
        return new ClusterInput(loaded.State, ns, loaded.Warnings, null);
    }

    /// <summary>Collects the live cluster; without -n or -A the context's namespace applies, as in kubectl.</summary>
    public static async Task<ClusterInput> FromClusterAsync(string? kubeconfig, string? context, string? ns, bool allNamespaces, CancellationToken ct)
    {
        var rules = KubeConfigLoadingRules.FromEnvironment(kubeconfig);
        using var clusters = ClusterConnections.FromEnvironment(rules, context);
        var scope = allNamespaces ? null : ns ?? ContextNamespace(rules, context);
        var collection = await new LiveClusterCollector(clusters.Default, clusters.DefaultName).CollectAsync(scope, ct);
        return new ClusterInput(collection.State, scope, collection.Warnings, collection.Capabilities);
    }

    private static string? ContextNamespace(KubeConfigLoadingRules rules, string? context)
    {
        var config = KubeConfigLoader.Load(rules);
        return config.Contexts.Count == 0 ? null : config.Resolve(context).Namespace;
    }
}
