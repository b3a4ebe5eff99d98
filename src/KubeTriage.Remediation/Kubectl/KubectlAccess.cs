namespace KubeTriage.Remediation.Kubectl;

/// <summary>Whether a subcommand reads, writes, or is never run.</summary>
internal enum KubectlAccess
{
    Read,
    Write,
    Refused,
}
