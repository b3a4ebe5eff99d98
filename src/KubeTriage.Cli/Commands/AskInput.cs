using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Cli.Commands;

/// <summary>What <c>kubetriage ask</c> investigates: the collected cluster, the engine's map, the question and the agent limits.</summary>
internal sealed record AskInput(
    ClusterInput Input,
    DiagnosisReport EngineReport,
    string Question,
    bool Live,
    string? Kubeconfig,
    string? Context,
    string? ManagementContext,
    string? ManagementSnapshot,
    int MaxTurns,
    int? TimeoutSeconds);
