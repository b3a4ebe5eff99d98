namespace KubeTriage.Server.Chat;

/// <summary>The cluster a chat thread talks to: its kubeconfig document and the namespace commands default to.</summary>
/// <param name="Kubeconfig">A self-contained kubeconfig (the thread's, or the server's flattened).</param>
/// <param name="DefaultNamespace">The context's namespace, else <c>default</c>, as kubectl would use.</param>
/// <param name="FromThread">Whether the caller sent it (not the server's own).</param>
internal sealed record ChatCluster(string Kubeconfig, string DefaultNamespace, bool FromThread)
{
    /// <summary>The namespace kubectl uses when the context names none.</summary>
    public const string KubectlDefaultNamespace = "default";
}
