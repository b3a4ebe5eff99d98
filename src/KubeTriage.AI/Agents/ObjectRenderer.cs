using System.Text;
using System.Text.Json;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Renders objects compactly for a model: one status line per object, or a describe-like view of one.</summary>
internal static class ObjectRenderer
{
    private const int MaxValueChars = 200;

    // Noise for diagnosis and large: bookkeeping metadata, the last-applied copy of the whole object, and the
    // conditions, which the header already shows in one line each.
    private static readonly HashSet<string> SkippedPaths = new(StringComparer.Ordinal)
    {
        "metadata.managedFields",
        "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
        "metadata.annotations.deployment.kubernetes.io/revision",
        "metadata.resourceVersion",
        "metadata.uid",
        "metadata.generation",
        "metadata.selfLink",
        "metadata.name",
        "metadata.namespace",
        "metadata.labels",
        "metadata.ownerReferences",
        "status.conditions",
        "spec.template.metadata.creationTimestamp",
        "spec.terminationGracePeriodSeconds",
        "spec.dnsPolicy",
        "spec.schedulerName",
        "spec.securityContext",
        "spec.restartPolicy",
        "spec.enableServiceLinks",
        "spec.preemptionPolicy",
        "spec.priority",
        "spec.tolerations",
        "spec.revisionHistoryLimit",
        "spec.progressDeadlineSeconds",
    };

    /// <summary>Returns "name phase=.. ready=a/b replicas=.. Ready=.." for list output.</summary>
    public static string StatusLine(KubeObject obj)
    {
        var line = new StringBuilder(obj.Namespace is null ? obj.Name : $"{obj.Namespace}/{obj.Name}");
        if (obj.Raw.Str("status.phase") is { } phase)
        {
            line.Append(" phase=").Append(phase);
        }

        if (obj.Kind.Equals("Pod", StringComparison.OrdinalIgnoreCase))
        {
            var statuses = obj.Raw.Objects("status.containerStatuses").ToList();
            var ready = statuses.Count(s => s.Bool("ready") == true);
            var restarts = statuses.Sum(s => s.Long("restartCount") ?? 0);
            line.Append(" ready=").Append(ready).Append('/').Append(statuses.Count).Append(" restarts=").Append(restarts);
            foreach (var waiting in statuses.Select(s => s.Str("state.waiting.reason")).OfType<string>().Distinct())
            {
                line.Append(" waiting=").Append(waiting);
            }
        }
        else if (obj.Raw.Long("spec.replicas") is { } desired)
        {
            line.Append(" replicas=").Append(obj.Raw.Long("status.readyReplicas") ?? 0).Append('/').Append(desired).Append(" ready");
        }
        else if (Conditions.Ready(obj) is { } readyCondition)
        {
            line.Append(" Ready=").Append(readyCondition);
        }

        return line.ToString();
    }

    /// <summary>Returns a kubectl-describe-like view: identity, labels, owner, conditions, then the other fields as "path: value".</summary>
    /// <remarks>Secrets show data keys only, never values.</remarks>
    public static string Describe(KubeObject obj)
    {
        var text = new StringBuilder()
            .Append("kind: ").Append(obj.Kind).Append(' ').Append(obj.ApiVersion).Append('\n')
            .Append("name: ").Append(obj.Namespace is null ? obj.Name : $"{obj.Namespace}/{obj.Name}").Append('\n');
        if (obj.Labels.Count > 0)
        {
            text.Append("labels: ").AppendJoin(", ", obj.Labels.Select(l => $"{l.Key}={l.Value}")).Append('\n');
        }

        foreach (var owner in obj.OwnerReferences)
        {
            text.Append("owner: ").Append(owner.Kind).Append(' ').Append(owner.Name).Append('\n');
        }

        if (Conditions.Summary(obj) is { Length: > 0 } conditions)
        {
            text.Append("conditions: ").Append(conditions).Append('\n');
        }

        var isSecret = obj.Kind.Equals("Secret", StringComparison.OrdinalIgnoreCase);
        foreach (var property in obj.Raw.EnumerateObject().Where(p => p.Name is not ("kind" or "apiVersion")))
        {
            if (isSecret && property.Name is "data" or "stringData")
            {
                var keys = property.Value.ValueKind == JsonValueKind.Object ? property.Value.EnumerateObject().Select(p => p.Name) : [];
                text.Append(property.Name).Append(" keys: ").AppendJoin(", ", keys).Append('\n');
                continue;
            }

            Flatten(property.Name, property.Value, text);
        }

        return text.ToString();
    }

    private static void Flatten(string path, JsonElement value, StringBuilder text)
    {
        if (SkippedPaths.Contains(path) || text.Length > ToolOutput.MaxChars)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Flatten(path + "." + property.Name, property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Flatten($"{path}[{i++}]", item, text);
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                text.Append(path).Append(": ").Append(ToolOutput.Cap(value.ToString(), MaxValueChars)).Append('\n');
                break;
        }
    }
}
