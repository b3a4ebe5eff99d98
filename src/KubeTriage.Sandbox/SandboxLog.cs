namespace KubeTriage.Sandbox;

/// <summary>The log text of one container instance; <paramref name="Previous"/> marks the last terminated instance.</summary>
public sealed record SandboxLog(string Namespace, string Pod, string Container, bool Previous, string Text);
