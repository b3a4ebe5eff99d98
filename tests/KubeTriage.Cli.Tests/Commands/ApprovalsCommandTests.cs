using System.Text.Json.Nodes;
using KubeTriage.Remediation.Audit;
using KubeTriage.Storage;

namespace KubeTriage.Cli.Tests.Commands;

/// <summary><c>kubetriage approvals</c> over a data directory the server wrote approvals into.</summary>
public sealed class ApprovalsCommandTests
{
    [Fact]
    public async Task List_Json_ShowsPendingApprovalsTheServerStored()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);

        var (code, console) = await TestConsole.RunAsync("approvals", "list", "--data-dir", dir, "-o", "json");

        Assert.Equal(ExitCodes.Healthy, code);
        var item = Assert.Single(JsonNode.Parse(console.Out)!.AsArray())!;
        Assert.Equal(approval.Id, (string?)item["id"]);
        Assert.Equal("pending", (string?)item["status"]);
        Assert.Equal("rollout-restart", (string?)item["action"]);
        Assert.Equal("confirm", (string?)item["tier"]);
        Assert.Equal("agent:coordinator", (string?)item["requested_by"]);
        Assert.Null(item["decided_by"]);
    }

    [Fact]
    public async Task List_Text_ShowsOneRowPerApproval()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);

        var (code, console) = await TestConsole.RunAsync("approvals", "list", "--data-dir", dir);

        Assert.Equal(ExitCodes.Healthy, code);
        var row = Assert.Single(console.Out.Split('\n'), line => line.Contains(approval.Id, StringComparison.Ordinal));
        Assert.Contains("pending", row, StringComparison.Ordinal);
        Assert.Contains("rollout-restart", row, StringComparison.Ordinal);
        Assert.Contains("decided by", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StatusFilter_ShowsOnlyThatStatus()
    {
        var dir = RemediationData.NewDirectory();
        var approved = await RemediationData.RequestAsync(dir);
        var pending = await RemediationData.RequestAsync(dir);
        Assert.Equal(ExitCodes.Healthy, (await TestConsole.RunAsync("approvals", "approve", approved.Id, "--data-dir", dir, "--as", "alice")).ExitCode);

        var (code, console) = await TestConsole.RunAsync("approvals", "list", "--data-dir", dir, "--status", "Approved", "-o", "json");
        var (pendingCode, pendingConsole) = await TestConsole.RunAsync("approvals", "list", "--data-dir", dir, "--status", "pending", "-o", "json");

        Assert.Equal((ExitCodes.Healthy, ExitCodes.Healthy), (code, pendingCode));
        var item = Assert.Single(JsonNode.Parse(console.Out)!.AsArray())!;
        Assert.Equal((approved.Id, "approved", "user:alice"), ((string?)item["id"], (string?)item["status"], (string?)item["decided_by"]));
        Assert.Equal(pending.Id, (string?)Assert.Single(JsonNode.Parse(pendingConsole.Out)!.AsArray())!["id"]);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("3")]
    public async Task List_UnknownStatus_UsageErrorNamingTheStatuses(string status)
    {
        var dir = RemediationData.NewDirectory();

        var (code, console) = await TestConsole.RunAsync("approvals", "list", "--data-dir", dir, "--status", status);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal($"error: --status '{status}' is not one of pending, approved, rejected, expired, executing, executed, failed, interrupted", console.Error.Trim());
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task Approve_Pending_ApprovedByTheUserWithTheNoteAndAudited()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice", "--note", "heap dumps show the export spike");

        Assert.Equal(ExitCodes.Healthy, code);
        Assert.StartsWith($"{approval.Id} approved by user:alice: Restart the pods", console.Out, StringComparison.Ordinal);
        Assert.Contains("kubetriage serve", console.Out, StringComparison.Ordinal);
        var stored = await RemediationData.GetAsync(dir, approval.Id);
        Assert.Equal((ApprovalStatus.Approved, "user:alice", "heap dumps show the export spike"), (stored.Status, stored.DecidedBy, stored.DecisionNote));
        var record = (await RemediationData.AuditAsync(dir))[^1];
        Assert.Equal((AuditEvents.Approved, "user:alice", approval.Id, "approved: heap dumps show the export spike"), (record.Event, record.Actor, record.ApprovalId, record.Outcome));
    }

    [Fact]
    public async Task Reject_Pending_RejectedByTheUser()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);

        var (code, console) = await TestConsole.RunAsync("approvals", "reject", approval.Id, "--data-dir", dir, "--as", "bob");

        Assert.Equal(ExitCodes.Healthy, code);
        Assert.StartsWith($"{approval.Id} rejected by user:bob:", console.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("kubetriage serve", console.Out, StringComparison.Ordinal);
        var stored = await RemediationData.GetAsync(dir, approval.Id);
        Assert.Equal((ApprovalStatus.Rejected, "user:bob"), (stored.Status, stored.DecidedBy));
        Assert.Equal(AuditEvents.Rejected, (await RemediationData.AuditAsync(dir))[^1].Event);
    }

    [Fact]
    public async Task Approve_Twice_SecondIsInvalidInputAlreadyApproved()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);
        await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice");

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "mallory");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal($"error: approval {approval.Id} is already approved", console.Error.Trim());
        Assert.Equal("user:alice", (await RemediationData.GetAsync(dir, approval.Id)).DecidedBy);
    }

    [Fact]
    public async Task Reject_AfterApprove_InvalidInputAlreadyApproved()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir);
        await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice");

        var (code, console) = await TestConsole.RunAsync("approvals", "reject", approval.Id, "--data-dir", dir, "--as", "bob");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("already approved", console.Error, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Approved, (await RemediationData.GetAsync(dir, approval.Id)).Status);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task Decide_UnknownId_InvalidInput(string verb)
    {
        var dir = RemediationData.NewDirectory();
        await RemediationData.RequestAsync(dir);

        var (code, console) = await TestConsole.RunAsync("approvals", verb, "apr_does_not_exist", "--data-dir", dir, "--as", "alice");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("error: no approval with id 'apr_does_not_exist'", console.Error.Trim());
    }

    [Fact]
    public async Task Approve_Expired_InvalidInputAndAuditedAsExpired()
    {
        var dir = RemediationData.NewDirectory();

        // Requested an hour ago with the default 15-minute expiry.
        var approval = await RemediationData.RequestAsync(dir, new FixedClock(DateTimeOffset.UtcNow.AddHours(-1)));

        var (code, console) = await TestConsole.RunAsync("approvals", "approve", approval.Id, "--data-dir", dir, "--as", "alice");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith($"error: approval {approval.Id} expired at ", console.Error, StringComparison.Ordinal);
        Assert.Contains("propose the action again", console.Error, StringComparison.Ordinal);
        var stored = await RemediationData.GetAsync(dir, approval.Id);
        Assert.Equal(ApprovalStatus.Expired, stored.Status);
        Assert.Null(stored.DecidedBy);
        var records = await RemediationData.AuditAsync(dir);
        Assert.Equal([AuditEvents.Proposed, AuditEvents.Expired], records.Select(r => r.Event));
    }

    [Fact]
    public async Task List_PastExpiry_ShowsTheApprovalExpired()
    {
        var dir = RemediationData.NewDirectory();
        var approval = await RemediationData.RequestAsync(dir, new FixedClock(DateTimeOffset.UtcNow.AddHours(-1)));

        var (code, console) = await TestConsole.RunAsync("approvals", "list", "--data-dir", dir, "--status", "expired", "-o", "json");

        Assert.Equal(ExitCodes.Healthy, code);
        Assert.Equal(approval.Id, (string?)Assert.Single(JsonNode.Parse(console.Out)!.AsArray())!["id"]);
    }
}
