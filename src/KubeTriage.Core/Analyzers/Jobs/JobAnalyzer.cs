using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Pods;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Jobs;

/// <summary>Reports Jobs that failed (backoff limit, deadline); a CronJob's older failures are recovered once a newer Job succeeds.</summary>
internal sealed class JobAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Jobs;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Job"), job => AnalyzeJob(context, job));

    private void AnalyzeJob(AnalysisContext context, KubeObject job)
    {
        var failed = job.Raw.Objects("status.conditions").FirstOrDefault(c => c.Str("type") == "Failed" && c.Str("status") == "True");
        if (!failed.Exists() || SupersededBySibling(context, job))
        {
            return;
        }

        var reason = failed.Str("reason") ?? "Failed";
        var pods = OwnerResolver.PodsOf(context.Cluster, job).Select(p => new PodView(p)).Where(p => p.Phase == "Failed").ToList();
        var evidence = new List<Evidence> { Evidence.Status($"Job {job.Name}: Failed=True reason {reason}: {failed.Str("message")}") };
        string? lastExit = null;
        foreach (var pod in pods.OrderByDescending(p => p.Object.CreationTimestamp).Take(2))
        {
            foreach (var container in pod.Containers.Where(c => c.Terminated is { ExitCode: not 0 }))
            {
                lastExit ??= $"exit code {container.Terminated!.ExitCode}{(container.Terminated.Reason is { } r ? $" ({r})" : "")}";
                evidence.Add(Evidence.Status($"Pod {pod.Object.Name} container {container.Name}: {container.Terminated!.Describe()}"));
                evidence.AddRange(PodEvidence.Logs(context, pod.Object, container.Name, out _));
            }
        }

        evidence.AddRange(PodEvidence.Events(context.Cluster.EventsFor(job).Where(e => e.IsWarning)));
        var owner = OwnerResolver.TopControllerRef(context.Cluster, job);
        var why = reason switch
        {
            "BackoffLimitExceeded" => $"its pods failed {job.Raw.Long("status.failed") ?? pods.Count} time(s), reaching backoffLimit {job.Raw.Long("spec.backoffLimit") ?? 6}",
            "DeadlineExceeded" => $"it ran longer than activeDeadlineSeconds ({job.Raw.Long("spec.activeDeadlineSeconds")} s)",
            _ => failed.Str("message") ?? reason,
        };
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.JobFailed,
            Severity = Severity.Warning,
            Subject = job.Ref,
            Title = $"Job {job.Name} failed ({reason})",
            Explanation = $"Job {job.Name} failed because {why}." + (lastExit is null ? "" : $" Its last pod ended with {lastExit}.")
                + (owner.Kind == "CronJob" ? $" It was started by CronJob {owner.Name}; the next scheduled run will fail the same way until the cause is fixed." : ""),
            Evidence = evidence,
            Remediation =
            [
                new Remediation("Read the failed pod's log", pods.Count > 0 ? $"kubectl logs {pods[0].Object.Name} -n {job.Namespace}" : $"kubectl logs job/{job.Name} -n {job.Namespace}", Remediation.Safe),
                new Remediation("Delete the failed Job once fixed (a CronJob starts a new one on schedule)", $"kubectl delete job {job.Name} -n {job.Namespace}", Remediation.Confirm),
            ],
        });
    }

    // For a CronJob, only the newest Job tells the current state: a later success means it recovered.
    private static bool SupersededBySibling(AnalysisContext context, KubeObject job)
    {
        var controller = job.Controller;
        if (controller is null || controller.Kind != "CronJob" || context.Cluster.OwnerOf(job, controller) is not { } cronJob)
        {
            return false;
        }

        var newest = context.Cluster.ChildrenOf(cronJob).Where(c => c.Kind == "Job").MaxBy(j => j.CreationTimestamp);
        return newest is not null && newest != job;
    }
}
