namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Loads and merges kubeconfig files with kubectl's rules.</summary>
public static class KubeConfigLoader
{
    /// <summary>Loads the kubeconfig selected by the rules (process environment when null).</summary>
    public static KubeConfiguration Load(KubeConfigLoadingRules? rules = null)
    {
        rules ??= KubeConfigLoadingRules.FromEnvironment();
        var (paths, mustExist) = rules.GetPrecedence();
        var files = new List<KubeConfigFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                // kubectl silently skips missing KUBECONFIG entries and a missing ~/.kube/config, but not --kubeconfig.
                if (mustExist)
                {
                    throw new KubeConfigException($"kubeconfig file {path} does not exist");
                }

                continue;
            }

            files.Add(KubeConfigParser.ParseFile(path));
        }

        return Merge(files);
    }

    /// <summary>Parses a single kubeconfig document held in memory; relative paths resolve against baseDirectory.</summary>
    public static KubeConfiguration LoadFromString(string yaml, string baseDirectory) =>
        Merge([KubeConfigParser.Parse(yaml, Path.Combine(Path.GetFullPath(baseDirectory), "(inline)"))]);

    internal static KubeConfiguration Merge(IReadOnlyList<KubeConfigFile> files)
    {
        // client-go merges in reverse with override, so for every named entry the FIRST file that defines it wins,
        // whole (fields are not combined across files); current-context comes from the first file that sets one.
        var clusters = new Dictionary<string, KubeCluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeUser>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeContext>(StringComparer.Ordinal);
        string? current = null;
        foreach (var file in files)
        {
            current ??= string.IsNullOrEmpty(file.CurrentContext) ? null : file.CurrentContext;
            foreach (var cluster in file.Clusters)
            {
                clusters.TryAdd(cluster.Name, cluster);
            }

            foreach (var user in file.Users)
            {
                users.TryAdd(user.Name, user);
            }

            foreach (var context in file.Contexts)
            {
                contexts.TryAdd(context.Name, context);
            }
        }

        return new KubeConfiguration(files.Select(f => f.Path).ToList(), current, clusters, users, contexts);
    }
}
