using KubeTriage.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KubeTriage.Server.Investigations;

/// <summary>Investigates the alerts the Alertmanager webhook accepted, two at a time, and stores each result.</summary>
internal sealed partial class AlertWorker(AlertQueue queue, RecordedInvestigations investigations, IKubeTriageStore store, ILogger<AlertWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken }, async (item, ct) =>
        {
            try
            {
                await investigations.ExecuteAsync(item.Record, null, ct);
            }
            catch (Exception ex) when (ex is Kubernetes.KubernetesException or KeyNotFoundException or OperationCanceledException)
            {
                // The outcome is already stored by RecordedInvestigations; the worker goes on with the next alert.
                LogFailed(logger, item.Record.Id, ex.Message);
            }
            catch (Exception ex)
            {
                await store.FailAsync(item.Record.Id, ex.Message, null, CancellationToken.None);
                LogFailed(logger, item.Record.Id, ex.Message);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert investigation {Id} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string id, string error);
}
