using YamlDotNet.RepresentationModel;
using static KubeTriage.Kubernetes.KubeConfig.YamlNodes;

namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Parses users[].user.exec with the same validation rules as client-go.</summary>
internal static class ExecConfigParser
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    public static ExecConfig? Parse(YamlMappingNode? exec, string user, string path, string dir)
    {
        if (exec is null)
        {
            return null;
        }

        var owner = $"exec plugin of user \"{user}\" in {path}";
        var apiVersion = GetString(exec, "apiVersion");
        if (apiVersion is not (V1 or V1Beta1))
        {
            throw new KubeConfigException($"{owner}: unsupported apiVersion \"{apiVersion}\" (want {V1} or {V1Beta1})");
        }

        var command = GetString(exec, "command");
        if (string.IsNullOrEmpty(command))
        {
            throw new KubeConfigException($"{owner}: command is required");
        }

        return new ExecConfig
        {
            ApiVersion = apiVersion,

            // Like kubectl, only a command containing a path separator is relative to the kubeconfig; bare names use PATH.
            Command = command.Contains('/') ? KubeConfigParser.Resolve(dir, command)! : command,
            Args = GetStrings(exec, "args"),
            Env = GetMaps(exec, "env")
                .Select(e => new KeyValuePair<string, string>(GetString(e, "name") ?? string.Empty, GetString(e, "value") ?? string.Empty))
                .ToList(),
            ProvideClusterInfo = GetBool(exec, "provideClusterInfo", path),
            InteractiveMode = ParseMode(GetString(exec, "interactiveMode"), apiVersion, owner),
            InstallHint = GetString(exec, "installHint"),
        };
    }

    private static ExecInteractiveMode ParseMode(string? text, string apiVersion, string owner) => text switch
    {
        "Never" => ExecInteractiveMode.Never,
        "IfAvailable" => ExecInteractiveMode.IfAvailable,
        "Always" => ExecInteractiveMode.Always,

        // v1beta1 defaults to IfAvailable; v1 made the field mandatory.
        null or "" when apiVersion == V1Beta1 => ExecInteractiveMode.IfAvailable,
        null or "" => throw new KubeConfigException($"{owner}: interactiveMode must be specified for {apiVersion}"),
        _ => throw new KubeConfigException($"{owner}: invalid interactiveMode \"{text}\" (want Never, IfAvailable or Always)"),
    };
}
