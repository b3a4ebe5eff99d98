using System.Text;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Tests.Workflow.Support;
using KubeTriage.Remediation.Workflow;

namespace KubeTriage.Remediation.Tests.Workflow;

/// <summary>
/// Sends every typed action of adversarial-actions.txt through <see cref="RemediationService.ProposeAsync"/> against a
/// running sandbox under <see cref="WorkflowHarness.SamplePolicy"/>: only what the policy calls safe may change the cluster.
/// </summary>
public sealed class AdversarialActionCorpusTests
{
    private const string Executed = "executed";
    private const string Invalid = "invalid";

    private static readonly string[] s_outcomes = [Executed, "pending_approval", "refused", "dry_run_failed", "failed", Invalid];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Corpus_EveryAction_HasTheExpectedOutcome_AndOnlySafeOnesChangeTheCluster()
    {
        var entries = Load();
        Assert.True(entries.Count >= 80, $"the corpus has {entries.Count} entries");
        await using var harness = await WorkflowHarness.StartAsync();
        var service = harness.Service();
        var mismatches = new List<string>();
        var escapes = new List<string>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long sequence = 0;
        foreach (var entry in entries)
        {
            var before = await harness.FingerprintAsync();
            var (outcome, rule, message) = await ProposeAsync(service, harness, entry);
            var after = await harness.FingerprintAsync();
            var records = await harness.AuditAfterAsync(sequence);
            sequence = records.Count > 0 ? records[^1].Sequence : sequence;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;

            var where = $"line {entry.Line} ({entry.Json})";
            if (outcome != entry.Outcome || (entry.Rule is not null && rule != entry.Rule))
            {
                mismatches.Add($"{where}: expected {entry.Outcome}@{entry.Rule ?? "*"}, got {outcome}@{rule}: {message}");
            }

            // The invariant that matters most: no write and no execution record unless the policy said safe.
            var executions = records.Count(r => r.Event is AuditEvents.Executed or AuditEvents.Failed);
            if (entry.Outcome != Executed && (!before.SetEquals(after) || executions > 0))
            {
                escapes.Add($"{where}: changed the cluster outside the policy ({outcome}, {executions} execution record(s)): {ClusterFingerprint.Difference(before, after)}");
            }

            var proposals = records.Count(r => r.Event == AuditEvents.Proposed);
            if (proposals != (outcome == "pending_approval" ? 1 : 0) || (outcome == Invalid && records.Count > 0))
            {
                mismatches.Add($"{where}: audit trail has {string.Join(", ", records.Select(r => r.Event))} for {outcome}");
            }
        }

        var verification = await harness.Store.VerifyAsync();
        TestContext.Current.SendDiagnosticMessage(
            $"adversarial action corpus: {entries.Count} actions; {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}; "
            + $"{escapes.Count} changed the cluster outside the policy; {mismatches.Count} mismatches; audit chain of {verification.RecordsChecked} records {(verification.Ok ? "verifies" : "is broken")}");
        Assert.True(escapes.Count == 0, string.Join('\n', escapes));
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.True(verification.Ok, string.Join('\n', verification.Problems.Select(p => p.Message)));
    }

    [Fact]
    public void Corpus_CoversEveryOutcomeAndActionType()
    {
        var entries = Load();
        var counts = entries.GroupBy(e => e.Outcome).ToDictionary(g => g.Key, g => g.Count());
        // dry_run_failed needs the API server to reject a well-formed write; the odd names that used to reach it are
        // now refused before any request, so the corpus may hold none.
        foreach (var outcome in new[] { Executed, "pending_approval", "refused", Invalid })
        {
            Assert.True(counts.GetValueOrDefault(outcome) >= 5, $"{outcome}: {counts.GetValueOrDefault(outcome)}");
        }

        foreach (var type in ActionTypes.All)
        {
            var forType = entries.Where(e => e.Json.Contains($"\"{type}\"", StringComparison.Ordinal)).ToList();
            Assert.Contains(forType, e => e.Outcome is Executed or "pending_approval");
            Assert.Contains(forType, e => e.Outcome == "refused");
        }
    }

    private static async Task<(string Outcome, string? Rule, string Message)> ProposeAsync(RemediationService service, WorkflowHarness harness, Entry entry)
    {
        try
        {
            var action = ActionJson.Deserialize(entry.Json);
            var requester = new RemediationRequester("agent:corpus", entry.Workflow, Agent: "coordinator");
            var result = await service.ProposeAsync(action, harness.Sandbox.Client, requester, Ct);
            var outcome = result.Status switch
            {
                RemediationStatus.Executed => Executed,
                RemediationStatus.PendingApproval => "pending_approval",
                RemediationStatus.Refused => "refused",
                RemediationStatus.DryRunFailed => "dry_run_failed",
                _ => "failed",
            };
            return (outcome, result.Decision?.Rule ?? "action", result.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return (Invalid, null, ex.Message);
        }
    }

    private static List<Entry> Load()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "KubeTriage.Remediation.Tests", "Workflow", "adversarial-actions.txt");
        var entries = new List<Entry>();
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // <outcome>[@<rule>] [workflow:<name>] <json>
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var expected = line[..space];
            var rest = line[(space + 1)..];
            var workflow = "api";
            if (rest.StartsWith("workflow:", StringComparison.Ordinal))
            {
                var end = rest.IndexOf(' ', StringComparison.Ordinal);
                workflow = rest["workflow:".Length..end];
                rest = rest[(end + 1)..];
            }

            var at = expected.IndexOf('@', StringComparison.Ordinal);
            var (outcome, rule) = at < 0 ? (expected, null) : (expected[..at], expected[(at + 1)..]);
            Assert.True(s_outcomes.Contains(outcome), $"line {i + 1}: unknown outcome {outcome}");
            entries.Add(new Entry(i + 1, outcome, rule, workflow, rest));
        }

        return entries;
    }

    private sealed record Entry(int Line, string Outcome, string? Rule, string Workflow, string Json);
}
