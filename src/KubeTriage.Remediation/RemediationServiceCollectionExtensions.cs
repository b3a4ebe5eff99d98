using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Policy;
using KubeTriage.Remediation.Workflow;
using KubeTriage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KubeTriage.Remediation;

/// <summary>Registers policy, actions, approvals, the audit trail and the remediation workflow.</summary>
public static class RemediationServiceCollectionExtensions
{
    /// <summary>Adds remediation singletons on top of <see cref="StorageServiceCollectionExtensions.AddKubeTriageStore"/>; existing registrations win.</summary>
    /// <remarks>The policy is read once here; a file that cannot be read yields a policy that forbids everything (fail closed).</remarks>
    public static IServiceCollection AddKubeTriageRemediation(this IServiceCollection services, Action<RemediationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RemediationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<ApprovalOptions>().Configure<IOptions<RemediationOptions>>((approval, remediation) => approval.Expiry = remediation.Value.ApprovalExpiry);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ActionRegistry(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IRemediationPolicy>(sp => PolicyLoader.Load(sp.GetRequiredService<IOptions<RemediationOptions>>().Value.PolicyPath));
        services.TryAddSingleton(sp =>
        {
            var policy = sp.GetRequiredService<IRemediationPolicy>();
            return new ActionSuggester(request => policy.Evaluate(request).Tier);
        });
        services.TryAddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<IOptions<RemediationOptions>>().Value.AuditFilePath
                ?? AuditTrail.DefaultFilePath(sp.GetRequiredService<IOptions<StoreOptions>>().Value.DataDirectory)));
        services.TryAddSingleton<ApprovalService>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<RemediationOptions>>().Value;
            return new RemediationService(
                sp.GetRequiredService<ActionRegistry>(),
                sp.GetRequiredService<IRemediationPolicy>(),
                sp.GetRequiredService<ApprovalService>(),
                sp.GetRequiredService<AuditTrail>(),
                new VerifyOptions { Timeout = settings.VerifyTimeout, PollInterval = settings.VerifyPollInterval, Clock = sp.GetRequiredService<TimeProvider>() });
        });
        return services;
    }
}
