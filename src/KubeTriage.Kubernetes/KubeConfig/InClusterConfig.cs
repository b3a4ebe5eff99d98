namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Builds a <see cref="RestConfig"/> for a pod from its service account, as client-go's InClusterConfig does.</summary>
public static class InClusterConfig
{
    /// <summary>Gets the standard service account directory.</summary>
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Returns whether the KUBERNETES_SERVICE_HOST/PORT variables are set.</summary>
    public static bool IsAvailable(Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrEmpty(getEnvironment("KUBERNETES_SERVICE_HOST"))
            && !string.IsNullOrEmpty(getEnvironment("KUBERNETES_SERVICE_PORT"));
    }

    /// <summary>Creates the in-cluster configuration; the token file is re-read periodically by the client.</summary>
    public static RestConfig Load(string? serviceAccountDirectory = null, Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        var dir = serviceAccountDirectory ?? DefaultServiceAccountDirectory;
        var host = getEnvironment("KUBERNETES_SERVICE_HOST");
        var port = getEnvironment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set");
        }

        var tokenFile = Path.Combine(dir, "token");
        if (!File.Exists(tokenFile))
        {
            throw new KubeConfigException($"in-cluster token file {tokenFile} does not exist");
        }

        var caFile = Path.Combine(dir, "ca.crt");
        if (!File.Exists(caFile))
        {
            throw new KubeConfigException($"in-cluster CA file {caFile} does not exist");
        }

        var namespaceFile = Path.Combine(dir, "namespace");
        var ns = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : string.Empty;
        var hostPart = host.Contains(':') ? $"[{host}]" : host;
        return new RestConfig
        {
            Server = $"https://{hostPart}:{port}",
            ContextName = "in-cluster",
            Namespace = ns.Length == 0 ? "default" : ns,
            CertificateAuthorityData = File.ReadAllBytes(caFile),
            BearerTokenFile = tokenFile,
            Source = $"in-cluster service account {dir}",
        };
    }
}
