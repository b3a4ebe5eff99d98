namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Describes where kubeconfig files come from: --kubeconfig, else KUBECONFIG, else ~/.kube/config.</summary>
public sealed record KubeConfigLoadingRules
{
    /// <summary>Gets the --kubeconfig path; when set, only this file is read and it must exist.</summary>
    public string? ExplicitPath { get; init; }

    /// <summary>Gets the KUBECONFIG value: paths separated by ':' (';' on Windows).</summary>
    public string? KubeconfigEnvironment { get; init; }

    /// <summary>Gets the home directory holding .kube/config.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>Creates rules from the process environment, as kubectl does.</summary>
    public static KubeConfigLoadingRules FromEnvironment(string? explicitPath = null) => new()
    {
        ExplicitPath = explicitPath,
        KubeconfigEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG"),
        HomeDirectory = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
            ? home
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    };

    /// <summary>Returns the files to read in priority order (earlier files win) and whether they must exist.</summary>
    public (IReadOnlyList<string> Paths, bool MustExist) GetPrecedence()
    {
        if (!string.IsNullOrEmpty(ExplicitPath))
        {
            return ([ExplicitPath], true);
        }

        if (!string.IsNullOrEmpty(KubeconfigEnvironment))
        {
            var paths = KubeconfigEnvironment
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return (paths, false);
        }

        var home = HomeDirectory ?? string.Empty;
        return ([Path.Combine(home, ".kube", "config")], false);
    }
}
