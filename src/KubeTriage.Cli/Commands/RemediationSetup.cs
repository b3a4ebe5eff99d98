using KubeTriage.Remediation;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Policy;
using KubeTriage.Remediation.Workflow;
using KubeTriage.Storage;
using Microsoft.Extensions.Options;

namespace KubeTriage.Cli.Commands;

/// <summary>The store, audit trail and approval service the CLI's approvals and audit commands share with <c>kubetriage serve</c>.</summary>
internal sealed class RemediationSetup : IAsyncDisposable
{
    private RemediationSetup(IKubeTriageStore store, AuditTrail audit, ApprovalService approvals)
    {
        Store = store;
        Audit = audit;
        Approvals = approvals;
    }

    public IKubeTriageStore Store { get; }

    public AuditTrail Audit { get; }

    public ApprovalService Approvals { get; }

    /// <summary>Opens the store (migrating it) and the audit file of the same data directory.</summary>
    public static async Task<RemediationSetup> OpenAsync(string? dataDirectory, string? database, string? auditFile, CancellationToken ct)
    {
        var options = StoreSettings.From(dataDirectory, database);
        var store = StoreFactory.Create(options);
        await store.MigrateAsync(ct);
        var audit = new AuditTrail(store, auditFile ?? AuditTrail.DefaultFilePath(options.DataDirectory));
        return new RemediationSetup(store, audit, new ApprovalService(store, audit, Options.Create(new ApprovalOptions()), TimeProvider.System));
    }

    /// <summary>Builds the workflow that executes approved actions, judged by the policy (read-only: nothing runs).</summary>
    public RemediationService Workflow(IRemediationPolicy policy, TimeSpan verifyTimeout)
        => new(new ActionRegistry(), policy, Approvals, Audit, new VerifyOptions { Timeout = verifyTimeout });

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
