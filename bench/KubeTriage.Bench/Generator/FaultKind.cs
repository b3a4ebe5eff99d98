using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Bench.Generator;

/// <summary>The ways a planted workload is broken, rotated over the broken Deployments.</summary>
internal enum FaultKind
{
    AppCrash,
    OomKilled,
    ImagePullNotFound,
    MissingSecret,
    MissingConfigMap,
    InsufficientCpu,
    ServiceSelectorMismatch,
}

/// <summary>What the engine is expected to call each planted fault.</summary>
internal static class FaultKinds
{
    public static readonly IReadOnlyList<FaultKind> Rotation = Enum.GetValues<FaultKind>();

    public static string ExpectedCategory(this FaultKind kind) => kind switch
    {
        FaultKind.AppCrash => Categories.AppCrash,
        FaultKind.OomKilled => Categories.OOMKilled,
        FaultKind.ImagePullNotFound => Categories.ImagePullFailure,
        FaultKind.MissingSecret => Categories.MissingSecret,
        FaultKind.MissingConfigMap => Categories.MissingConfigMap,
        FaultKind.InsufficientCpu => Categories.InsufficientResources,
        FaultKind.ServiceSelectorMismatch => Categories.ServiceSelectorMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Whether the Deployment's own pods fail (every kind but the Service selector typo).</summary>
    public static bool BreaksPods(this FaultKind kind) => kind != FaultKind.ServiceSelectorMismatch;
}
