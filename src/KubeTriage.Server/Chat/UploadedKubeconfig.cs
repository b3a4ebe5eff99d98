using System.Text;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Server.Chat;

/// <summary>A kubeconfig an API caller sent (base64), accepted only when it cannot reach into this machine.</summary>
/// <remarks>
/// kubectl runs <c>exec</c> credential plugins and reads every file a kubeconfig names, so a caller's kubeconfig could
/// otherwise run commands or read files on the server. Only inline credentials and certificates are accepted.
/// </remarks>
internal sealed record UploadedKubeconfig(string Yaml, string? Namespace)
{
    private const int MaxBytes = 256 * 1024;

    /// <summary>Decodes and checks a base64 kubeconfig; returns the reason when it is refused.</summary>
    public static (UploadedKubeconfig? Kubeconfig, string? Error) Decode(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return (null, "data.kubeconfig is not valid base64");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"data.kubeconfig is larger than {MaxBytes / 1024} KiB");
        }

        var yaml = Encoding.UTF8.GetString(bytes);
        KubeConfiguration config;
        try
        {
            config = KubeConfigLoader.LoadFromString(yaml, Path.GetTempPath());
        }
        catch (KubernetesException ex)
        {
            return (null, "data.kubeconfig is not a valid kubeconfig: " + ex.Message.Replace(Path.GetTempPath(), "", StringComparison.Ordinal));
        }

        if (Refusal(config) is { } refusal)
        {
            return (null, "data.kubeconfig is refused: " + refusal);
        }

        var context = CurrentContext(config);
        return context is null ? (null, "data.kubeconfig has no current-context") : (new UploadedKubeconfig(yaml, context.Namespace), null);
    }

    /// <summary>Returns the cluster a chat thread with this kubeconfig talks to.</summary>
    public ChatCluster ToCluster() => new(Yaml, Namespace ?? ChatCluster.KubectlDefaultNamespace, FromThread: true);

    /// <summary>Returns the context kubectl would use, or null when current-context names none.</summary>
    public static KubeContext? CurrentContext(KubeConfiguration config)
        => config.CurrentContext is { } name && config.Contexts.TryGetValue(name, out var current) ? current : null;

    private static string? Refusal(KubeConfiguration config)
    {
        foreach (var user in config.Users.Values)
        {
            if (user.Exec is not null || user.AuthProviderName is not null)
            {
                return $"user {user.Name} uses an exec or auth-provider plugin; send a token or client certificate data instead";
            }

            if (user.TokenFile is not null || user.ClientCertificate is not null || user.ClientKey is not null)
            {
                return $"user {user.Name} names files; send tokens and certificates inline (token, client-certificate-data, client-key-data)";
            }
        }

        foreach (var cluster in config.Clusters.Values)
        {
            if (cluster.CertificateAuthority is not null)
            {
                return $"cluster {cluster.Name} names a certificate file; send certificate-authority-data instead";
            }

            if (cluster.ProxyUrl is not null)
            {
                return $"cluster {cluster.Name} sets proxy-url, which is not accepted from API callers";
            }
        }

        return null;
    }
}
