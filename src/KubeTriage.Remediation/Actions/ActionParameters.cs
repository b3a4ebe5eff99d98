namespace KubeTriage.Remediation.Actions;

/// <summary>Names the parameters of the typed actions.</summary>
public static class ActionParameters
{
    /// <summary>The replicas a <c>scale</c> action sets (a non-negative integer).</summary>
    public const string Replicas = "replicas";

    /// <summary>The revision a <c>rollback</c> returns to; absent means the previous one.</summary>
    public const string Revision = "revision";

    /// <summary>The container whose memory limit a <c>raise-memory-limit</c> action raises.</summary>
    public const string Container = "container";

    /// <summary>The new memory limit (a quantity such as <c>1Gi</c>); absent means the current limit times <see cref="Factor"/>.</summary>
    public const string Memory = "memory";

    /// <summary>How much to multiply the current memory limit by when <see cref="Memory"/> is absent (default 2).</summary>
    public const string Factor = "factor";

    /// <summary>The pods a delete-failed-pods dry run listed (comma-separated); execution deletes no other pod.</summary>
    public const string Pods = "pods";
}
