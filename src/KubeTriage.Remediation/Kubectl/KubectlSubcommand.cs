namespace KubeTriage.Remediation.Kubectl;

/// <summary>One kubectl subcommand: its path (<c>rollout restart</c>), access, API verb, argument shape, flags and fixed kind.</summary>
/// <param name="Path">The canonical subcommand path.</param>
/// <param name="Access">Read, write or refused.</param>
/// <param name="Verb">The API verb of a write.</param>
/// <param name="Shape">What the positional arguments mean.</param>
/// <param name="Flags">The flags the subcommand accepts, global ones included.</param>
/// <param name="Kind">The kind the subcommand works on or creates when the arguments do not say it (Node for cordon, Service for expose).</param>
/// <param name="Refusal">Why a refused subcommand is refused.</param>
internal sealed record KubectlSubcommand(
    string Path,
    KubectlAccess Access,
    string? Verb,
    KubectlArgumentShape Shape,
    KubectlFlagSet Flags,
    string? Kind = null,
    string? Refusal = null);
