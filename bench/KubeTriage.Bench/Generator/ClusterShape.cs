namespace KubeTriage.Bench.Generator;

/// <summary>Sizes of the synthetic cluster; the defaults are the targets of the performance issue.</summary>
internal sealed record ClusterShape
{
    /// <summary>The moment the synthetic snapshot was "taken"; every timestamp is at or before it.</summary>
    public static readonly DateTimeOffset DefaultCaptureTime = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    public int Seed { get; init; } = 20261121;

    public int Deployments { get; init; } = 1_000;

    public int Pods { get; init; } = 10_000;

    public int Events { get; init; } = 100_000;

    public int Namespaces { get; init; } = 20;

    public int Nodes { get; init; } = 50;

    public int BrokenDeployments { get; init; } = 30;

    public DateTimeOffset CaptureTime { get; init; } = DefaultCaptureTime;

    /// <summary>Shrinks every count but the planted faults, for quick runs while developing.</summary>
    public ClusterShape Scaled(double factor) => factor == 1 ? this : this with
    {
        Deployments = Math.Max(BrokenDeployments * 2, (int)(Deployments * factor)),
        Pods = Math.Max(BrokenDeployments * 20, (int)(Pods * factor)),
        Events = Math.Max(10_000, (int)(Events * factor)),
    };
}
