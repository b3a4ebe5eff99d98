using System.Text;
using System.Text.Json;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Renders objects compactly for a model: one status line per object, or key fields as path: value lines.</summary>
internal static class ObjectRenderer
{
    private const int MaxValueChars = 200;

    // Noise for diagnosis and large: managed fields, the last-applied copy of the whole object.
    private static readonly HashSet<string> SkippedPaths = new(StringComparer.Ordinal)
    {
        "metadata.managedFields",
        "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
    };

    /// <summary>Returns "name phase=.. ready=a/b replicas=.." for list output.</summary>
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

        return line.ToString();
    }

    /// <summary>Returns the object's fields as "path: value" lines; Secrets show data keys only, never values.</summary>
    public static string Describe(KubeObject obj)
    {
        var text = new StringBuilder().Append("kind: ").Append(obj.Kind).Append('\n');
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
            default:
                text.Append(path).Append(": ").Append(ToolOutput.Cap(value.ToString(), MaxValueChars)).Append('\n');
                break;
        }
    }
}
