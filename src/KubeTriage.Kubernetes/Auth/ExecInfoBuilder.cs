using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Builds the KUBERNETES_EXEC_INFO document given to exec plugins (an ExecCredential with only spec set).</summary>
internal static class ExecInfoBuilder
{
    public static string Build(RestConfig config, ExecConfig exec, bool interactive)
    {
        // Field names and omit-empty rules follow the client.authentication.k8s.io Cluster type.
        var spec = new JsonObject();
        if (exec.ProvideClusterInfo)
        {
            var cluster = new JsonObject { ["server"] = config.Server };
            if (!string.IsNullOrEmpty(config.TlsServerName))
            {
                cluster["tls-server-name"] = config.TlsServerName;
            }

            if (config.InsecureSkipTlsVerify)
            {
                cluster["insecure-skip-tls-verify"] = true;
            }

            if (config.CertificateAuthorityData is { Length: > 0 } ca)
            {
                cluster["certificate-authority-data"] = Convert.ToBase64String(ca);
            }

            if (!string.IsNullOrEmpty(config.ProxyUrl))
            {
                cluster["proxy-url"] = config.ProxyUrl;
            }

            if (config.DisableCompression)
            {
                cluster["disable-compression"] = true;
            }

            if (config.ExecClusterConfig is not null)
            {
                cluster["config"] = config.ExecClusterConfig.DeepClone();
            }

            spec["cluster"] = cluster;
        }

        spec["interactive"] = interactive;
        var info = new JsonObject
        {
            ["kind"] = "ExecCredential",
            ["apiVersion"] = exec.ApiVersion,
            ["spec"] = spec,
        };
        return info.ToJsonString();
    }
}
