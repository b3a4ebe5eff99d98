namespace KubeTriage.Bench.Generator;

/// <summary>Everything decided about one Deployment before its objects are written: names, uids, fault, pods.</summary>
internal sealed class WorkloadPlan
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required string TemplateHash { get; init; }

    public required string ReplicaSetUid { get; init; }

    public required string ServiceUid { get; init; }

    public required string Image { get; init; }

    public required int Replicas { get; init; }

    /// <summary>Seconds before capture when the current ReplicaSet rolled out.</summary>
    public required double RolloutAgo { get; init; }

    /// <summary>Seconds before capture when the Deployment was first created.</summary>
    public required double CreatedAgo { get; init; }

    public FaultKind? Fault { get; init; }

    /// <summary>Whether the container reads <c>&lt;name&gt;-config</c> through envFrom.</summary>
    public bool UsesConfigMap { get; init; }

    /// <summary>Whether the container reads a password from <c>&lt;name&gt;-credentials</c>.</summary>
    public bool UsesSecret { get; init; }

    /// <summary>The Python-flavoured workloads crash with a traceback; the rest run a JVM.</summary>
    public bool IsPython { get; init; }

    public string ReplicaSet => $"{Name}-{TemplateHash}";

    public string Container => Name;

    public List<PodPlan> Pods { get; } = [];

    public bool IsBroken => Fault is not null;

    public bool PodsFail => Fault?.BreaksPods() == true;

    /// <summary>The Secret the MissingSecret fault references; never created.</summary>
    public string MissingSecretName => $"{Name}-db-credentials";

    /// <summary>The ConfigMap the MissingConfigMap fault references; never created.</summary>
    public string MissingConfigMapName => $"{Name}-settings";
}

/// <summary>One pod of a workload: its name, node, address and whether it recovered from an old problem.</summary>
internal sealed class PodPlan
{
    public required string Name { get; init; }

    public required string Uid { get; init; }

    /// <summary>Null for pods the scheduler could not place.</summary>
    public string? Node { get; init; }

    public string? HostIp { get; init; }

    public string? PodIp { get; init; }

    public required double CreatedAgo { get; init; }

    /// <summary>Restarted once, days ago, and has been running since: noise an engine must not report.</summary>
    public bool RecoveredRestart { get; init; }

    /// <summary>Failed its readiness probe for a while and is ready again.</summary>
    public bool RecoveredProbe { get; init; }

    /// <summary>Waited for a node before it was scheduled.</summary>
    public bool RecoveredScheduling { get; init; }

    public int RestartCount { get; set; }
}
