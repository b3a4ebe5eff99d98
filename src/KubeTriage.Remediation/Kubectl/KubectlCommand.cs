using System.Text.RegularExpressions;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>A kubectl command line that passed <see cref="KubectlCommandParser"/>: the exact argv to run and what it would change.</summary>
/// <remarks>
/// Every write carries one <see cref="MutationRequest"/> per target (per object named, or per type for a selector);
/// judge each with the policy, dry runs included. A null <see cref="Namespace"/> means the kubeconfig context's
/// namespace: resolve it with <see cref="WithDefaultNamespace"/> before judging, so the policy and kubectl agree.
/// </remarks>
public sealed partial record KubectlCommand
{
    /// <summary>Gets the arguments after <c>kubectl</c>, exactly as they will be executed (never through a shell).</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>Gets the canonical subcommand path (<c>get</c>, <c>rollout restart</c>, <c>create deployment</c>).</summary>
    public required string Subcommand { get; init; }

    /// <summary>Gets whether the command changes the cluster (dry runs included; see <see cref="DryRun"/>).</summary>
    public required bool IsWrite { get; init; }

    /// <summary>Gets the dry-run mode of a write.</summary>
    public KubectlDryRun DryRun { get; init; }

    /// <summary>Gets the changes of a write, one per target; empty for a read.</summary>
    public IReadOnlyList<MutationRequest> Mutations { get; init; } = [];

    /// <summary>Gets the namespace given with <c>-n</c>/<c>--namespace</c>; null means the kubeconfig context's namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets whether <c>-A</c>/<c>--all-namespaces</c> is set.</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>Gets the <c>-o</c> value, when given.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>Gets the label selector (<c>-l</c>), when given.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Gets the <c>--replicas</c> target of <c>kubectl scale</c>; the caller computes the delta from the current count.</summary>
    public int? ReplicasTarget { get; init; }

    /// <summary>Gets whether a delete skips graceful termination (<c>--force</c> or <c>--grace-period=0</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Gets whether the namespace is left to the kubeconfig context.</summary>
    public bool UsesContextNamespace => Namespace is null && !AllNamespaces;

    /// <summary>Returns the command as one line that the parser (and a POSIX shell) reads back to the same arguments.</summary>
    public string ToCommandLine() => "kubectl " + KubectlQuoting.Join(Arguments);

    /// <summary>Returns the command pinned to <paramref name="defaultNamespace"/> when it relies on the context's namespace.</summary>
    /// <remarks>Adds <c>--namespace=...</c> to the arguments and fills the namespace of every namespaced mutation.</remarks>
    public KubectlCommand WithDefaultNamespace(string defaultNamespace)
    {
        if (!NamespaceName().IsMatch(defaultNamespace))
        {
            throw new ArgumentException($"'{defaultNamespace}' is not a namespace name", nameof(defaultNamespace));
        }

        if (!UsesContextNamespace)
        {
            return this;
        }

        return this with
        {
            Arguments = ["--namespace=" + defaultNamespace, .. Arguments],
            Namespace = defaultNamespace,
            Mutations = [.. Mutations.Select(m => m.Namespace is null && !KubernetesKinds.IsClusterScoped(m.Kind) ? m with { Namespace = defaultNamespace } : m)],
        };
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    internal static partial Regex NamespaceName();
}
