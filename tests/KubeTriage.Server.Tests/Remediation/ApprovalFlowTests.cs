using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Audit;
using KubeTriage.Storage;
using Microsoft.Extensions.Options;

namespace KubeTriage.Server.Tests.Remediation;

/// <summary>The approval flow end to end: the report suggests, the API dry-runs and holds, a person decides, the server executes, verifies and audits.</summary>
public sealed class ApprovalFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovedMemoryRaise_IsDryRunHeldApprovedExecutedVerifiedAndAudited()
    {
        await using var server = await RemediationServer.StartAsync();
        var suggested = await SuggestedActionAsync(server, "raise-memory-limit");

        var proposal = await server.ProposeAsync((string)suggested["type"]!, suggested["parameters"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!));

        Assert.Equal("pending_approval", (string?)proposal["status"]);
        Assert.Equal("confirm", (string?)proposal["tier"]);
        Assert.Contains("memory: 1Gi", (string?)proposal["diff"], StringComparison.Ordinal);
        Assert.Equal("512Mi", await MemoryLimitAsync(server));

        var id = (string)proposal["approval_id"]!;
        var pending = await server.Client.GetFromJsonAsync<JsonObject>("/api/v1/approvals?status=pending", Ct);
        Assert.Contains(pending!["items"]!.AsArray(), a => (string?)a!["id"] == id);

        var approve = await server.Client.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { approver = "alice", note = "heap dumps show the export spike" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var done = await server.WaitForApprovalAsync(id, "executed", "failed");

        Assert.Equal("executed", (string?)done["status"]);
        Assert.Equal("user:alice", (string?)done["decided_by"]);
        Assert.Contains("verification succeeded", (string?)done["result"], StringComparison.Ordinal);
        Assert.Equal("1Gi", await MemoryLimitAsync(server));
        var events = await AuditEventsAsync(server, id);
        Assert.Equal([AuditEvents.Proposed, AuditEvents.Approved, AuditEvents.Executed], events);
        Assert.True((await VerifyAuditAsync(server)).Ok);
    }

    [Fact]
    public async Task RejectedAction_NeverTouchesTheCluster()
    {
        await using var server = await RemediationServer.StartAsync();
        var proposal = await server.ProposeAsync("rollout-restart");
        var id = (string)proposal["approval_id"]!;
        var before = await server.GetDeploymentAsync();

        var reject = await server.Client.PostAsJsonAsync($"/api/v1/approvals/{id}/reject", new { approver = "bob", note = "not during the export window" }, Ct);
        var again = await server.Client.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { approver = "mallory" }, Ct);

        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("rejected", (string?)(await server.WaitForApprovalAsync(id, "rejected"))["status"]);
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)(await server.GetDeploymentAsync())["metadata"]!["resourceVersion"]);
        Assert.Equal([AuditEvents.Proposed, AuditEvents.Rejected], await AuditEventsAsync(server, id));
    }

    [Fact]
    public async Task ExpiredApproval_CannotBeApprovedAndNeverRuns()
    {
        await using var server = await RemediationServer.StartAsync();
        var id = (string)(await server.ProposeAsync("rollout-restart"))["approval_id"]!;

        server.Clock.Offset = TimeSpan.FromMinutes(16);
        var approve = await server.Client.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { approver = "alice" }, Ct);

        Assert.Equal(HttpStatusCode.Gone, approve.StatusCode);
        Assert.Equal("expired", (string?)(await server.Client.GetFromJsonAsync<JsonObject>($"/api/v1/approvals/{id}", Ct))!["status"]);
        Assert.Null((string?)(await server.GetDeploymentAsync())["spec"]!["template"]!["metadata"]!["annotations"]?["kubectl.kubernetes.io/restartedAt"]);
        Assert.Equal([AuditEvents.Proposed, AuditEvents.Expired], await AuditEventsAsync(server, id));
    }

    [Fact]
    public async Task SafeAction_RunsWithoutAskingAndForbiddenOneIsRefused()
    {
        await using var server = await RemediationServer.StartAsync();

        var scaled = await server.ProposeAsync("scale", new Dictionary<string, string> { ["replicas"] = "3" });
        var tooFar = await server.ProposeAsync("scale", new Dictionary<string, string> { ["replicas"] = "9" });

        Assert.Equal("executed", (string?)scaled["status"]);
        Assert.Equal("safe", (string?)scaled["tier"]);
        Assert.Equal(3, (int)(await server.GetDeploymentAsync())["spec"]!["replicas"]!);
        Assert.Equal("refused", (string?)tooFar["status"]);
        Assert.Equal("forbidden", (string?)tooFar["tier"]);
        Assert.True((await VerifyAuditAsync(server)).Ok);
    }

    [Fact]
    public async Task ServerKilledBetweenApprovalAndExecution_ExecutesExactlyOnceAfterRestart()
    {
        await using var server = await RemediationServer.StartAsync();
        var id = (string)(await server.ProposeAsync("rollout-restart"))["approval_id"]!;
        await server.StopServerAsync();

        // The approval lands while no server runs (the CLI writes the same store), as if the server died right after it.
        await using (var store = StoreFactory.Create(new StoreOptions { DataDirectory = server.DataDirectory }))
        {
            var approvals = new ApprovalService(store, new AuditTrail(store, AuditTrail.DefaultFilePath(server.DataDirectory)), Options.Create(new ApprovalOptions()), TimeProvider.System);
            await approvals.ApproveAsync(id, "user:alice", cancellationToken: Ct);
        }

        var revisionsBefore = await ReplicaSetCountAsync(server);
        await server.StartServerAsync();
        Assert.Equal("executed", (string?)(await server.WaitForApprovalAsync(id, "executed", "failed"))["status"]);
        await server.StopServerAsync();
        await server.StartServerAsync();
        var settled = await server.WaitForApprovalAsync(id, "executed");

        Assert.Equal("executed", (string?)settled["status"]);
        Assert.Equal(revisionsBefore + 1, await ReplicaSetCountAsync(server));
        Assert.Single(await AuditEventsAsync(server, id), e => e == AuditEvents.Executed);
        Assert.True((await VerifyAuditAsync(server)).Ok);
    }

    [Fact]
    public async Task ServerKilledDuringExecution_MarksTheApprovalInterruptedInsteadOfRunningItAgain()
    {
        await using var server = await RemediationServer.StartAsync();
        var id = (string)(await server.ProposeAsync("rollout-restart"))["approval_id"]!;
        await server.StopServerAsync();
        await using (var store = StoreFactory.Create(new StoreOptions { DataDirectory = server.DataDirectory }))
        {
            await store.DecideApprovalAsync(id, ApprovalDecision.Approve, "user:alice", null, DateTimeOffset.UtcNow, Ct);
            Assert.True(await store.TryClaimApprovalAsync(id, DateTimeOffset.UtcNow, Ct));
        }

        await server.StartServerAsync();

        Assert.Equal("interrupted", (string?)(await server.WaitForApprovalAsync(id, "interrupted"))["status"]);
        Assert.Null((string?)(await server.GetDeploymentAsync())["spec"]!["template"]!["metadata"]!["annotations"]?["kubectl.kubernetes.io/restartedAt"]);
    }

    // The report of POST / carries the typed action on the OOMKilled root cause; the client sends it back as it is.
    private static async Task<JsonObject> SuggestedActionAsync(RemediationServer server, string type)
    {
        var answer = await server.Client.PostAsJsonAsync("/", new { query = "why is report-api restarting?", @namespace = RemediationServer.Namespace }, Ct);
        var report = (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["report"]!;
        return report["rootCauses"]!.AsArray()
            .SelectMany(c => c!["remediation"]!.AsArray())
            .Select(r => r!["action"])
            .OfType<JsonObject>()
            .First(a => (string?)a["type"] == type);
    }

    private static async Task<string?> MemoryLimitAsync(RemediationServer server)
        => (string?)(await server.GetDeploymentAsync())["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["limits"]!["memory"];

    private static async Task<int> ReplicaSetCountAsync(RemediationServer server)
        => (await server.Cluster.ListAsync(Kubernetes.ResourceTypes.ReplicaSets, RemediationServer.Namespace, cancellationToken: Ct)).Items.Count(rs => ((string?)rs["metadata"]!["name"])!.StartsWith(RemediationServer.Deployment, StringComparison.Ordinal));

    private static async Task<List<string>> AuditEventsAsync(RemediationServer server, string approvalId)
    {
        await using var store = StoreFactory.Create(new StoreOptions { DataDirectory = server.DataDirectory });
        var records = await store.ListAuditRecordsAsync(0, 100_000, Ct);
        return records.Where(r => r.ApprovalId == approvalId).Select(r => r.Event).ToList();
    }

    private static async Task<AuditVerification> VerifyAuditAsync(RemediationServer server)
    {
        await using var store = StoreFactory.Create(new StoreOptions { DataDirectory = server.DataDirectory });
        return await AuditVerifier.VerifyAsync(store, AuditTrail.DefaultFilePath(server.DataDirectory), Ct);
    }
}
