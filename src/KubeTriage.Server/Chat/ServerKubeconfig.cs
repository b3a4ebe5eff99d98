using System.Diagnostics;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Server.Chat;

/// <summary>The server's own kubeconfig as one self-contained document, for chat threads that sent none.</summary>
/// <remarks>
/// kubectl runs against a private copy of the kubeconfig, so relative certificate paths of the operator's file would
/// break; <c>kubectl config view --raw --flatten --minify</c> inlines them. Read once, kept in memory.
/// </remarks>
internal sealed class ServerKubeconfig(ServerOptions options)
{
    private readonly Lazy<Task<(ChatCluster? Cluster, string? Error)>> _cluster = new(() => LoadAsync(options));

    /// <summary>Returns the server's cluster for chat threads, or why there is none; read and parsed once.</summary>
    public Task<(ChatCluster? Cluster, string? Error)> GetAsync() => _cluster.Value;

    private static async Task<(ChatCluster? Cluster, string? Error)> LoadAsync(ServerOptions options)
    {
        var (yaml, error) = await FlattenAsync(options);
        if (yaml is null)
        {
            return (null, error);
        }

        var context = UploadedKubeconfig.CurrentContext(KubeConfigLoader.LoadFromString(yaml, Path.GetTempPath()));
        return (new ChatCluster(yaml, context?.Namespace ?? ChatCluster.KubectlDefaultNamespace, FromThread: false), null);
    }

    private static async Task<(string? Yaml, string? Error)> FlattenAsync(ServerOptions options)
    {
        var start = new ProcessStartInfo(options.KubectlPath ?? "kubectl")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "config", "view", "--raw", "--flatten", "--minify" })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.Kubeconfig is { } path)
        {
            start.ArgumentList.Add("--kubeconfig=" + path);
        }

        if (options.KubeContext is { } context)
        {
            start.ArgumentList.Add("--context=" + context);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? (await output, null) : (null, "the server's kubeconfig is not usable: " + (await error).Trim());
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return (null, "kubectl is not available on the server: " + ex.Message);
        }
    }
}
