namespace KubeTriage.Sandbox.Logs;

/// Container logs by namespace, pod, container and instance (current or previous).
internal sealed class LogStore(IReadOnlyList<SandboxLog> logs)
{
    public SandboxLog? Find(string ns, string pod, string container, bool previous) =>
        logs.LastOrDefault(l => l.Namespace == ns && l.Pod == pod && l.Container == container && l.Previous == previous);
}
