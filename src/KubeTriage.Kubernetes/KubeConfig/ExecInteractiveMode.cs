namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Lists how an exec plugin may use standard input (kubeconfig exec.interactiveMode).</summary>
public enum ExecInteractiveMode
{
    /// <summary>The plugin never needs standard input.</summary>
    Never,

    /// <summary>The plugin uses standard input when it is a terminal.</summary>
    IfAvailable,

    /// <summary>The plugin requires a terminal on standard input.</summary>
    Always,
}
