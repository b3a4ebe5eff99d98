using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Kubectl;
using KubeTriage.Remediation.Policy;
using KubeTriage.Remediation.Workflow;
using KubeTriage.Server.Contracts;

namespace KubeTriage.Server.Chat;

/// <summary>Runs one approved chat command: parse, judge every write by the policy, dry-run it on the server, run it, audit it.</summary>
/// <remarks>
/// The caller's <c>execute: true</c> is a person's approval, which lifts the confirm tier and never the forbidden one.
/// Reads run as they are; nothing runs through a shell.
/// </remarks>
internal sealed class ChatCommandRunner(KubectlRunner kubectl, IRemediationPolicy policy, AuditTrail audit)
{
    private const string Workflow = "chat";

    public async Task<ChatCommand> RunAsync(string commandLine, ChatCluster cluster, string actor, string threadId, CancellationToken ct)
    {
        if (!KubectlCommandParser.TryParse(commandLine, out var parsed, out var rejection))
        {
            await AuditAsync(AuditEvents.Refused, commandLine, null, actor, threadId, AuditApprovalTypes.None, "refused by the parser: " + rejection, ct);
            return Refused(commandLine, "refused: " + rejection);
        }

        var command = parsed.WithDefaultNamespace(cluster.DefaultNamespace);
        if (!command.IsWrite)
        {
            return Ran(commandLine, await kubectl.RunAsync(command, cluster.Kubeconfig, ct), "read", null);
        }

        var decision = await JudgeAsync(command, cluster, ct);
        if (decision.Tier == RiskTier.Forbidden)
        {
            await AuditAsync(AuditEvents.Refused, commandLine, command, actor, threadId, AuditApprovalTypes.None, $"{decision.Reason} (rule {decision.Rule})", ct);
            return Refused(commandLine, "not run: the autonomy policy forbids it: " + decision.Reason, decision);
        }

        var approvalType = decision.Tier == RiskTier.Safe ? AuditApprovalTypes.AutoSafe : AuditApprovalTypes.Human;
        if (command.DryRun == KubectlDryRun.None)
        {
            var dryRuns = ServerDryRuns.For(command);
            if (dryRuns is null)
            {
                await AuditAsync(AuditEvents.Refused, commandLine, command, actor, threadId, AuditApprovalTypes.None, "no server-side dry run exists for kubectl " + command.Subcommand, ct);
                return Refused(commandLine, $"not run: kubectl {command.Subcommand} cannot be dry-run on the server, and nothing runs without a dry run", decision);
            }

            foreach (var dryRunCommand in dryRuns)
            {
                var dryRun = await kubectl.RunAsync(dryRunCommand, cluster.Kubeconfig, ct);
                await AuditAsync(AuditEvents.DryRun, commandLine, command, actor, threadId, AuditApprovalTypes.None, Outcome(dryRun), ct);
                if (dryRun.ExitCode != 0)
                {
                    return new ChatCommand
                    {
                        Command = commandLine,
                        Output = "not run: the server-side dry run failed:\n" + dryRun.Output,
                        Execute = false,
                        Risk = Tier(decision),
                        Reason = decision.Reason,
                        ExitCode = dryRun.ExitCode,
                    };
                }
            }
        }

        var result = await kubectl.RunAsync(command, cluster.Kubeconfig, ct);
        await AuditAsync(result.ExitCode == 0 ? AuditEvents.Executed : AuditEvents.Failed, commandLine, command, actor, threadId, approvalType, Outcome(result), ct);
        return Ran(commandLine, result, Tier(decision), decision.Reason);
    }

    /// <summary>Returns the tier a suggested command would have, for showing next to it: read, or the policy's tier.</summary>
    public async Task<(string Risk, string? Reason)> RateAsync(string commandLine, ChatCluster cluster, CancellationToken ct)
    {
        if (!KubectlCommandParser.TryParse(commandLine, out var parsed, out var rejection))
        {
            return ("refused", rejection);
        }

        var command = parsed.WithDefaultNamespace(cluster.DefaultNamespace);
        if (!command.IsWrite)
        {
            return ("read", null);
        }

        var decision = await JudgeAsync(command, cluster, ct);
        return (Tier(decision), decision.Reason);
    }

    // The strictest decision over every object the command touches, with the facts the guards need filled in from
    // the cluster: how many objects a selector matches, how far a scale moves, how many pods fail in the namespace.
    private async Task<PolicyDecision> JudgeAsync(KubectlCommand command, ChatCluster cluster, CancellationToken ct)
    {
        PolicyDecision? strictest = null;
        foreach (var mutation in command.Mutations)
        {
            var request = mutation with { Workflow = Workflow };
            if (request.LabelSelector is { } selector && request.Namespace is { } selectorNs && !request.AllNamespaces)
            {
                request = request with { MatchedObjects = await CountAsync(cluster, ["get", request.Kind, "--namespace=" + selectorNs, "--selector=" + selector], ct) };
            }

            if (command.ReplicasTarget is { } target && request.Name is { } name && request.Namespace is { } scaleNs)
            {
                var current = await JsonAsync(cluster, ["get", request.Kind, name, "--namespace=" + scaleNs, "-o", "json"], ct);
                if (current?["spec"]?["replicas"]?.GetValue<int>() is { } replicas)
                {
                    request = request with { ReplicaDelta = target - replicas };
                }
            }

            var failing = request.Namespace is { } ns && await JsonAsync(cluster, ["get", "pods", "--namespace=" + ns, "-o", "json"], ct) is { } pods && pods["items"] is JsonArray items
                ? FailingPods.Count(JsonSerializer.SerializeToElement(items).EnumerateArray())
                : 0;
            var decision = policy.Evaluate(request, failing);
            if (strictest is null || decision.Tier > strictest.Tier)
            {
                strictest = decision;
            }
        }

        return strictest ?? new PolicyDecision(RiskTier.Forbidden, "the command changes the cluster but names nothing the policy can judge", "builtin:unknown-target");
    }

    private async Task<int?> CountAsync(ChatCluster cluster, string[] arguments, CancellationToken ct)
    {
        var list = await JsonAsync(cluster, [.. arguments, "-o", "json"], ct);
        return list?["items"] is JsonArray items ? items.Count : null;
    }

    // Fact-finding reads go through the same parser and runner as everything else.
    private async Task<JsonNode?> JsonAsync(ChatCluster cluster, string[] arguments, CancellationToken ct)
    {
        if (!KubectlCommandParser.TryParse("kubectl " + KubectlQuoting.Join(arguments), out var command, out _) || command.IsWrite)
        {
            return null;
        }

        var result = await kubectl.RunAsync(command, cluster.Kubeconfig, ct);
        try
        {
            return result.ExitCode == 0 && !result.Truncated ? JsonNode.Parse(result.StandardOutput) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task AuditAsync(string auditEvent, string commandLine, KubectlCommand? command, string actor, string threadId, string approvalType, string outcome, CancellationToken ct)
        => audit.AppendAsync(
            new AuditEntry
            {
                Event = auditEvent,
                Actor = actor,
                Action = "kubectl",
                Inputs = new JsonObject { ["command"] = commandLine, ["argv"] = command is null ? null : new JsonArray([.. command.Arguments.Select(a => JsonValue.Create(a))]), ["thread_id"] = threadId },
                Outcome = outcome,
                ApprovalType = approvalType,
                Namespace = command?.Namespace,
                Target = command?.Mutations.FirstOrDefault() is { } m ? $"{m.Kind.ToLowerInvariant()}/{m.Name ?? "*"}" : null,
            },
            ct);

    private static string Outcome(KubectlResult result)
    {
        var text = result.Output.Trim();
        return $"exit {result.ExitCode}{(result.TimedOut ? " (timed out)" : "")}: {(text.Length > 500 ? text[..500] + "..." : text)}";
    }

    private static string Tier(PolicyDecision decision) => decision.Tier.ToString().ToLowerInvariant();

    private static ChatCommand Refused(string commandLine, string why, PolicyDecision? decision = null)
        => new() { Command = commandLine, Output = why, Execute = false, Risk = decision is null ? "refused" : Tier(decision), Reason = decision?.Reason };

    private static ChatCommand Ran(string commandLine, KubectlResult result, string risk, string? reason) => new()
    {
        Command = commandLine,
        Output = result.Output + (result.Truncated ? "\n[output truncated]" : "") + (result.TimedOut ? "\n[timed out]" : ""),
        Execute = true,
        Risk = risk,
        Reason = reason,
        ExitCode = result.ExitCode,
    };
}
