using KubeTriage.Server.Chat;

namespace KubeTriage.Server.Tests.Chat;

public sealed class CommandOutputReaderTests
{
    // The shape of `kubectl get pods` with a restart cell that contains blanks.
    private const string Pods = """
        NAME                                        READY   STATUS                       RESTARTS        AGE
        aws-6d9f676d48-jw2gb                        1/1     Running                      0               6d18h
        dummy-250527154358-865cfbb7db-9h6tm         1/2     CrashLoopBackOff             873 (61s ago)   3d3h
        k8s-demo-7fc788997c-pwdv6                   0/1     CreateContainerConfigError   0               3d10h
        batch-29183746-x7k2p                        0/1     Completed                    0               2m
        """;

    [Fact]
    public void Read_PodTable_ReportsOnlyUnhealthyPodsAndSuggestsLogsAndDescribe()
    {
        var findings = new OutputFindings();

        CommandOutputReader.Read("kubectl get pods -n shop", Pods, "shop", findings);

        Assert.Equal(2, findings.Observations.Count);
        Assert.Contains("dummy-250527154358-865cfbb7db-9h6tm in shop is CrashLoopBackOff (1/2 ready, 873 restarts)", findings.Observations[0], StringComparison.Ordinal);
        Assert.Contains("CreateContainerConfigError", findings.Observations[1], StringComparison.Ordinal);
        Assert.Equal(
            [
                "kubectl logs -n shop dummy-250527154358-865cfbb7db-9h6tm --previous --all-containers",
                "kubectl describe pod -n shop dummy-250527154358-865cfbb7db-9h6tm",
                "kubectl describe pod -n shop k8s-demo-7fc788997c-pwdv6",
            ],
            findings.FollowUps);
    }

    [Fact]
    public void Read_AllNamespacesTable_TakesTheNamespaceFromItsColumn()
    {
        const string table = """
            NAMESPACE     NAME                       READY   STATUS             RESTARTS   AGE
            kube-system   coredns-76f75df574-abcde   1/1     Running            0          4d
            payments      api-5d8f7c9b6-q2w3e        0/1     ImagePullBackOff   0          12m
            """;
        var findings = new OutputFindings();

        CommandOutputReader.Read("kubectl get pods -A", table, null, findings);

        Assert.Equal(["kubectl describe pod -n payments api-5d8f7c9b6-q2w3e"], findings.FollowUps);
    }

    [Fact]
    public void Read_EventsTable_GroupsWarningsByReasonAndObject()
    {
        const string events = """
            LAST SEEN   TYPE      REASON      OBJECT                          MESSAGE
            2m          Warning   BackOff     pod/checkout-7d4b9c6f5-x2x9z    Back-off restarting failed container checkout in pod checkout-7d4b9c6f5-x2x9z_shop(1f0c)
            1m          Warning   BackOff     pod/checkout-7d4b9c6f5-x2x9z    Back-off restarting failed container checkout in pod checkout-7d4b9c6f5-x2x9z_shop(1f0c)
            5m          Normal    Scheduled   pod/checkout-7d4b9c6f5-x2x9z    Successfully assigned shop/checkout-7d4b9c6f5-x2x9z to node-1
            """;
        var findings = new OutputFindings();

        CommandOutputReader.Read("kubectl get events -n shop", events, "shop", findings);

        Assert.Equal("Warning BackOff on pod/checkout-7d4b9c6f5-x2x9z (2 times): Back-off restarting failed container checkout in pod checkout-7d4b9c6f5-x2x9z_shop(1f0c)", Assert.Single(findings.Observations));
        Assert.Equal(["kubectl describe pod/checkout-7d4b9c6f5-x2x9z -n shop"], findings.FollowUps);
    }

    [Fact]
    public void Read_Logs_KeepsErrorLinesOnceWithCounts()
    {
        const string logs = "starting\nERROR connection refused to db:5432\nERROR connection refused to db:5432\nready\n";
        var findings = new OutputFindings();

        CommandOutputReader.Read("kubectl logs -n shop checkout-1", logs, "shop", findings);

        Assert.Equal("kubectl logs -n shop checkout-1: ERROR connection refused to db:5432 (x2)", Assert.Single(findings.Observations));
    }

    [Fact]
    public void Read_HealthyPods_FindsNothing()
    {
        var findings = new OutputFindings();

        CommandOutputReader.Read("kubectl get pods", "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          1d\n", null, findings);

        Assert.Empty(findings.Observations);
        Assert.Empty(findings.FollowUps);
    }
}
