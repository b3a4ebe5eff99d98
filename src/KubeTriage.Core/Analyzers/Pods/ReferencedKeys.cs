namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Finds the keys a pod reads from one ConfigMap or Secret (env valueFrom and volume items), so a fix can name them.</summary>
internal static class ReferencedKeys
{
    public static IReadOnlyList<string> Of(KubeObject pod, string kind, string name)
    {
        var refField = kind == "Secret" ? "secretKeyRef" : "configMapKeyRef";
        var volumeField = kind == "Secret" ? "secret" : "configMap";
        var volumeName = kind == "Secret" ? "secretName" : "name";
        var fromEnv = pod.Raw.Objects("spec.containers").Concat(pod.Raw.Objects("spec.initContainers"))
            .SelectMany(c => c.Objects("env"))
            .Select(e => e.At($"valueFrom.{refField}"))
            .Where(r => r.Str("name") == name)
            .Select(r => r.Str("key"));
        var fromVolumes = pod.Raw.Objects("spec.volumes")
            .Where(v => v.Str($"{volumeField}.{volumeName}") == name)
            .SelectMany(v => v.Objects($"{volumeField}.items"))
            .Select(i => i.Str("key"));
        return [.. fromEnv.Concat(fromVolumes).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
