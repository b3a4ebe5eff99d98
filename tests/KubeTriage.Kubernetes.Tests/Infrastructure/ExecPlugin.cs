using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>Writes a shell-script exec plugin that counts its runs, saves KUBERNETES_EXEC_INFO per run and prints an ExecCredential.</summary>
internal sealed class ExecPlugin
{
    private const string TokenScript = """
        #!/bin/sh
        dir=$(dirname "$0")
        n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$dir/count"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/info-$n.json"
        exp=""
        if [ -n "$EXPIRY" ]; then exp=",\"expirationTimestamp\":\"$EXPIRY\""; fi
        if [ -f "$dir/credential.json" ]; then cat "$dir/credential.json"; exit 0; fi
        printf '{"kind":"ExecCredential","apiVersion":"%s","status":{"token":"%s-%s"%s}}\n' "$API" "$PREFIX" "$n" "$exp"
        """;

    private readonly TempDirectory _dir;
    private readonly string _folder;

    public ExecPlugin(TempDirectory dir, string folder = "cfg/bin")
    {
        _dir = dir;
        _folder = folder;
        dir.Script($"{folder}/plugin.sh", TokenScript.ReplaceLineEndings("\n") + "\n");
    }

    public int Runs => File.Exists(_dir.Combine($"{_folder}/count")) ? int.Parse(File.ReadAllText(_dir.Combine($"{_folder}/count")).Trim()) : 0;

    public JsonNode ExecInfo(int run) => JsonNode.Parse(File.ReadAllText(_dir.Combine($"{_folder}/info-{run}.json")))!;

    /// <summary>Makes every run print this credential instead of a counted token.</summary>
    public void PrintCredential(JsonObject credential) => _dir.File($"{_folder}/credential.json", credential.ToJsonString());

    /// <summary>Returns the users[].user body for a kubeconfig in cfg/ referring to the plugin by a relative path.</summary>
    public static string UserYaml(string apiVersion, string? expiry, string extra = "interactiveMode: Never", string prefix = "tok") => $"""
        exec:
          apiVersion: {apiVersion}
          command: bin/plugin.sh
          {extra}
          env:
          - name: API
            value: {apiVersion}
          - name: PREFIX
            value: {prefix}
          - name: EXPIRY
            value: "{expiry}"
        """;
}
