namespace KubeTriage.Remediation.Actions;

/// <summary>Reports that an action must not run against the cluster as it is (a bare pod, no previous revision, ...).</summary>
public sealed class ActionRefusedException : Exception
{
    /// <summary>Creates the exception with the reason a person reads.</summary>
    public ActionRefusedException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the exception with the reason and the error that led to it.</summary>
    public ActionRefusedException(string reason, Exception inner)
        : base(reason, inner)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public ActionRefusedException()
        : base("the action was refused")
    {
    }
}
