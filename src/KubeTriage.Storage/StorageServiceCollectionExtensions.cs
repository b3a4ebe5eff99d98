using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Storage;

/// <summary>Registers the KubeTriage store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IKubeTriageStore"/> as a singleton built from <see cref="StoreOptions"/>, also resolvable as
    /// <see cref="IApprovalStore"/> and <see cref="IAuditStore"/>; existing registrations win.
    /// </summary>
    /// <remarks>The host still calls <see cref="IKubeTriageStore.MigrateAsync"/> once at start-up.</remarks>
    public static IServiceCollection AddKubeTriageStore(this IServiceCollection services, Action<StoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => StoreFactory.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApprovalStore>(sp => sp.GetRequiredService<IKubeTriageStore>());
        services.TryAddSingleton<IAuditStore>(sp => sp.GetRequiredService<IKubeTriageStore>());
        return services;
    }
}
