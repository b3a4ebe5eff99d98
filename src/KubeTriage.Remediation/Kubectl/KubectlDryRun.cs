namespace KubeTriage.Remediation.Kubectl;

/// <summary>The <c>--dry-run</c> mode of a write.</summary>
public enum KubectlDryRun
{
    /// <summary>No dry run (also <c>--dry-run=none</c>): the write happens.</summary>
    None,

    /// <summary><c>--dry-run=client</c> (or bare <c>--dry-run</c>): kubectl prints the object and sends nothing.</summary>
    Client,

    /// <summary><c>--dry-run=server</c>: the API server validates and admits the change but does not store it.</summary>
    Server,
}
