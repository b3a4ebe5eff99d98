using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Policy;
using KubeTriage.Storage;
using Microsoft.Extensions.Options;

namespace KubeTriage.Cli.Tests.Commands;

/// <summary>Writes and reads a data directory through the library, the way <c>kubetriage serve</c> shares it with the CLI.</summary>
internal static class RemediationData
{
    public const string Namespace = "reporting";
    public const string Deployment = "report-api";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewDirectory() => Directory.CreateTempSubdirectory("kt-approvals-").FullName;

    public static SuggestedAction Restart() => new()
    {
        Type = ActionTypes.RolloutRestart,
        Target = new ObjectRef("Deployment", Namespace, Deployment),
    };

    /// <summary>Holds a restart of reporting/report-api for a person, as the server does for a confirm-tier action.</summary>
    public static async Task<Approval> RequestAsync(string dataDirectory, TimeProvider? clock = null, string? cluster = null)
    {
        var time = clock ?? TimeProvider.System;
        await using var store = StoreFactory.Create(new StoreOptions { DataDirectory = dataDirectory }, time);
        await store.MigrateAsync(Ct);
        var service = new ApprovalService(store, new AuditTrail(store, AuditTrail.DefaultFilePath(dataDirectory)), Options.Create(new ApprovalOptions()), time);
        var action = Restart();
        return await service.RequestAsync(
            new ApprovalRequest
            {
                Action = action.Type,
                Summary = $"Restart the pods of Deployment {Namespace}/{Deployment} (rolling)",
                Payload = ActionJson.Serialize(action),
                Decision = new PolicyDecision(RiskTier.Confirm, "restarts in reporting need a person", "app-changes"),
                RequestedBy = "agent:coordinator",
                Cluster = cluster,
                Namespace = Namespace,
                Target = "deployment/" + Deployment,
            },
            Ct);
    }

    public static async Task<Approval> GetAsync(string dataDirectory, string id)
    {
        await using var store = await OpenAsync(dataDirectory);
        return await store.GetApprovalAsync(id, Ct) ?? throw new KeyNotFoundException(id);
    }

    public static async Task<IReadOnlyList<AuditRecord>> AuditAsync(string dataDirectory)
    {
        await using var store = await OpenAsync(dataDirectory);
        return await store.ListAuditRecordsAsync(cancellationToken: Ct);
    }

    private static async Task<IKubeTriageStore> OpenAsync(string dataDirectory)
    {
        var store = StoreFactory.Create(new StoreOptions { DataDirectory = dataDirectory });
        await store.MigrateAsync(Ct);
        return store;
    }
}
