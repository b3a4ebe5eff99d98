using KubeTriage.Core.Model;

namespace KubeTriage.Server.Investigations;

/// <summary>What an alert is about, read from the labels Prometheus rules and kube-state-metrics use.</summary>
public sealed record AlertTarget(string? Namespace, ObjectRef? Object, string? AlertName, string? Severity)
{
    private static readonly (string Label, string Kind)[] ObjectLabels =
    [
        ("pod", "Pod"), ("deployment", "Deployment"), ("statefulset", "StatefulSet"), ("daemonset", "DaemonSet"),
        ("job_name", "Job"), ("cronjob", "CronJob"), ("service", "Service"), ("persistentvolumeclaim", "PersistentVolumeClaim"),
        ("horizontalpodautoscaler", "HorizontalPodAutoscaler"), ("ingress", "Ingress"), ("node", "Node"),
    ];

    public static AlertTarget From(IReadOnlyDictionary<string, string> labels)
    {
        var ns = labels.GetValueOrDefault("namespace") ?? labels.GetValueOrDefault("exported_namespace");
        ObjectRef? target = null;
        foreach (var (label, kind) in ObjectLabels)
        {
            if (labels.TryGetValue(label, out var name) && name.Length > 0)
            {
                target = new ObjectRef(kind, kind == "Node" ? null : ns, name);
                break;
            }
        }

        return new AlertTarget(ns, target, labels.GetValueOrDefault("alertname"), labels.GetValueOrDefault("severity"));
    }
}
