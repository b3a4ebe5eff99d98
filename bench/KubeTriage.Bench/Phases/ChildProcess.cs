using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace KubeTriage.Bench.Phases;

/// <summary>Re-runs this executable with <c>--phase ...</c> so each measurement gets a fresh process: cold JIT and its own peak memory.</summary>
internal static class ChildProcess
{
    public static async Task<PhaseResult> RunAsync(IReadOnlyList<string> phaseArgs, TimeSpan timeout, CancellationToken ct)
    {
        var start = StartInfo();
        foreach (var arg in phaseArgs)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bench child process");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bench child {string.Join(' ', phaseArgs)} did not finish within {timeout}");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench child {string.Join(' ', phaseArgs)} exited with {process.ExitCode}:\n{errors}{output}");
        }

        // The result is the last line; anything before it is diagnostic chatter.
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"bench child printed nothing:\n{errors}");
        return JsonSerializer.Deserialize<PhaseResult>(last, BenchJson.Options)
            ?? throw new InvalidOperationException("bench child printed null");
    }

    private static ProcessStartInfo StartInfo()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the bench executable");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Under `dotnet KubeTriage.Bench.dll` the process is the host; the dll must come first.
        if (Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        return start;
    }
}
