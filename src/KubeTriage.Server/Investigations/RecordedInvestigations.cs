using KubeTriage.Core.Diagnosis;
using KubeTriage.Server.Observability;
using KubeTriage.Storage;

namespace KubeTriage.Server.Investigations;

/// <summary>Runs investigations and keeps each one, with its outcome, report and metrics, in the store.</summary>
internal sealed class RecordedInvestigations(InvestigationRunner runner, IKubeTriageStore store, ServerMetrics metrics)
{
    /// <summary>Creates the record (or finds the one an alert already has), runs it with the engine, and stores the outcome.</summary>
    public Task<(Investigation Record, InvestigationResult? Result)> RunAsync(
        NewInvestigation request, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
        => RunAsync(request, null, progress, ct);

    /// <summary>Creates the record, runs it (with the agents when <paramref name="question"/> is given and a provider is configured), and stores the outcome.</summary>
    public async Task<(Investigation Record, InvestigationResult? Result)> RunAsync(
        NewInvestigation request, AgentRequest? question, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
    {
        var created = await store.CreateInvestigationAsync(request, CancellationToken.None);
        if (!created.Created)
        {
            return (created.Investigation, null);
        }

        return (created.Investigation, await ExecuteAsync(created.Investigation, question, progress, ct));
    }

    /// <summary>Runs an investigation that is already recorded (queued) with the engine, storing its outcome.</summary>
    public Task<InvestigationResult?> ExecuteAsync(Investigation record, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
        => ExecuteAsync(record, null, progress, ct);

    /// <summary>Runs an investigation that is already recorded, storing its outcome and metrics.</summary>
    public async Task<InvestigationResult?> ExecuteAsync(Investigation record, AgentRequest? question, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
    {
        // The outcome is stored even when the caller's token fires: a cancelled investigation is history too.
        await store.UpdateStatusAsync(record.Id, InvestigationStatus.Running, CancellationToken.None);
        try
        {
            var result = await runner.RunAsync(record.Cluster, record.Namespace, question, progress, ct);
            await store.CompleteAsync(record.Id, result.Report, result.Metrics, CancellationToken.None);
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
            metrics.InvestigationDuration.Record(result.Metrics.DurationMs / 1000.0);
            return result;
        }
        catch (OperationCanceledException)
        {
            var status = ct.IsCancellationRequested ? InvestigationStatus.Cancelled : InvestigationStatus.TimedOut;
            await store.UpdateStatusAsync(record.Id, status, CancellationToken.None);
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", status == InvestigationStatus.Cancelled ? "cancelled" : "timed_out"));
            throw;
        }
        catch (Exception ex) when (ex is Kubernetes.KubernetesException or KeyNotFoundException)
        {
            await store.FailAsync(record.Id, ex.Message, null, CancellationToken.None);
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            throw;
        }
    }
}
