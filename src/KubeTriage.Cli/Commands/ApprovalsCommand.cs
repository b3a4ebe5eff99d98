using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Remediation.Policy;
using KubeTriage.Storage;
using Spectre.Console;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage approvals list|approve|reject</c>: decide the actions the policy holds for a person.</summary>
internal static class ApprovalsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("approvals", "List, approve or reject remediation actions waiting for a person");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Decide(console, approve: true));
        command.Subcommands.Add(Decide(console, approve: false));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var store = StoreSettings.Options();
        var status = new Option<string?>("--status") { Description = "pending, approved, rejected, expired, executing, executed, failed or interrupted" };
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var command = new Command("list", "List approvals, newest first") { store.DataDir, store.Database, status, output };
        command.SetAction(async (parse, ct) =>
        {
            ApprovalStatus? filter = null;
            if (parse.GetValue(status) is { } text)
            {
                filter = ApprovalStatusNames.TryParse(text, out var s)
                    ? s
                    : throw new CliException(ExitCodes.Usage, $"--status '{text}' is not one of {ApprovalStatusNames.All}");
            }

            await using var setup = await RemediationSetup.OpenAsync(parse.GetValue(store.DataDir), parse.GetValue(store.Database), null, ct);
            await setup.Approvals.ExpireDueAsync(ct);
            var page = await setup.Approvals.ListAsync(new ApprovalQuery { Status = filter, Limit = 100 }, ct);
            if (parse.GetValue(output) == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(page.Items.Select(Server.Contracts.ApprovalView.From)));
                return ExitCodes.Healthy;
            }

            var table = new Table().AddColumns("id", "status", "action", "summary", "tier", "expires", "decided by");
            foreach (var a in page.Items)
            {
                table.AddRow(a.Id, a.Status.ToString().ToLowerInvariant(), Markup.Escape(a.Action), Markup.Escape(a.Summary), a.Tier,
                    a.ExpiresAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(a.DecidedBy ?? ""));
            }

            console.Ansi.Write(table);
            return ExitCodes.Healthy;
        });
        return command;
    }

    private static Command Decide(CliConsole console, bool approve)
    {
        var store = StoreSettings.Options();
        var id = new Argument<string>("id") { Description = "The approval id (see kubetriage approvals list)" };
        var approver = new Option<string?>("--as") { Description = "Who decides (default: $USER); recorded in the audit trail" };
        var note = new Option<string?>("--note") { Description = "A note kept with the decision" };
        var execute = new Option<bool>("--execute") { Description = "Run the approved action now from here (else a running kubetriage serve runs it)" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig for --execute" };
        var context = new Option<string?>("--context") { Description = "Kubeconfig context for --execute" };
        var policy = new Option<string?>("--policy") { Description = "Autonomy policy file for --execute (re-checked before running)" };
        var command = approve
            ? new Command("approve", "Approve a pending action") { id, store.DataDir, store.Database, approver, note, execute, kubeconfig, context, policy }
            : new Command("reject", "Reject a pending action") { id, store.DataDir, store.Database, approver, note };
        command.SetAction(async (parse, ct) =>
        {
            var who = parse.GetValue(approver) ?? console.Environment["USER"] as string ?? Environment.UserName;
            if (string.IsNullOrWhiteSpace(who))
            {
                throw new CliException(ExitCodes.Usage, "say who decides with --as NAME");
            }

            await using var setup = await RemediationSetup.OpenAsync(parse.GetValue(store.DataDir), parse.GetValue(store.Database), null, ct);
            var approvalId = parse.GetValue(id)!;

            // Check what --execute needs before deciding: a mistyped --kubeconfig, --context or --policy must not leave
            // an approval approved but never run, or burn it as failed. The action runs on the cluster it was proposed
            // for, as the server runs it; --context only picks the cluster of approvals that name none.
            var executeNow = approve && parse.GetValue(execute);
            using var clusters = executeNow ? ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(parse.GetValue(kubeconfig)), parse.GetValue(context)) : null;
            var cluster = clusters is null ? null
                : (await setup.Approvals.GetAsync(approvalId, ct))?.Cluster is { } proposedFor ? clusters.Get(proposedFor) : clusters.Default;
            var executionPolicy = executeNow ? LoadPolicy(parse.GetValue(policy)) : null;
            Approval decided;
            try
            {
                decided = approve
                    ? await setup.Approvals.ApproveAsync(approvalId, "user:" + who, parse.GetValue(note), ct)
                    : await setup.Approvals.RejectAsync(approvalId, "user:" + who, parse.GetValue(note), ct);
            }
            catch (KeyNotFoundException)
            {
                throw new CliException(ExitCodes.InvalidInput, $"no approval with id '{approvalId}'");
            }
            catch (ApprovalExpiredException ex)
            {
                throw new CliException(ExitCodes.InvalidInput, $"approval {approvalId} expired at {ex.Approval.ExpiresAt:O}; propose the action again");
            }
            catch (InvalidApprovalTransitionException ex)
            {
                throw new CliException(ExitCodes.InvalidInput, $"approval {approvalId} is already {ex.From.ToString().ToLowerInvariant()}");
            }

            console.Out.WriteLine($"{decided.Id} {decided.Status.ToString().ToLowerInvariant()} by {decided.DecidedBy}: {decided.Summary}");
            if (!executeNow)
            {
                if (approve)
                {
                    console.Out.WriteLine("A running `kubetriage serve` on this data directory executes it (or does at its next start).");
                }

                return ExitCodes.Healthy;
            }

            var done = await setup.Workflow(executionPolicy!, TimeSpan.FromMinutes(5)).ExecuteApprovedAsync(decided.Id, _ => cluster!, ct);
            if (done is null)
            {
                console.Out.WriteLine("Another process is already executing it.");
                return ExitCodes.Healthy;
            }

            console.Out.WriteLine($"{done.Status.ToString().ToLowerInvariant()}: {done.Result}");
            return done.Status == ApprovalStatus.Executed ? ExitCodes.Healthy : ExitCodes.ProblemsFound;
        });
        return command;
    }

    // No file is read-only (the execution is refused and audited); a file given but unusable is a mistake on this command line.
    private static RemediationPolicy LoadPolicy(string? path)
    {
        var policy = PolicyLoader.Load(path);
        return !string.IsNullOrWhiteSpace(path) && policy.ForbidsEverything
            ? throw new CliException(ExitCodes.Usage, policy.RefusalReason!)
            : policy;
    }
}
