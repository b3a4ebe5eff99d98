using System.Text.Json;
using KubeTriage.Bench.Phases;

namespace KubeTriage.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchArguments parsed;
        try
        {
            parsed = BenchArguments.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + BenchArguments.Usage);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        switch (parsed.Phase)
        {
            case null:
                return await BenchRunner.RunAsync(parsed, cts.Token);
            case "offline" when parsed.Directory is { } dir:
                Print(OfflinePhase.Run(dir, parsed.Profile));
                return 0;
            case "live" when parsed.Kubeconfig is { } kubeconfig:
                Print(await LivePhase.RunAsync(kubeconfig, parsed.Profile, cts.Token));
                return 0;
            default:
                await Console.Error.WriteLineAsync(BenchArguments.Usage);
                return 2;
        }
    }

    // One JSON line: the orchestrator reads the last line of a child's stdout.
    private static void Print(PhaseResult result) => Console.Out.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
}
