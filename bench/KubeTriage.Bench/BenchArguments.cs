using System.Globalization;

namespace KubeTriage.Bench;

/// <summary>Command line of the bench; the <c>--phase</c> forms are how the orchestrator runs its child processes.</summary>
internal sealed record BenchArguments
{
    public const string Usage = """
        usage: KubeTriage.Bench [--runs N] [--live-runs N] [--scale F] [--out DIR] [--results FILE] [--no-live] [--no-profile] [--live-profile]
               KubeTriage.Bench --phase offline --dir DIR [--profile]
               KubeTriage.Bench --phase live --kubeconfig FILE [--profile]
          --runs N       runs per phase, median reported (default 3)
          --live-runs N  runs of the live phase only (default: --runs)
          --scale F      shrink the cluster (pods, Deployments, events) for a quick try; 1 = the issue's targets
          --out DIR      write the snapshot there and keep it (default: a temp directory, deleted afterwards)
          --results FILE where to write the JSON results (default: bench/results/latest.json in the repo)
          --no-live      skip the sandbox/live phase
          --no-profile   skip the offline breakdown (load steps, each analyzer, correlation)
          --live-profile add a second live pass split into collection and diagnosis
        """;

    public string? Phase { get; init; }

    public string? Directory { get; init; }

    public string? Kubeconfig { get; init; }

    public int Runs { get; init; } = 3;

    public int? LiveRuns { get; init; }

    public bool LiveProfile { get; init; }

    public double Scale { get; init; } = 1;

    public string? Out { get; init; }

    public string? Results { get; init; }

    public bool Live { get; init; } = true;

    public bool Profile { get; init; } = true;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new BenchArguments { Profile = !args.Contains("--phase") };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            parsed = args[i] switch
            {
                "--phase" => parsed with { Phase = Value() },
                "--dir" => parsed with { Directory = Value() },
                "--kubeconfig" => parsed with { Kubeconfig = Value() },
                "--runs" => parsed with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--live-runs" => parsed with { LiveRuns = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--live-profile" => parsed with { LiveProfile = true },
                "--scale" => parsed with { Scale = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => parsed with { Out = Value() },
                "--results" => parsed with { Results = Value() },
                "--no-live" => parsed with { Live = false },
                "--profile" => parsed with { Profile = true },
                "--no-profile" => parsed with { Profile = false },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        if (parsed.Runs < 1 || parsed.LiveRuns < 1 || parsed.Scale <= 0 || parsed.Scale > 1)
        {
            throw new ArgumentException("--runs and --live-runs must be at least 1 and --scale in (0, 1]");
        }

        return parsed;
    }
}
