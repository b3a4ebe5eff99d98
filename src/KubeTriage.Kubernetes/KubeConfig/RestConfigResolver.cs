namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Turns a context of a merged kubeconfig into a <see cref="RestConfig"/>, with kubectl's validation.</summary>
internal static class RestConfigResolver
{
    public static RestConfig Resolve(KubeConfiguration config, string? contextName)
    {
        var name = string.IsNullOrEmpty(contextName) ? config.CurrentContext : contextName;
        if (string.IsNullOrEmpty(name))
        {
            throw new KubeConfigException(config.Contexts.Count == 0
                ? $"no usable kubeconfig: {config.Describe()}; set KUBECONFIG or pass --kubeconfig"
                : $"current-context is not set in {config.Describe()}; choose a context");
        }

        if (!config.Contexts.TryGetValue(name, out var context))
        {
            throw new KubeConfigException($"context \"{name}\" not found in {config.Describe()}");
        }

        var cluster = FindCluster(config, context);
        var user = FindUser(config, context);
        var (certData, keyData) = ReadClientCertificate(user, context.Name);
        var caData = ReadCertificateAuthority(cluster, context.Name);
        if (caData is not null && cluster.InsecureSkipTlsVerify)
        {
            // Same rule as kubectl: trusting a CA and skipping verification contradict each other.
            throw new KubeConfigException(
                $"cluster \"{cluster.Name}\" in {cluster.SourceFile} sets both a certificate authority and insecure-skip-tls-verify");
        }

        if (user?.AuthProviderName is { } provider && user.Exec is null && user.Token is null && user.TokenFile is null)
        {
            throw new KubeConfigException(
                $"user \"{user.Name}\" in {user.SourceFile} uses auth-provider \"{provider}\", which is not supported; use an exec plugin");
        }

        return new RestConfig
        {
            Server = cluster.Server!,
            ContextName = context.Name,
            ClusterName = cluster.Name,
            UserName = user?.Name,
            Namespace = string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace,
            CertificateAuthorityData = caData,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            ProxyUrl = cluster.ProxyUrl,
            DisableCompression = cluster.DisableCompression,
            BearerToken = string.IsNullOrEmpty(user?.Token) ? null : user.Token,

            // kubectl prefers an inline token over tokenFile.
            BearerTokenFile = string.IsNullOrEmpty(user?.Token) ? CheckTokenFile(user, context.Name) : null,
            Username = user?.Username,
            Password = user?.Password,
            ClientCertificateData = certData,
            ClientKeyData = keyData,
            Exec = user?.Exec,
            ExecClusterConfig = cluster.ExecExtensionConfig,
            Source = $"context \"{context.Name}\" in {context.SourceFile}",
        };
    }

    private static KubeCluster FindCluster(KubeConfiguration config, KubeContext context)
    {
        if (string.IsNullOrEmpty(context.Cluster) || !config.Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new KubeConfigException(
                $"cluster \"{context.Cluster}\" of context \"{context.Name}\" not found in {config.Describe()}");
        }

        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\" in {cluster.SourceFile} has no server");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\" in {cluster.SourceFile} has an invalid server \"{cluster.Server}\"");
        }

        return cluster;
    }

    private static KubeUser? FindUser(KubeConfiguration config, KubeContext context)
    {
        if (string.IsNullOrEmpty(context.User))
        {
            return null;
        }

        return config.Users.TryGetValue(context.User, out var user)
            ? user
            : throw new KubeConfigException($"user \"{context.User}\" of context \"{context.Name}\" not found in {config.Describe()}");
    }

    private static byte[]? ReadCertificateAuthority(KubeCluster cluster, string context) =>
        cluster.CertificateAuthorityData ?? ReadFile(cluster.CertificateAuthority, "certificate-authority", $"cluster \"{cluster.Name}\"", cluster.SourceFile, context);

    private static (byte[]? Cert, byte[]? Key) ReadClientCertificate(KubeUser? user, string context)
    {
        if (user is null)
        {
            return (null, null);
        }

        var owner = $"user \"{user.Name}\"";
        var cert = user.ClientCertificateData ?? ReadFile(user.ClientCertificate, "client-certificate", owner, user.SourceFile, context);
        var key = user.ClientKeyData ?? ReadFile(user.ClientKey, "client-key", owner, user.SourceFile, context);
        if ((cert is null) != (key is null))
        {
            var missing = cert is null ? "client-certificate" : "client-key";
            throw new KubeConfigException($"{owner} in {user.SourceFile} has no {missing}; a client certificate needs both certificate and key");
        }

        return (cert, key);
    }

    private static string? CheckTokenFile(KubeUser? user, string context)
    {
        if (string.IsNullOrEmpty(user?.TokenFile))
        {
            return null;
        }

        _ = ReadFile(user.TokenFile, "tokenFile", $"user \"{user.Name}\"", user.SourceFile, context);
        return user.TokenFile;
    }

    private static byte[]? ReadFile(string? path, string field, string owner, string source, string context)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read";
            throw new KubeConfigException(
                $"{field} file {path} of {owner} (context \"{context}\", {source}) {reason}", ex);
        }
    }
}
