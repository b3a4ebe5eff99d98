using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analyzers.Workloads;

/// <summary>Checks Deployments, StatefulSets, DaemonSets and ReplicaSets: stuck rollouts and pods the controller cannot create.</summary>
internal sealed class WorkloadAnalyzer : IAnalyzer
{
    private static readonly TimeSpan UnavailableGrace = TimeSpan.FromMinutes(10);

    public string Name => AnalyzerNames.Workloads;

    public void Analyze(AnalysisContext context)
    {
        foreach (var kind in new[] { "ReplicaSet", "StatefulSet", "DaemonSet", "Job" })
        {
            context.ForEach(Name, context.InScope(kind), obj => FailedCreate(context, obj));
        }

        foreach (var kind in new[] { "Deployment", "StatefulSet", "DaemonSet" })
        {
            context.ForEach(Name, context.InScope(kind), obj => Availability(context, obj));
        }
    }

    private void FailedCreate(AnalysisContext context, KubeObject controller)
    {
        var failures = context.Cluster.EventsFor(controller)
            .Where(e => e.IsWarning && e.Reason == "FailedCreate" && context.IsRecent(e.LastSeen)).ToList();
        if (failures.Count == 0 || !IsShort(controller))
        {
            return;
        }

        var last = failures[^1];
        var classified = AdmissionRejection.Classify(last.Message);
        var (category, why) = classified ?? (Categories.RolloutStuck, "the controller cannot create pods");
        var workload = OwnerResolver.TopControllerRef(context.Cluster, controller);
        var evidence = new List<Evidence> { Evidence.Event($"{controller.Kind} {controller.Name}: {last.Describe()}") };
        evidence.AddRange(QuotaEvidence(context, controller, category));
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = category,
            Severity = Severity.Critical,
            Subject = controller.Ref,
            Cause = category == Categories.AdmissionWebhookFailure ? WebhookConfigurationNamed(context, last.Message) : null,
            Title = $"{workload.Kind} {workload.Name} cannot create pods: " + category switch
            {
                Categories.QuotaExceeded => last.Message.Contains("exceeded quota", StringComparison.Ordinal) ? "ResourceQuota exceeded" : "LimitRange violated",
                Categories.PodSecurityViolation => last.Message.Contains("violates PodSecurity", StringComparison.Ordinal) ? "Pod Security admission rejects them" : "a policy webhook denies them",
                Categories.AdmissionWebhookFailure => "an admission webhook fails",
                _ => "creation fails",
            },
            Explanation = $"The {controller.Kind} controller fails to create pods because {why}: {last.Message}",
            Evidence = evidence,
            Remediation = Remedies(category, workload, controller),
        });
    }

    private void Availability(AnalysisContext context, KubeObject workload)
    {
        var conditions = workload.Raw.Objects("status.conditions").ToList();
        var progressing = conditions.FirstOrDefault(c => c.Str("type") == "Progressing");
        var available = conditions.FirstOrDefault(c => c.Str("type") == "Available");
        var deadline = progressing.Str("status") == "False" && progressing.Str("reason") == "ProgressDeadlineExceeded";
        var longUnavailable = available.Str("status") == "False" && available.Time("lastTransitionTime") is { } since && context.Now - since > UnavailableGrace;
        if (!deadline && !longUnavailable)
        {
            return;
        }

        var evidence = new List<Evidence>();
        if (deadline)
        {
            evidence.Add(Evidence.Status($"Progressing=False reason ProgressDeadlineExceeded: {progressing!.Str("message")}"));
        }

        if (available.Str("status") == "False")
        {
            evidence.Add(Evidence.Status($"Available=False reason {available.Str("reason")}: {available.Str("message")}"));
        }

        var ready = workload.Raw.Long("status.readyReplicas") ?? workload.Raw.Long("status.numberReady") ?? 0;
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.RolloutStuck,
            Severity = ready > 0 ? Severity.Warning : Severity.Critical,
            Subject = workload.Ref,
            Title = deadline ? $"Rollout of {workload.Kind} {workload.Name} exceeded its progress deadline" : $"{workload.Kind} {workload.Name} is unavailable",
            Explanation = deadline
                ? $"The new pods of {workload.Kind} {workload.Name} did not become available within progressDeadlineSeconds, so the rollout stopped: {progressing!.Str("message")}"
                : $"{workload.Kind} {workload.Name} has been unavailable since {available!.Str("lastTransitionTime")}.",
            Evidence = evidence,
            Remediation = [Fixes.Describe(workload.Ref), .. workload.Kind == "Deployment" ? new[] { Fixes.RolloutUndo(workload.Ref) } : []],
        });
    }

    // A controller that has all its replicas is not blocked, whatever an old event says.
    private static bool IsShort(KubeObject controller)
    {
        var desired = controller.Raw.Long("spec.replicas") ?? controller.Raw.Long("status.desiredNumberScheduled") ?? controller.Raw.Long("spec.parallelism") ?? 1;
        var current = controller.Raw.Long("status.replicas") ?? controller.Raw.Long("status.currentNumberScheduled") ?? controller.Raw.Long("status.active") ?? 0;
        return controller.Kind == "Job" ? controller.Raw.Long("status.succeeded") is null or 0 && current < desired : current < desired;
    }

    private static IEnumerable<Evidence> QuotaEvidence(AnalysisContext context, KubeObject controller, string category)
    {
        if (category != Categories.QuotaExceeded)
        {
            return [];
        }

        return context.Cluster.InNamespace("ResourceQuota", controller.Namespace).Select(q =>
            Evidence.Status($"ResourceQuota {q.Name}: used " + string.Join(", ", q.Raw.Map("status.used").Select(kv => $"{kv.Key}={kv.Value}"))
                + " of hard " + string.Join(", ", q.Raw.Map("status.hard").Select(kv => $"{kv.Key}={kv.Value}"))));
    }

    private static IReadOnlyList<Remediation> Remedies(string category, ObjectRef workload, KubeObject controller) => category switch
    {
        Categories.QuotaExceeded =>
        [
            new Remediation("Compare the quota's used and hard values", $"kubectl describe resourcequota -n {controller.Namespace}", Remediation.Safe),
            new Remediation("Lower the pod template's requests/limits or raise the quota", $"kubectl edit resourcequota -n {controller.Namespace}", Remediation.Confirm),
        ],
        Categories.PodSecurityViolation =>
        [
            new Remediation("See the namespace's Pod Security labels", $"kubectl get namespace {controller.Namespace} --show-labels", Remediation.Safe),
            new Remediation("Make the pod template compliant (runAsNonRoot, drop ALL capabilities, seccompProfile RuntimeDefault, no privilege escalation)", $"kubectl edit {workload.ToKubectlTarget()}{workload.NamespaceFlag}", Remediation.Confirm),
        ],
        _ => [Fixes.Describe(controller.Ref)],
    };

    // "failed calling webhook \"validate.policy.example.com\": ..." names the webhook; its configuration is where the fix belongs.
    private static ObjectRef? WebhookConfigurationNamed(AnalysisContext context, string message)
    {
        const string marker = "failed calling webhook \"";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        var end = message.IndexOf('"', start);
        var name = end < 0 ? "" : message[start..end];
        return context.Cluster.OfKind("ValidatingWebhookConfiguration").Concat(context.Cluster.OfKind("MutatingWebhookConfiguration"))
            .FirstOrDefault(c => c.Raw.Objects("webhooks").Any(w => w.Str("name") == name))?.Ref;
    }
}
