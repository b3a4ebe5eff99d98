using System.Text;
using KubeTriage.Kubernetes;
using KubeTriage.Server.Contracts;
using KubeTriage.Storage;

namespace KubeTriage.Server.Chat;

/// <summary>The kubectl chat flow behind <c>POST /api/sendMessage</c>: suggest commands, run the approved ones, analyse outputs.</summary>
/// <remarks>
/// Without a language model: the question is read for its namespace and kinds, a "why" runs the diagnosis engine, and
/// outputs (ours or pasted by the caller) are read by <see cref="CommandOutputReader"/>. Suggested commands carry their
/// tier; nothing runs unless the caller sends it back with <c>execute: true</c> or <c>execute_all</c>.
/// </remarks>
internal sealed class ChatFlow(
    IKubeTriageStore store, ChatThreadMemory memory, ServerKubeconfig serverKubeconfig, ChatCommandRunner runner, ChatDiagnosis diagnosis)
{
    private const int MaxCommandsPerMessage = 20;

    /// <summary>Answers one message; returns an error (field, message) for bad input.</summary>
    public async Task<(SendMessageResponse? Answer, (string Field, string Message)? Error)> SendAsync(SendMessageRequest request, string actor, CancellationToken ct)
    {
        var data = request.Data ?? new ChatData();
        var approved = (data.Cmds ?? []).Where(c => c.Execute || data.ExecuteAll).Select(c => c.Command).ToList();
        if (string.IsNullOrWhiteSpace(request.Content) && approved.Count == 0 && (data.ExecutedCmds ?? []).Count == 0)
        {
            return (null, ("content", "a message, approved commands (Cmds with execute: true) or executedCmds is required"));
        }

        if (approved.Count + (data.ExecutedCmds?.Count ?? 0) > MaxCommandsPerMessage)
        {
            return (null, ("data.Cmds", $"at most {MaxCommandsPerMessage} commands per message"));
        }

        var threadId = request.ThreadId ?? "chat-" + Guid.CreateVersion7().ToString("N");
        if (!Apis.ThreadIds.IsValid(threadId))
        {
            return (null, ("thread_id", Apis.ThreadIds.Rule));
        }

        if (data.Kubeconfig is { Length: > 0 } sent)
        {
            var (uploaded, error) = UploadedKubeconfig.Decode(sent);
            if (uploaded is null)
            {
                return (null, ("data.kubeconfig", error!));
            }

            memory.RememberKubeconfig(threadId, uploaded);
        }

        var (cluster, clusterError) = await ClusterAsync(threadId);
        if (cluster is null)
        {
            return (null, ("data.kubeconfig", clusterError!));
        }

        await store.GetOrCreateThreadAsync(threadId, ct);
        if (!string.IsNullOrWhiteSpace(request.Content))
        {
            await store.AppendMessageAsync(threadId, MessageRole.User, request.Content, ct);
        }

        if (data.ExecuteAll && (data.Cmds ?? []).Count == 0)
        {
            approved = [.. memory.Suggestions(threadId)];
        }

        var answer = approved.Count > 0 || (data.ExecutedCmds ?? []).Count > 0
            ? await AnalyseAsync(approved, data.ExecutedCmds ?? [], cluster, actor, threadId, ct)
            : await SuggestAsync(request.Content!, data.ExecuteAll, cluster, actor, threadId, ct);
        memory.RememberSuggestions(threadId, [.. answer.Data.Cmds!.Where(c => c.Risk is not ("refused" or "forbidden")).Select(c => c.Command)]);
        await store.AppendMessageAsync(threadId, MessageRole.Assistant, answer.Content, ct);
        return (answer, null);
    }

    /// <summary>Reports whether kubectl reaches the cluster of a kubeconfig (base64), or the server's own.</summary>
    public async Task<(bool Access, string Message)> CheckAccessAsync(string? kubeconfigBase64, CancellationToken ct)
    {
        ChatCluster? cluster;
        if (kubeconfigBase64 is { Length: > 0 })
        {
            var (uploaded, error) = UploadedKubeconfig.Decode(kubeconfigBase64);
            if (uploaded is null)
            {
                return (false, error!);
            }

            cluster = uploaded.ToCluster();
        }
        else
        {
            (cluster, var error) = await ClusterAsync(threadId: null);
            if (cluster is null)
            {
                return (false, error!);
            }
        }

        var result = await runner.RunAsync("kubectl version -o json", cluster, "health", "health", ct);
        return result.ExitCode == 0 && result.Output.Contains("\"serverVersion\"", StringComparison.Ordinal)
            ? (true, "Connected to Kubernetes cluster successfully!")
            : (false, "kubectl cannot reach the cluster: " + FirstLine(result.Output));
    }

    private async Task<SendMessageResponse> SuggestAsync(string content, bool executeAll, ChatCluster cluster, string actor, string threadId, CancellationToken ct)
    {
        var intent = ChatIntent.Read(content);
        var text = new StringBuilder();
        var commands = new List<string>(intent.Reads);
        if (intent.Diagnose)
        {
            try
            {
                var report = await diagnosis.DiagnoseAsync(cluster, intent.AllNamespaces ? null : intent.Namespace ?? cluster.DefaultNamespace, ct);
                text.Append(ChatDiagnosis.Describe(report));
                commands.AddRange(report.RootCauses.SelectMany(c => c.Remediation).Select(r => r.Command).OfType<string>());
            }
            catch (KubernetesException ex)
            {
                text.Append("The cluster could not be read for a diagnosis: ").Append(ex.Message);
            }
        }
        else
        {
            text.Append("To answer this, run:");
        }

        var suggested = new List<ChatCommand>();
        foreach (var command in commands.Distinct(StringComparer.Ordinal).Take(MaxCommandsPerMessage))
        {
            var (risk, reason) = await runner.RateAsync(command, cluster, ct);
            suggested.Add(new ChatCommand { Command = command, Execute = false, Risk = risk, Reason = reason });
            text.Append("\n\n").Append(command).Append(risk == "read" ? "" : $"  [{risk}: {reason}]");
        }

        text.Append("\n\nSend a command back with \"execute\": true to run it.");
        if (!executeAll)
        {
            return new SendMessageResponse(text.ToString(), new ChatData { Cmds = suggested, ExecutedCmds = [] }, threadId);
        }

        // execute_all approves every suggestion at once; writes still meet the policy.
        var runnable = suggested.Where(c => c.Risk is not ("refused" or "forbidden")).Select(c => c.Command).ToList();
        var analysed = await AnalyseAsync(runnable, [], cluster, actor, threadId, ct);
        return analysed with { Content = text + "\n\n" + analysed.Content };
    }

    private async Task<SendMessageResponse> AnalyseAsync(
        IReadOnlyList<string> approved, IReadOnlyList<ChatCommand> external, ChatCluster cluster, string actor, string threadId, CancellationToken ct)
    {
        var executed = new List<ChatCommand>();
        foreach (var command in approved.Distinct(StringComparer.Ordinal))
        {
            executed.Add(await runner.RunAsync(command, cluster, actor, threadId, ct));
        }

        var findings = new OutputFindings();
        foreach (var command in executed.Where(c => c.ExitCode is not null).Concat(external))
        {
            CommandOutputReader.Read(command.Command, command.Output, NamespaceOf(command.Command) ?? cluster.DefaultNamespace, findings);
        }

        var text = new StringBuilder("Analysis of command(s):");
        foreach (var refused in executed.Where(c => c.ExitCode is null || c.ExitCode != 0))
        {
            text.Append("\n\n").Append(refused.Command).Append(": ").Append(FirstLine(refused.Output));
        }

        text.Append(findings.Observations.Count == 0 ? "\n\nNothing in the output points to a problem." : "\n\n" + string.Join('\n', findings.Observations.Select((o, i) => $"{i + 1}. {o}")));
        var next = new List<ChatCommand>();
        foreach (var command in findings.FollowUps.Take(MaxCommandsPerMessage))
        {
            var (risk, reason) = await runner.RateAsync(command, cluster, ct);
            next.Add(new ChatCommand { Command = command, Execute = false, Risk = risk, Reason = reason });
        }

        if (next.Count > 0)
        {
            text.Append("\n\nNext steps: the commands below look closer; send them back with \"execute\": true.");
        }

        return new SendMessageResponse(text.ToString(), new ChatData { Cmds = next, ExecutedCmds = executed }, threadId);
    }

    private async Task<(ChatCluster? Cluster, string? Error)> ClusterAsync(string? threadId)
    {
        if (threadId is not null && memory.Kubeconfig(threadId) is { } uploaded)
        {
            return (uploaded.ToCluster(), null);
        }

        var (cluster, error) = await serverKubeconfig.GetAsync();
        return cluster is null ? (null, error + "; send data.kubeconfig") : (cluster, null);
    }

    private static string? NamespaceOf(string commandLine)
        => KubeTriage.Remediation.Kubectl.KubectlCommandParser.TryParse(commandLine, out var command, out _) ? command.Namespace : null;

    private static string FirstLine(string text) => text.Trim().Split('\n')[0];
}
