using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;

namespace KubeTriage.Core.Tests.Engine;

public sealed class DiagnosisEngineTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static KubeObject Obj(string json) => new(JsonNode.Parse(json)!.AsObject());

    private static KubeObject Pod(string name, string containerStatus, string limits = """{"memory":"512Mi"}""")
        => Obj($$$"""
            {"kind":"Pod","apiVersion":"v1","metadata":{"name":"{{{name}}}","namespace":"shop","uid":"{{{name}}}-uid","creationTimestamp":"2026-11-21T08:00:00Z"},
             "spec":{"nodeName":"node-1","containers":[{"name":"app","image":"ghcr.io/acme/api:1.0","resources":{"limits":{{{limits}}}}}]},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[{{{containerStatus}}}]}}
            """);

    private static DiagnosisReport Diagnose(params KubeObject[] objects)
        => new DiagnosisEngine().Diagnose(new ClusterState(objects, []), new DiagnosisOptions { Now = Now });

    [Fact]
    public void Diagnose_OomKilledWithPodMetrics_NamesLimitUsageAndNewLimit()
    {
        var pod = Pod("api-1", """{"name":"app","ready":false,"restartCount":5,"state":{"waiting":{"reason":"CrashLoopBackOff"}},"lastState":{"terminated":{"reason":"OOMKilled","exitCode":137,"finishedAt":"2026-11-21T09:58:00Z"}}}""");
        var metrics = Obj("""{"kind":"PodMetrics","apiVersion":"metrics.k8s.io/v1beta1","metadata":{"name":"api-1","namespace":"shop"},"containers":[{"name":"app","usage":{"memory":"800Mi"}}]}""");

        var cause = Assert.Single(Diagnose(pod, metrics).RootCauses);

        Assert.Equal(Categories.OOMKilled, cause.Category);
        Assert.Contains("512Mi", cause.Explanation);
        Assert.Contains("uses 800Mi", cause.Explanation);
        Assert.Contains("1280Mi", cause.Explanation);
        Assert.Contains(cause.Remediation, r => r.Command == "kubectl set resources pod/api-1 -n shop -c app --limits=memory=1280Mi");
        Assert.Contains(cause.Evidence, e => e.Source == "metric");
    }

    [Fact]
    public void Diagnose_ContainerRunningLongAfterItsLastCrash_IsRecovered()
    {
        var node = Pod("api-2", """{"name":"app","ready":true,"restartCount":4,"state":{"running":{"startedAt":"2026-11-21T08:30:00Z"}},"lastState":{"terminated":{"reason":"Error","exitCode":1,"finishedAt":"2026-11-21T08:29:50Z"}}}""").ToJsonObject();
        node["status"]!["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" });
        var pod = new KubeObject(node);

        var report = Diagnose(pod);

        Assert.Empty(report.RootCauses);
        Assert.False(report.HasProblems);
    }

    [Fact]
    public void Diagnose_PodWaitingForPendingClaimOfReleasedVolume_OneCauseOnTheVolume()
    {
        var pod = Obj("""
            {"kind":"Pod","apiVersion":"v1","metadata":{"name":"reports-0","namespace":"shop","uid":"p1","creationTimestamp":"2026-11-21T09:00:00Z"},
             "spec":{"containers":[{"name":"app"}],"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"archive"}}]},
             "status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"Unschedulable",
               "message":"0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."}]}}
            """);
        var claim = Obj("""{"kind":"PersistentVolumeClaim","apiVersion":"v1","metadata":{"name":"archive","namespace":"shop","creationTimestamp":"2026-11-21T09:00:00Z"},"spec":{"volumeName":"archive-nfs","storageClassName":"nfs"},"status":{"phase":"Pending"}}""");
        var volume = Obj("""{"kind":"PersistentVolume","apiVersion":"v1","metadata":{"name":"archive-nfs"},"spec":{"persistentVolumeReclaimPolicy":"Retain","claimRef":{"namespace":"shop","name":"archive","uid":"old"}},"status":{"phase":"Released"}}""");

        var cause = Assert.Single(Diagnose(pod, claim, volume).RootCauses);

        Assert.Equal(Categories.VolumeBindingFailure, cause.Category);
        Assert.Equal(new ObjectRef("PersistentVolume", null, "archive-nfs"), cause.Resource);
        Assert.Contains(new ObjectRef("PersistentVolumeClaim", "shop", "archive"), cause.Affected);
        Assert.Contains(new ObjectRef("Pod", "shop", "reports-0"), cause.Affected);
    }

    [Fact]
    public void Diagnose_AnalyzerThrows_ReportStillComesOutWithWarning()
    {
        var engine = new DiagnosisEngine([new ThrowingAnalyzer(), .. Analysis.DefaultAnalyzers.Create()], TimeProvider.System);

        var report = engine.Diagnose(new ClusterState([], []), new DiagnosisOptions { Now = Now });

        Assert.Contains(report.Warnings, w => w.Contains("analyzer broken failed", StringComparison.Ordinal));
    }

    private sealed class ThrowingAnalyzer : Analysis.IAnalyzer
    {
        public string Name => "broken";

        public void Analyze(Analysis.AnalysisContext context) => throw new InvalidOperationException("boom");
    }
}
