using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Workflow;
using KubeTriage.Server.Investigations;
using KubeTriage.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KubeTriage.Server.Remediation;

/// <summary>Runs approved actions: those left from before a restart first, then each one as it is approved (by the API or the CLI).</summary>
/// <remarks>
/// Approvals decided in another process (<c>kubetriage approvals approve</c>) are found by polling; the API signals for
/// an immediate run. Each approval is claimed atomically before it runs, so it runs once even with several servers.
/// </remarks>
internal sealed partial class ApprovalExecutor(
    RemediationService remediation, ApprovalService approvals, IApprovalStore store, IClusterAccess clusters, ILogger<ApprovalExecutor> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Wakes the executor now (an approval was just decided).</summary>
    public void Signal() => _signal.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovery = await approvals.RecoverAfterRestartAsync(stoppingToken);
        foreach (var approval in recovery.Interrupted)
        {
            LogInterrupted(approval.Id);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await approvals.ExpireDueAsync(stoppingToken);
                foreach (var approval in await store.ListApprovedUnclaimedAsync(stoppingToken))
                {
                    var done = await remediation.ExecuteApprovedAsync(approval.Id, clusters.Get, stoppingToken);
                    if (done is not null)
                    {
                        LogExecuted(done.Id, done.Status.ToString(), done.Result ?? "");
                    }
                }

                await _signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad round (database briefly unavailable) must not stop later approvals from running.
                LogRoundFailed(ex);
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval {ApprovalId} was executing when the server stopped; marked interrupted for a person to decide again")]
    private partial void LogInterrupted(string approvalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval {ApprovalId} finished {Status}: {Result}")]
    private partial void LogExecuted(string approvalId, string status, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Running approved actions failed; retrying")]
    private partial void LogRoundFailed(Exception exception);
}
