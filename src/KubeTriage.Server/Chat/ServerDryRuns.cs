using System.Text.Json.Nodes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Kubectl;

namespace KubeTriage.Server.Chat;

/// <summary>Builds the server-side dry run (<c>dryRun=All</c>) of a kubectl write, or says there is none.</summary>
/// <remarks>
/// Most writing subcommands take <c>--dry-run=server</c>. <c>rollout restart|pause|resume</c> do not (kubectl 1.32), so
/// their dry run is the patch they send, with the same body kubectl builds. Anything else without one is not run.
/// </remarks>
internal static class ServerDryRuns
{
    private static readonly HashSet<string> WithDryRunFlag = new(StringComparer.Ordinal)
    {
        "delete", "scale", "patch", "label", "annotate", "rollout undo", "set image", "set resources", "set env", "set selector",
        "set serviceaccount", "set subject", "cordon", "uncordon", "drain", "taint", "expose", "autoscale", "create", "run",
    };

    /// <summary>Returns the dry-run commands to run first, or null when the write cannot be dry-run.</summary>
    public static IReadOnlyList<KubectlCommand>? For(KubectlCommand command)
    {
        if (WithDryRunFlag.Contains(command.Subcommand) || command.Subcommand.StartsWith("create ", StringComparison.Ordinal))
        {
            return [command with { Arguments = [.. command.Arguments, "--dry-run=server"], DryRun = KubectlDryRun.Server }];
        }

        var body = command.Subcommand switch
        {
            "rollout restart" => RolloutPatches.Restart(DateTimeOffset.UtcNow),
            "rollout pause" => new JsonObject { ["spec"] = new JsonObject { ["paused"] = true } },
            "rollout resume" => new JsonObject { ["spec"] = new JsonObject { ["paused"] = false } },
            _ => null,
        };
        if (body is null || command.Mutations.Any(m => m.Name is null || m.Namespace is null))
        {
            return null;
        }

        return [.. command.Mutations.Select(m => new KubectlCommand
        {
            Arguments = ["patch", m.Kind.ToLowerInvariant(), m.Name!, "--namespace=" + m.Namespace, "--type=strategic", "-p", body.ToJsonString(), "--dry-run=server"],
            Subcommand = "patch",
            IsWrite = true,
            DryRun = KubectlDryRun.Server,
            Namespace = m.Namespace,
            Mutations = [m with { Verb = "patch" }],
        })];
    }
}
