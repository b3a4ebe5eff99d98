namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>Builds small kubeconfig documents for tests.</summary>
internal static class KubeconfigText
{
    public static string Single(string server, string clusterExtra, string userBody, string? ns = null) => $"""
        apiVersion: v1
        kind: Config
        current-context: probe
        clusters:
        - name: probe-cluster
          cluster:
            server: {server}
        {Indent(clusterExtra, 4)}
        users:
        - name: probe-user
          user:
        {Indent(userBody, 4)}
        contexts:
        - name: probe
          context:
            cluster: probe-cluster
            user: probe-user
        {(ns is null ? string.Empty : "    namespace: " + ns)}
        """;

    public static string CaData => $"certificate-authority-data: {TestPki.Base64(TestPki.Instance.CaPem)}";

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
