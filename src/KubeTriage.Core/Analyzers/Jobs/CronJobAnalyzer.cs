using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Pods;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Jobs;

/// <summary>Finds CronJobs that do not run: suspended, unparseable schedule, or missed start times.</summary>
internal sealed class CronJobAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.CronJobs;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("CronJob"), cronJob => AnalyzeCronJob(context, cronJob));

    private void AnalyzeCronJob(AnalysisContext context, KubeObject cronJob)
    {
        var schedule = cronJob.Raw.Str("spec.schedule") ?? "";
        var lastSchedule = cronJob.Raw.Str("status.lastScheduleTime");
        var warnings = context.Cluster.EventsFor(cronJob).Where(e => e.IsWarning && context.IsRecent(e.LastSeen)).ToList();
        var status = Evidence.Status($"CronJob {cronJob.Name}: schedule \"{schedule}\", suspend {cronJob.Raw.Bool("spec.suspend") == true}, lastScheduleTime {lastSchedule ?? "<never>"}");
        if (CronSchedule.Validate(schedule) is { } invalid)
        {
            Add(context, cronJob, Severity.Critical, $"CronJob {cronJob.Name} has an invalid schedule",
                $"The CronJob controller cannot parse schedule \"{schedule}\" ({invalid}), so no Job is ever created.",
                [status, .. PodEvidence.Events(warnings)],
                new Remediation("Fix the schedule (five fields: minute hour day-of-month month day-of-week)", $"kubectl patch cronjob {cronJob.Name} -n {cronJob.Namespace} -p '{{\"spec\":{{\"schedule\":\"<m h dom mon dow>\"}}}}'", Remediation.Confirm));
            return;
        }

        var missed = warnings.Where(e => e.Reason is "TooManyMissedTimes" or "MissSchedule" or "FailedNeedsStart"
            || e.Message.Contains("missed start time", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Missed scheduled time", StringComparison.Ordinal)).ToList();
        if (missed.Count > 0 && cronJob.Raw.Bool("spec.suspend") != true)
        {
            Add(context, cronJob, Severity.Warning, $"CronJob {cronJob.Name} misses its scheduled runs",
                $"The controller skipped runs of CronJob {cronJob.Name}: {missed[^1].Message} "
                + $"startingDeadlineSeconds is {cronJob.Raw.Long("spec.startingDeadlineSeconds")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}; a deadline shorter than the controller's delay (or clock skew) makes every run late.",
                [status, .. PodEvidence.Events(missed)],
                new Remediation("Raise or remove startingDeadlineSeconds", $"kubectl patch cronjob {cronJob.Name} -n {cronJob.Namespace} --type json -p '[{{\"op\":\"remove\",\"path\":\"/spec/startingDeadlineSeconds\"}}]'", Remediation.Confirm));
            return;
        }

        if (cronJob.Raw.Bool("spec.suspend") == true)
        {
            // Suspending is often deliberate (maintenance, a retired job): worth showing, not an alarm.
            Add(context, cronJob, Severity.Info, $"CronJob {cronJob.Name} is suspended",
                $"CronJob {cronJob.Name} is suspended (spec.suspend: true) and creates no Jobs; it last ran at {lastSchedule ?? "an unknown time"}.",
                [status],
                new Remediation("Resume the CronJob if it should run", $"kubectl patch cronjob {cronJob.Name} -n {cronJob.Namespace} -p '{{\"spec\":{{\"suspend\":false}}}}'", Remediation.Confirm));
        }
    }

    private void Add(AnalysisContext context, KubeObject cronJob, string severity, string title, string explanation, IReadOnlyList<Evidence> evidence, Remediation fix)
        => context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.CronJobNotScheduling,
            Severity = severity,
            Subject = cronJob.Ref,
            Title = title,
            Explanation = explanation,
            Evidence = evidence,
            Remediation = [fix],
        });
}
