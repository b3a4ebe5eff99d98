using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static KubeTriage.Kubernetes.KubeConfig.YamlNodes;

namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Parses one kubeconfig file and resolves its relative paths against the file's directory, as kubectl does.</summary>
internal static class KubeConfigParser
{
    private const string ExecExtensionName = "client.authentication.k8s.io/exec";

    public static KubeConfigFile ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read kubeconfig {path}: {ex.Message}", ex);
        }

        return Parse(text, Path.GetFullPath(path));
    }

    public static KubeConfigFile Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new KubeConfigException($"malformed kubeconfig {path}: {ex.Message} (line {ex.Start.Line})", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode)
        {
            // An empty file is a valid (empty) kubeconfig for kubectl.
            return new KubeConfigFile(path, null, [], [], []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubeConfigException($"malformed kubeconfig {path}: the top level must be a mapping");
        }

        var dir = Path.GetDirectoryName(path) ?? ".";
        return new KubeConfigFile(
            path,
            GetString(root, "current-context"),
            Named(root, "clusters", "cluster", path).Select(e => ParseCluster(e.Name, e.Body, path, dir)).ToList(),
            Named(root, "users", "user", path).Select(e => ParseUser(e.Name, e.Body, path, dir)).ToList(),
            Named(root, "contexts", "context", path).Select(e => ParseContext(e.Name, e.Body, path)).ToList());
    }

    private static IEnumerable<(string Name, YamlMappingNode? Body)> Named(YamlMappingNode root, string list, string item, string path)
    {
        foreach (var entry in GetMaps(root, list))
        {
            var name = GetString(entry, "name");
            if (string.IsNullOrEmpty(name))
            {
                throw new KubeConfigException($"malformed kubeconfig {path}: an entry in \"{list}\" has no name");
            }

            yield return (name, GetMap(entry, item));
        }
    }

    private static KubeCluster ParseCluster(string name, YamlMappingNode? body, string path, string dir) => new()
    {
        Name = name,
        SourceFile = path,
        Server = GetString(body, "server"),
        CertificateAuthority = Resolve(dir, GetString(body, "certificate-authority")),
        CertificateAuthorityData = Base64(body, "certificate-authority-data", $"cluster \"{name}\"", path),
        InsecureSkipTlsVerify = GetBool(body, "insecure-skip-tls-verify", path),
        TlsServerName = GetString(body, "tls-server-name"),
        ProxyUrl = GetString(body, "proxy-url"),
        DisableCompression = GetBool(body, "disable-compression", path),
        ExecExtensionConfig = GetMaps(body, "extensions")
            .Where(e => GetString(e, "name") == ExecExtensionName)
            .Select(e => e.Children.TryGetValue(new YamlScalarNode("extension"), out var ext) ? ToJson(ext) : null)
            .FirstOrDefault(),
    };

    private static KubeUser ParseUser(string name, YamlMappingNode? body, string path, string dir) => new()
    {
        Name = name,
        SourceFile = path,
        Token = GetString(body, "token"),
        TokenFile = Resolve(dir, GetString(body, "tokenFile")),
        ClientCertificate = Resolve(dir, GetString(body, "client-certificate")),
        ClientCertificateData = Base64(body, "client-certificate-data", $"user \"{name}\"", path),
        ClientKey = Resolve(dir, GetString(body, "client-key")),
        ClientKeyData = Base64(body, "client-key-data", $"user \"{name}\"", path),
        Username = GetString(body, "username"),
        Password = GetString(body, "password"),
        Exec = ExecConfigParser.Parse(GetMap(body, "exec"), name, path, dir),
        AuthProviderName = GetString(GetMap(body, "auth-provider"), "name"),
    };

    private static KubeContext ParseContext(string name, YamlMappingNode? body, string path) => new()
    {
        Name = name,
        SourceFile = path,
        Cluster = GetString(body, "cluster"),
        User = GetString(body, "user"),
        Namespace = GetString(body, "namespace"),
    };

    internal static string? Resolve(string dir, string? value) =>
        string.IsNullOrEmpty(value) || Path.IsPathRooted(value) ? value : Path.GetFullPath(Path.Combine(dir, value));

    private static byte[]? Base64(YamlMappingNode? body, string key, string owner, string path)
    {
        var text = GetString(body, key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new KubeConfigException($"malformed kubeconfig {path}: {key} of {owner} is not valid base64", ex);
        }
    }
}
