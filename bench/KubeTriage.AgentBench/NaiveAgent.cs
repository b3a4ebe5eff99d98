using System.Text;
using System.Text.Json;
using KubeTriage.AI.Agents;
using YamlDotNet.Serialization;

namespace KubeTriage.AgentBench;

/// <summary>The baseline: one agent that puts raw <c>kubectl get -o yaml</c>, <c>describe</c> and full logs of the namespace into its context.</summary>
/// <remarks>Counted as one model call; a real naive agent re-sends this context on every turn, so the baseline is generous.</remarks>
internal static class NaiveAgent
{
    private const string System = "You are a Kubernetes troubleshooting assistant. Here is everything about the namespace; find the root cause and answer with the JSON report.";

    private static readonly string[] Described = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Service", "Ingress", "PersistentVolumeClaim", "Node"];

    public static long InputTokens(ScenarioCase scenario) => TokenEstimate.Of(Context(scenario));

    public static string Context(ScenarioCase scenario)
    {
        var yaml = new SerializerBuilder().Build();
        var scope = scenario.Namespaces.ToHashSet(StringComparer.Ordinal);
        var objects = scenario.State.All
            .Where(o => o.Kind != "Event" && (o.Namespace is null ? o.Kind is "Node" or "PersistentVolume" or "Namespace" : scope.Contains(o.Namespace)))
            .OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder(System).Append('\n').Append(scenario.Question).Append("\n\n# kubectl get -o yaml\n");
        foreach (var obj in objects)
        {
            text.Append("---\n").Append(yaml.Serialize(Plain(obj.Raw)));
        }

        text.Append("\n# kubectl describe\n");
        foreach (var obj in objects.Where(o => Described.Contains(o.Kind)))
        {
            text.Append(ObjectRenderer.Describe(obj)).Append("Events:\n");
            foreach (var e in scenario.State.EventsFor(obj))
            {
                text.Append("  ").Append(e.Type).Append(' ').Append(e.Reason).Append(' ').Append(e.Count).Append("x ").Append(e.Message).Append('\n');
            }
        }

        text.Append("\n# kubectl logs (every container, current and previous)\n");
        foreach (var log in scenario.State.Logs.Where(l => scope.Contains(l.Namespace)))
        {
            text.Append("== ").Append(log.Namespace).Append('/').Append(log.Pod).Append('/').Append(log.Container).Append(log.Previous ? " --previous" : "").Append('\n')
                .Append(log.Text).Append('\n');
        }

        return text.ToString();
    }

    // YamlDotNet serializes plain object graphs; kubectl's YAML has the same fields.
    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
