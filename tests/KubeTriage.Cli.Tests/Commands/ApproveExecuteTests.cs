using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Remediation.Audit;
using KubeTriage.Sandbox;
using KubeTriage.Storage;

namespace KubeTriage.Cli.Tests.Commands;

/// <summary><c>kubetriage approvals approve --execute</c> against the sandbox, its controllers simulated.</summary>
public sealed class ApproveExecuteTests
{
    private const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    // Restarts in the app namespace need a person; nothing else is allowed.
    private const string Policy = """
        version: 1
        defaultTier: forbidden
        rules:
          - name: app-changes
            tier: confirm
            actions: [rollout-restart]
            namespaces: [reporting]
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApproveExecute_ConfirmTierRestart_RunsOnceAndVerifies()
    {
        await using var sandbox = await StartSandboxAsync();
        var (kubeconfig, policy) = await WriteFilesAsync(sandbox);
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);
        Assert.Null(await RestartedAtAsync(kubeconfig));

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig, "--policy", policy);

        Assert.True(code == ExitCodes.Healthy, console.Out + console.Error);
        Assert.Contains("executed: Restart the pods of Deployment reporting/report-api (rolling); verification succeeded: Deployment report-api successfully rolled out", console.Out, StringComparison.Ordinal);
        Assert.NotNull(await RestartedAtAsync(kubeconfig));
        var stored = await RemediationData.GetAsync(dir, approval.Id);
        Assert.Equal((ApprovalStatus.Executed, "user:alice"), (stored.Status, stored.DecidedBy));
        var after = await DeploymentAsync(kubeconfig);

        var (again, againConsole) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig, "--policy", policy);

        Assert.Equal(ExitCodes.InvalidInput, again);
        Assert.Equal($"error: approval {approval.Id} is already executed", againConsole.Error.Trim());
        Assert.Equal((string?)after["metadata"]!["resourceVersion"], (string?)(await DeploymentAsync(kubeconfig))["metadata"]!["resourceVersion"]);
        Assert.Equal(
            [AuditEvents.Proposed, AuditEvents.Approved, AuditEvents.Executed],
            (await RemediationData.AuditAsync(dir)).Where(r => r.ApprovalId == approval.Id).Select(r => r.Event));
    }

    [Fact]
    public async Task ApproveExecute_NoPolicy_ReadOnlyRefusesAndTheClusterIsUnchanged()
    {
        await using var sandbox = await StartSandboxAsync();
        var (kubeconfig, _) = await WriteFilesAsync(sandbox);
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);
        var before = await DeploymentAsync(kubeconfig);

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig);

        Assert.Equal(ExitCodes.ProblemsFound, code);
        Assert.Contains("failed: not executed: the policy now forbids it", console.Out, StringComparison.Ordinal);
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)(await DeploymentAsync(kubeconfig))["metadata"]!["resourceVersion"]);
        Assert.Null(await RestartedAtAsync(kubeconfig));
        var stored = await RemediationData.GetAsync(dir, approval.Id);
        Assert.Equal(ApprovalStatus.Failed, stored.Status);
        Assert.StartsWith("not executed: the policy now forbids it", stored.Result, StringComparison.Ordinal);
        Assert.Equal(AuditEvents.Failed, (await RemediationData.AuditAsync(dir))[^1].Event);
    }

    [Fact]
    public async Task ApproveExecute_MissingKubeconfig_FailsBeforeDecidingSoTheApprovalStaysPending()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);
        var missing = Path.Combine(dir, "no-such-kubeconfig");

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", missing);

        Assert.Equal(ExitCodes.ClusterUnreachable, code);
        Assert.Equal($"error: kubeconfig file {missing} does not exist", console.Error.Trim());
        Assert.Equal(ApprovalStatus.Pending, (await RemediationData.GetAsync(dir, approval.Id)).Status);
    }

    [Fact]
    public async Task ApproveExecute_UnknownContext_FailsBeforeDecidingSoTheApprovalStaysPending()
    {
        await using var sandbox = await StartSandboxAsync();
        var (kubeconfig, policy) = await WriteFilesAsync(sandbox);
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig, "--context", "no-such-context", "--policy", policy);

        Assert.Equal(ExitCodes.ClusterUnreachable, code);
        Assert.Contains("no-such-context", console.Error, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await RemediationData.GetAsync(dir, approval.Id)).Status);
    }

    [Fact]
    public async Task ApproveExecute_UnusablePolicyFile_UsageErrorBeforeDecidingSoTheApprovalStaysPending()
    {
        await using var sandbox = await StartSandboxAsync();
        var (kubeconfig, _) = await WriteFilesAsync(sandbox);
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);
        var missing = Path.Combine(dir, "no-such-policy.yaml");

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig, "--policy", missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"error: autonomy policy {missing} is unusable", console.Error, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await RemediationData.GetAsync(dir, approval.Id)).Status);
    }

    [Fact]
    public async Task ApproveExecute_ProposedForAClusterTheKubeconfigLacks_FailsBeforeDecidingAndTouchesNoOtherCluster()
    {
        await using var sandbox = await StartSandboxAsync();
        var (kubeconfig, policy) = await WriteFilesAsync(sandbox);
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir, cluster: "prod");
        var before = await DeploymentAsync(kubeconfig);

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig, "--policy", policy);

        Assert.Equal(ExitCodes.ClusterUnreachable, code);
        Assert.Contains("cluster \"prod\" is not configured", console.Error, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await RemediationData.GetAsync(dir, approval.Id)).Status);
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)(await DeploymentAsync(kubeconfig))["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task ApproveExecute_ProposedForANamedCluster_RunsThereWhateverTheDefaultContext()
    {
        await using var sandbox = await StartSandboxAsync();
        var (kubeconfig, policy) = await WriteFilesAsync(sandbox);
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir, cluster: "sandbox");
        await File.WriteAllTextAsync(kubeconfig, (await File.ReadAllTextAsync(kubeconfig, Ct)).Replace("current-context: sandbox", "current-context: \"\"", StringComparison.Ordinal), Ct);

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--execute", "--kubeconfig", kubeconfig, "--policy", policy);

        Assert.True(code == ExitCodes.Healthy, console.Out + console.Error);
        Assert.Equal(ApprovalStatus.Executed, (await RemediationData.GetAsync(dir, approval.Id)).Status);
    }

    private static async Task<SandboxServer> StartSandboxAsync()
    {
        var loaded = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "oomkilled-java"));
        return await SandboxServer.StartAsync(new SandboxOptions { Objects = [.. loaded.State.All.Select(o => o.ToJsonObject())], SimulateControllers = true }, Ct);
    }

    private static async Task<(string Kubeconfig, string Policy)> WriteFilesAsync(SandboxServer sandbox)
    {
        var work = Directory.CreateTempSubdirectory("kt-execute-").FullName;
        var kubeconfig = Path.Combine(work, "kubeconfig");
        sandbox.WriteKubeconfig(kubeconfig);
        var policy = Path.Combine(work, "policy.yaml");
        await File.WriteAllTextAsync(policy, Policy, Ct);
        return (kubeconfig, policy);
    }

    private static async Task<JsonObject> DeploymentAsync(string kubeconfig)
    {
        using var clusters = ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig));
        return await clusters.Default.GetAsync(ResourceTypes.Deployments, RemediationData.Namespace, RemediationData.Deployment, Ct);
    }

    private static async Task<string?> RestartedAtAsync(string kubeconfig)
        => (string?)(await DeploymentAsync(kubeconfig))["spec"]!["template"]!["metadata"]?["annotations"]?[RestartedAt];
}
