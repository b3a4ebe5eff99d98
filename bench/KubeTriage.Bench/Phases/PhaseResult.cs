namespace KubeTriage.Bench.Phases;

/// <summary>What one measured run reports back to the orchestrating process (as one JSON line on stdout).</summary>
internal sealed record PhaseResult
{
    public required string Phase { get; init; }

    /// <summary>Reading the snapshot (offline) or nothing (live: collection is inside the total).</summary>
    public double LoadMs { get; init; }

    /// <summary>The engine alone (offline); live reports it as part of the total.</summary>
    public double DiagnoseMs { get; init; }

    public double TotalMs { get; init; }

    /// <summary>Peak resident set of the measuring process (VmHWM), runtime included.</summary>
    public long PeakWorkingSetBytes { get; init; }

    public long AllocatedBytes { get; init; }

    public int Gen2Collections { get; init; }

    public int Objects { get; init; }

    public int Logs { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<CauseSummary> RootCauses { get; init; } = [];

    /// <summary>Milliseconds per analyzer run alone, plus correlation; filled when profiling was asked for.</summary>
    public IReadOnlyDictionary<string, double>? Profile { get; init; }
}

/// <summary>The parts of a root cause the planted-fault check needs.</summary>
internal sealed record CauseSummary(string Category, string Severity, string Resource, IReadOnlyList<string> Affected, string Title);
