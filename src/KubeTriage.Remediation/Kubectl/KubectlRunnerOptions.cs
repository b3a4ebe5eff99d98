namespace KubeTriage.Remediation.Kubectl;

/// <summary>Configures <see cref="KubectlRunner"/>.</summary>
public sealed class KubectlRunnerOptions
{
    /// <summary>Gets or sets the kubectl executable; null finds <c>kubectl</c> on PATH.</summary>
    public string? KubectlPath { get; set; }

    /// <summary>Gets or sets how long a command may run before its process tree is killed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how many bytes of stdout and of stderr are kept; the rest is read and dropped.</summary>
    public int MaxOutputBytes { get; set; } = 64 * 1024;
}
