using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Reports;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Policy;
using KubeTriage.Remediation.Tests.Actions.Support;
using Fix = KubeTriage.Core.Diagnosis.Remediation;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class ActionSuggesterTests
{
    [Theory]
    [InlineData("oomkilled-java", Categories.OOMKilled, ActionTypes.RaiseMemoryLimit, "Deployment/reporting/report-api")]
    [InlineData("crashloop-app-error", Categories.AppCrash, ActionTypes.RolloutRestart, "Deployment/shop/orders")]
    [InlineData("liveness-probe-failure", Categories.LivenessProbeFailure, ActionTypes.RolloutRestart, null)]
    [InlineData("invalid-command-exit-127", Categories.InvalidCommand, ActionTypes.Rollback, "Deployment/catalog/catalog-api")]
    [InlineData("evicted-pods-memory-pressure", Categories.NodePressure, ActionTypes.DeleteFailedPods, null)]
    [InlineData("cronjob-suspended", Categories.CronJobNotScheduling, ActionTypes.ResumeCronJob, "CronJob/pricing/exchange-rates-sync")]
    [InlineData("cronjob-last-jobs-failing", Categories.JobFailed, ActionTypes.SuspendCronJob, "CronJob/billing/billing-db-backup")]
    public void SuggestActions_ScenarioCategory_SuggestsFittingAction(string scenario, string category, string type, string? target)
    {
        var (cluster, report) = Scenarios.Diagnose(scenario);

        var actions = new ActionSuggester().SuggestActions(Scenarios.Cause(report, category), cluster);

        var action = Assert.Single(actions, a => a.Type == type);
        if (target is not null)
        {
            Assert.Equal(target, action.Target.ToString());
        }
    }

    [Fact]
    public void SuggestActions_CrashLoopWhosePreviousRevisionIsGone_DoesNotRollBack()
    {
        var (cluster, report) = Scenarios.Diagnose("crashloop-app-error");

        var actions = new ActionSuggester().SuggestActions(Scenarios.Cause(report, Categories.AppCrash), cluster);

        Assert.DoesNotContain(actions, a => a.Type == ActionTypes.Rollback);
    }

    [Fact]
    public void SuggestActions_EvictedPods_TargetTheirNamespace()
    {
        var (cluster, report) = Scenarios.Diagnose("evicted-pods-memory-pressure");

        var action = Assert.Single(new ActionSuggester().SuggestActions(Scenarios.Cause(report, Categories.NodePressure), cluster));

        Assert.Equal("Namespace", action.Target.Kind);
        Assert.Contains(cluster.InNamespace("Pod", action.Target.Name), p => p.Raw.Str("status.reason") == "Evicted");
    }

    [Fact]
    public void Attach_OomKilled_AddsActionToTheMatchingKubectlFixAndKeepsJsonCompatible()
    {
        var (cluster, report) = Scenarios.Diagnose("oomkilled-java");

        var attached = new ActionSuggester().Attach(report, cluster);

        var cause = Scenarios.Cause(attached, Categories.OOMKilled);
        Assert.Equal(Scenarios.Cause(report, Categories.OOMKilled).Remediation.Count, cause.Remediation.Count);
        var fix = Assert.Single(cause.Remediation, r => r.Action is not null);
        Assert.Equal("kubectl set resources deployment/report-api -n reporting -c report-api --limits=memory=1Gi", fix.Command);
        Assert.Equal(Fix.Confirm, fix.Risk);

        var json = ReportJson.Serialize(attached);
        Assert.Contains("\"action\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"raise-memory-limit\"", json, StringComparison.Ordinal);
        var back = ReportJson.Deserialize(json)!;
        Assert.Equal(fix.Action!.ToString(), Scenarios.Cause(back, Categories.OOMKilled).Remediation.Single(r => r.Action is not null).Action!.ToString());
        Assert.DoesNotContain("\"action\"", ReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_WithPolicy_TakesRiskFromTheMutationRequest()
    {
        var (cluster, report) = Scenarios.Diagnose("evicted-pods-memory-pressure");
        var seen = new List<MutationRequest>();
        var suggester = new ActionSuggester(request =>
        {
            seen.Add(request);
            return request.MatchedObjects > 2 ? RiskTier.Forbidden : RiskTier.Safe;
        });

        var fix = Assert.Single(suggester.Suggest(Scenarios.Cause(report, Categories.NodePressure), cluster));

        var request = Assert.Single(seen);
        Assert.Equal(ActionTypes.DeleteFailedPods, request.Action);
        Assert.Equal("delete", request.Verb);
        Assert.Equal(3, request.MatchedObjects);
        Assert.Equal(Fix.Forbidden, fix.Risk);
    }

    [Fact]
    public void SuggestActions_PdbPinsSingleReplica_SuggestsScaleToTwo()
    {
        var pdb = new KubeObject(new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "policy/v1",
            ["kind"] = "PodDisruptionBudget",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "checkout", ["namespace"] = TestObjects.Namespace },
            ["spec"] = new System.Text.Json.Nodes.JsonObject
            {
                ["minAvailable"] = 1,
                ["selector"] = new System.Text.Json.Nodes.JsonObject { ["matchLabels"] = new System.Text.Json.Nodes.JsonObject { ["app"] = "checkout" } },
            },
        });
        var cluster = new ClusterState([pdb, new KubeObject(TestObjects.Deployment("checkout", "ghcr.io/example/checkout:1.0", replicas: 1))], []);
        var cause = new RootCause { Category = Categories.PDBBlocking, Severity = Severity.Warning, Resource = pdb.Ref, Title = "t", Explanation = "e" };

        var action = Assert.Single(new ActionSuggester().SuggestActions(cause, cluster));

        Assert.Equal(ActionTypes.Scale, action.Type);
        Assert.Equal("2", action.Parameter(ActionParameters.Replicas));
    }
}
