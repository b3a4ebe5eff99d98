using System.Diagnostics;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Runs kubectl directly (never through a shell) against a kubeconfig held in memory.</summary>
/// <remarks>
/// The kubeconfig is written to a file readable only by this user (0600) in a private temporary folder, passed with
/// <c>--kubeconfig</c>, and deleted when the run ends, also on timeout and cancellation. <c>KUBECONFIG</c> is removed
/// from the child's environment. Its content is never logged. Thread-safe; each run uses its own folder.
/// </remarks>
public sealed class KubectlRunner
{
    private readonly KubectlRunnerOptions _options;

    /// <summary>Initializes a runner with <paramref name="options"/> (defaults when null).</summary>
    public KubectlRunner(KubectlRunnerOptions? options = null)
    {
        _options = options ?? new KubectlRunnerOptions();
    }

    /// <summary>Runs a parsed command against the cluster of <paramref name="kubeconfig"/> (the file's content, not a path).</summary>
    /// <exception cref="FileNotFoundException">kubectl is not on PATH or at the configured path.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the process tree is killed first.</exception>
    public Task<KubectlResult> RunAsync(KubectlCommand command, string kubeconfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(command.Arguments, kubeconfig, cancellationToken);
    }

    internal async Task<KubectlResult> RunAsync(IReadOnlyList<string> arguments, string kubeconfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        var executable = ResolveExecutable();
        var folder = Directory.CreateTempSubdirectory("kubetriage-kubectl-");
        try
        {
            var kubeconfigPath = Path.Combine(folder.FullName, "kubeconfig");
            await WritePrivateAsync(kubeconfigPath, kubeconfig, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            start.ArgumentList.Add("--kubeconfig=" + kubeconfigPath);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("KUBECONFIG");
            return await RunProcessAsync(start, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<KubectlResult> RunProcessAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        process.StandardInput.Close();
        var stdout = new CappedOutput(_options.MaxOutputBytes);
        var stderr = new CappedOutput(_options.MaxOutputBytes);
        var draining = Task.WhenAll(stdout.DrainAsync(process.StandardOutput.BaseStream), stderr.DrainAsync(process.StandardError.BaseStream));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        await draining.ConfigureAwait(false);
        return new KubectlResult(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), stdout.Truncated || stderr.Truncated, timedOut);
    }

    private static async Task WritePrivateAsync(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, options);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content), cancellationToken).ConfigureAwait(false);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode is filtered by the umask; set the mode explicitly so it is exactly 0600.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private string ResolveExecutable()
    {
        if (_options.KubectlPath is { } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException("kubectl not found at the configured path", configured);
        }

        var name = OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("kubectl is not on PATH", name);
    }
}
