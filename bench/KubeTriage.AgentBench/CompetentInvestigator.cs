using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace KubeTriage.AgentBench;

/// <summary>A scripted model that investigates the way a competent person would, deciding each step from what it is shown.</summary>
/// <remarks>
/// It does not know the answer. As coordinator it reads the engine's root causes in its prompt and delegates one
/// objects task per cause (plus a logs task when the cause is about a crash or a log line), or one namespace
/// sweep when the engine found nothing; then it writes the report from the causes. As collector it reads the
/// task, looks at the named object and its events, or lists the pods and reads the logs of the failing ones,
/// then answers with the tool lines that look like evidence. Usage is the chars/4 estimate of each call.
/// </remarks>
internal sealed partial class CompetentInvestigator(string model) : IChatClient
{
    private const int MaxCauses = 3;

    private static readonly string[] LogCategories = ["AppCrash", "CrashLoop", "OOMKilled", "DependencyUnavailable", "DnsFailure", "PermissionDenied", "ConfigError", "ProbeFailure"];

    private static readonly string[] EvidenceWords = ["warning", "error", "fail", "false", "not found", "waiting", "backoff", "refused", "denied", "exception", "panic", "killed", "timeout", "invalid", "forbidden", "unable", "missing", "! "];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var tools = options?.Tools?.Select(t => t.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var answer = tools.Contains("delegate") ? Coordinate(list) : Collect(list, tools);
        var output = answer.Contents.Sum(c => c switch
        {
            TextContent t => t.Text.Length,
            FunctionCallContent f => f.Name.Length + (f.Arguments?.Sum(a => a.Key.Length + (a.Value?.ToString()?.Length ?? 0)) ?? 0),
            _ => 0,
        }) / 4;
        return Task.FromResult(new ChatResponse(answer)
        {
            ModelId = model,
            Usage = new UsageDetails { InputTokenCount = TokenEstimate.Of(list, options), OutputTokenCount = output },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, model) : null;

    public void Dispose()
    {
    }

    private static ChatMessage Coordinate(List<ChatMessage> messages)
    {
        var causes = RootCauseLine().Matches(messages[0].Text).Take(MaxCauses).ToList();
        if (messages.Any(m => m.Role == ChatRole.Tool))
        {
            return new ChatMessage(ChatRole.Assistant, Report(causes));
        }

        var calls = new List<AIContent>();
        foreach (var cause in causes)
        {
            var reference = cause.Groups["ref"].Value;
            var category = cause.Groups["category"].Value;
            calls.Add(Delegate(calls.Count, $"Confirm {category} on {reference}: show its status, conditions and events, and what it references.", "objects"));
            if (LogCategories.Any(c => category.Contains(c, StringComparison.Ordinal)))
            {
                calls.Add(Delegate(calls.Count, $"Read the logs (previous instance first) of the pods of {reference}; quote the error lines.", "logs"));
            }
        }

        if (calls.Count == 0)
        {
            var question = messages.Last(m => m.Role == ChatRole.User).Text;
            var ns = NamespaceInQuestion().Match(question) is { Success: true } m ? m.Groups[1].Value : "default";
            calls.Add(Delegate(0, $"Sweep namespace {ns}: list its pods and its warning events, and report anything unhealthy.", "objects"));
        }

        return new ChatMessage(ChatRole.Assistant, calls);
    }

    private static ChatMessage Collect(List<ChatMessage> messages, HashSet<string> tools)
    {
        var task = messages.First(m => m.Role == ChatRole.User).Text;
        var results = messages.Where(m => m.Role == ChatRole.Tool).SelectMany(m => m.Contents.OfType<FunctionResultContent>()).Select(r => r.Result?.ToString() ?? "").ToList();
        var target = ObjectReference().Match(task);
        var ns = target.Success ? target.Groups["ns"].Value : NamespaceInTask().Match(task).Groups[1].Value;
        if (!tools.Contains("get_object"))
        {
            // A logs collector: find the pods first, then read the logs of the failing ones.
            if (results.Count == 0)
            {
                return Calls(("list_objects", new() { ["kind"] = "Pod", ["namespace"] = ns }));
            }

            if (results.Count == 1)
            {
                var owner = target.Success ? target.Groups["name"].Value : "";
                var pods = PodLine().Matches(results[0]).Where(p => p.Groups["pod"].Value.StartsWith(owner, StringComparison.Ordinal)).Take(2).ToList();
                if (pods.Count > 0)
                {
                    return Calls([.. pods.Select(p => ("get_logs", new Dictionary<string, object?>
                    {
                        ["namespace"] = ns,
                        ["pod"] = p.Groups["pod"].Value,
                        ["previous"] = p.Groups["restarts"].Value != "0",
                        ["tail"] = 100,
                    }))]);
                }
            }

            return Findings(results);
        }

        if (results.Count > 0)
        {
            return Findings(results);
        }

        if (!target.Success)
        {
            return Calls(("list_objects", new() { ["kind"] = "Pod", ["namespace"] = ns }), ("get_events", new() { ["kind"] = "", ["namespace"] = ns }));
        }

        var (kind, name) = (target.Groups["kind"].Value, target.Groups["name"].Value);
        var calls = new List<(string, Dictionary<string, object?>)>
        {
            ("get_object", new() { ["kind"] = kind, ["namespace"] = ns, ["name"] = name }),
            ("get_events", new() { ["kind"] = kind, ["namespace"] = ns, ["name"] = name }),
        };
        if (kind is "Deployment" or "StatefulSet" or "DaemonSet" or "Service" or "Job")
        {
            calls.Add(("get_events", new() { ["kind"] = "Pod", ["namespace"] = ns }));
        }

        return Calls([.. calls]);
    }

    private static ChatMessage Findings(List<string> results)
    {
        var lines = results
            .SelectMany(r => r.Split('\n'))
            .Where(l => !l.StartsWith('<') && !l.StartsWith("[Untrusted", StringComparison.Ordinal) && EvidenceWords.Any(w => l.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal)
            .Take(12)
            .Select(l => "- " + (l.Length > 200 ? l[..200] : l));
        var text = string.Join('\n', lines);
        return new ChatMessage(ChatRole.Assistant, (text.Length == 0 ? "Nothing unhealthy found." : text) + "\nconfidence: high");
    }

    private static string Report(List<Match> causes)
    {
        var rootCauses = new JsonArray();
        foreach (var cause in causes)
        {
            var parts = cause.Groups["ref"].Value.Split('/');
            rootCauses.Add(new JsonObject
            {
                ["category"] = cause.Groups["category"].Value,
                ["severity"] = cause.Groups["severity"].Value,
                ["resource"] = new JsonObject { ["kind"] = parts[0], ["namespace"] = parts.Length == 3 ? parts[1] : null, ["name"] = parts[^1] },
                ["title"] = cause.Groups["title"].Value,
                ["explanation"] = "Confirmed by the collectors' findings.",
                ["evidence"] = new JsonArray(),
                ["remediation"] = new JsonArray(),
            });
        }

        var summary = causes.Count == 0 ? "Nothing is broken." : string.Join("; ", causes.Select(c => c.Groups["title"].Value)) + ".";
        return new JsonObject { ["summary"] = summary, ["rootCauses"] = rootCauses }.ToJsonString();
    }

    private static FunctionCallContent Delegate(int index, string task, string source)
        => new($"d{index}", "delegate", new Dictionary<string, object?> { ["task"] = task, ["source"] = source });

    private static ChatMessage Calls(params (string Name, Dictionary<string, object?> Arguments)[] calls)
    {
        var contents = new List<AIContent>();
        var i = 0;
        foreach (var (name, arguments) in calls)
        {
            contents.Add(new FunctionCallContent($"c{i++}", name, arguments));
        }

        return new ChatMessage(ChatRole.Assistant, contents);
    }

    [GeneratedRegex(@"^- \[(?<severity>\w+)\] (?<category>\S+) (?<ref>\S+): (?<title>.*)$", RegexOptions.Multiline)]
    private static partial Regex RootCauseLine();

    [GeneratedRegex(@"(?<kind>[A-Z][A-Za-z]+)/(?<ns>[a-z0-9.-]+)/(?<name>[a-z0-9.-]+)")]
    private static partial Regex ObjectReference();

    [GeneratedRegex(@"namespace ([a-z0-9.-]+)")]
    private static partial Regex NamespaceInQuestion();

    [GeneratedRegex(@"[Nn]amespace ([a-z0-9.-]+)")]
    private static partial Regex NamespaceInTask();

    [GeneratedRegex(@"^[a-z0-9.-]+/(?<pod>[a-z0-9.-]+) [^\n]*restarts=(?<restarts>\d+)", RegexOptions.Multiline)]
    private static partial Regex PodLine();
}
