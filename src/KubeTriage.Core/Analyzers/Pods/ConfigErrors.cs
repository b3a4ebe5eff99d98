using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Explains CreateContainerConfigError and mount failures that name a missing ConfigMap or Secret.</summary>
internal static class ConfigErrors
{
    public static ContainerFailure Classify(AnalysisContext context, PodView pod, ContainerStatusView container)
    {
        var message = container.WaitingMessage;
        var missing = MissingReference.Parse(message, pod.Object.Namespace ?? "")
            ?? PodEvidence.RecentWarnings(context, pod.Object, container.Name).Select(e => MissingReference.Parse(e.Message, pod.Object.Namespace ?? "")).LastOrDefault(m => m is not null);
        if (missing is not null)
        {
            return ForMissing(context, pod, missing, container.Name, PodEvidence.Events(PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        }

        var failure = new ContainerFailure(Categories.InvalidCommand, $"Container {container.Name} cannot be created: {message}",
            $"The kubelet refuses to create container {container.Name} because its configuration is invalid: {message}.");
        if (message?.Contains("runAsNonRoot", StringComparison.Ordinal) == true)
        {
            failure = failure with { Category = Categories.PodSecurityViolation };
        }

        failure.Evidence.AddRange(PodEvidence.Events(PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        failure.Remediation.Add(Fixes.Describe(pod.Object.Ref));
        return failure;
    }

    public static ContainerFailure ForMissing(AnalysisContext context, PodView pod, MissingReference missing, string? container, IEnumerable<Evidence> events)
    {
        var category = missing.Kind == "Secret" ? Categories.MissingSecret : Categories.MissingConfigMap;
        var ns = missing.Namespace ?? pod.Object.Namespace;
        var existing = context.Cluster.Find(missing.Kind, ns, missing.Name);
        var who = container is null ? $"Pod {pod.Object.Name}" : $"Container {container}";
        string title, explanation;
        if (missing.Key is null)
        {
            title = $"{missing.Kind} {missing.Name} does not exist";
            explanation = $"{who} references {missing.Kind} \"{missing.Name}\" in namespace {ns}, which does not exist, so the kubelet cannot start it."
                + (existing is not null ? $" The {missing.Kind} exists now (created after the failure); the kubelet retries and should start the pod shortly." : "");
        }
        else
        {
            var keys = existing is null ? [] : DataKeys(existing);
            title = $"Key {missing.Key} is missing from {missing.Kind} {missing.Name}";
            explanation = $"{who} reads key \"{missing.Key}\" from {missing.Kind} {ns}/{missing.Name}, but the {missing.Kind} has no such key"
                + (keys.Count > 0 ? $"; it has: {string.Join(", ", keys)}." : ".");
        }

        var failure = new ContainerFailure(category, title, explanation) { Cause = new ObjectRef(missing.Kind, ns, missing.Name) };
        failure.Evidence.AddRange(events);
        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        if (existing is null)
        {
            var keys = ReferencedKeys.Of(pod.Object, missing.Kind, missing.Name);
            var literals = string.Join(' ', (keys.Count > 0 ? keys : ["KEY"]).Select(k => $"--from-literal={k}=<value>"));
            var what = keys.Count > 0 ? $"with the keys the pod reads ({string.Join(", ", keys)})" : "with the keys the workload expects";
            failure.Remediation.Add(missing.Kind == "Secret"
                ? new Remediation($"Create Secret {missing.Name} {what}", $"kubectl create secret generic {missing.Name} -n {ns} {literals}", Remediation.Confirm)
                : new Remediation($"Create ConfigMap {missing.Name} {what}", $"kubectl create configmap {missing.Name} -n {ns} {literals}", Remediation.Confirm));
        }
        if (missing.Key is not null && existing is not null)
        {
            failure.Remediation.Add(new Remediation($"Or add the key to the existing {missing.Kind}",
                $"kubectl patch {missing.Kind.ToLowerInvariant()} {missing.Name} -n {ns} --type merge -p '{{\"{(missing.Kind == "Secret" ? "stringData" : "data")}\":{{\"{missing.Key}\":\"<value>\"}}}}'", Remediation.Confirm));
        }

        if (Fixes.CanRollout(workload))
        {
            failure.Remediation.Add(Fixes.RolloutRestart(workload));
        }

        return failure;
    }

    private static List<string> DataKeys(KubeObject obj)
        => [.. obj.Raw.Map("data").Keys.Concat(obj.Raw.Map("binaryData").Keys).Concat(obj.Raw.Map("stringData").Keys).Distinct().Order(StringComparer.Ordinal)];
}
