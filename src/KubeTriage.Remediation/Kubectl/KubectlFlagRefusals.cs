namespace KubeTriage.Remediation.Kubectl;

/// <summary>Why each refused flag is refused, in words shown to the person or the model.</summary>
internal static class KubectlFlagRefusals
{
    private const string Credentials = "the cluster, credentials and identity are chosen by KubeTriage, never by the command";
    private const string LocalFiles = "reads local files or URLs, which a command from chat may not do";
    private const string Streams = "streams until it is killed; ask for a bounded read instead";
    private const string Interactive = "is interactive; nobody can answer it";

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["kubeconfig"] = Credentials,
        ["context"] = Credentials,
        ["cluster"] = Credentials,
        ["user"] = Credentials,
        ["server"] = Credentials,
        ["token"] = Credentials,
        ["username"] = Credentials,
        ["password"] = Credentials,
        ["as"] = Credentials,
        ["as-group"] = Credentials,
        ["as-uid"] = Credentials,
        ["insecure-skip-tls-verify"] = Credentials,
        ["certificate-authority"] = Credentials,
        ["client-certificate"] = Credentials,
        ["client-key"] = Credentials,
        ["tls-server-name"] = Credentials,
        ["insecure-skip-tls-verify-backend"] = Credentials,
        ["cache-dir"] = "writes local files",
        ["profile"] = "writes local files",
        ["profile-output"] = "writes local files",
        ["vmodule"] = "changes client logging, which may print credentials",
        ["filename"] = LocalFiles,
        ["kustomize"] = LocalFiles,
        ["patch-file"] = LocalFiles,
        ["from-file"] = LocalFiles,
        ["from-env-file"] = LocalFiles,
        ["cert"] = LocalFiles,
        ["key"] = LocalFiles,
        ["local"] = "works on local files only",
        ["raw"] = "raw API paths bypass the resource checks, and config view --raw prints credentials",
        ["flatten"] = "prints credentials",
        ["resolve"] = "prints Secret values",
        ["watch"] = Streams,
        ["watch-only"] = Streams,
        ["follow"] = Streams,
        ["interactive"] = Interactive,
        ["stdin"] = Interactive,
        ["tty"] = Interactive,
        ["attach"] = Interactive,
        ["edit"] = Interactive,
    };

    public static string Reason(string flag)
        => $"--{flag} is not allowed: " + Reasons.GetValueOrDefault(flag, "it is not supported");
}
