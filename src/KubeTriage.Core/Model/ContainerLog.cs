namespace KubeTriage.Core.Model;

/// <summary>The log of one container instance: current, or the previous (crashed) one.</summary>
public sealed record ContainerLog(string Namespace, string Pod, string Container, bool Previous, string Text);
