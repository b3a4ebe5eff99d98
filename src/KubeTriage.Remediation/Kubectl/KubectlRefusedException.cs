namespace KubeTriage.Remediation.Kubectl;

/// <summary>Carries the reason a command string is refused from deep in the tokenizer or parser to <see cref="KubectlCommandParser"/>.</summary>
internal sealed class KubectlRefusedException(string reason) : Exception(reason);
