using KubeTriage.Core.Model;

namespace KubeTriage.Bench.Generator;

/// <summary>One workload broken on purpose, and the root cause the engine must report for it.</summary>
internal sealed record PlantedFault(FaultKind Kind, string Namespace, string Deployment, string ReplicaSet)
{
    public string ExpectedCategory => Kind.ExpectedCategory();

    /// <summary>The object the fix belongs to: the Service for the selector typo, else the Deployment.</summary>
    public ObjectRef ExpectedResource => Kind == FaultKind.ServiceSelectorMismatch
        ? new ObjectRef("Service", Namespace, Deployment)
        : new ObjectRef("Deployment", Namespace, Deployment);

    /// <summary>Whether a reference names this workload or one of its parts (ReplicaSet, pods, Service, Endpoints).</summary>
    public bool Owns(ObjectRef reference)
        => reference.Namespace == Namespace
            && (reference.Name == Deployment || reference.Name.StartsWith(ReplicaSet, StringComparison.Ordinal));
}
