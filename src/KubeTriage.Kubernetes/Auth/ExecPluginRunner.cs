using System.ComponentModel;
using System.Diagnostics;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Runs an exec credential plugin and returns its standard output.</summary>
internal static class ExecPluginRunner
{
    public static async Task<string> RunAsync(ExecConfig exec, string execInfo, bool interactive, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(exec.Command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,

            // An interactive plugin talks to the user through the inherited stdin/stderr; otherwise capture stderr for errors.
            RedirectStandardError = !interactive,
            RedirectStandardInput = !interactive,
        };
        foreach (var arg in exec.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in exec.Env)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = execInfo;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var hint = string.IsNullOrWhiteSpace(exec.InstallHint) ? string.Empty : $" ({exec.InstallHint.ReplaceLineEndings(" ").Trim()})";
            throw new KubernetesCredentialException($"exec plugin \"{exec.Command}\" could not be started: {ex.Message}{hint}", ex);
        }

        if (!interactive)
        {
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = interactive ? Task.FromResult(string.Empty) : process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var detail = LastLine(await stderr.ConfigureAwait(false));
            throw new KubernetesCredentialException(
                $"exec plugin \"{exec.Command}\" failed with exit code {process.ExitCode}{(detail.Length > 0 ? ": " + detail : string.Empty)}");
        }

        return await stdout.ConfigureAwait(false);
    }

    private static string LastLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        return line.Length > 300 ? line[..300] : line;
    }
}
