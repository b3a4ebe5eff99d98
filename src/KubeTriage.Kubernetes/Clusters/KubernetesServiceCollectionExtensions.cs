using KubeTriage.Kubernetes.KubeConfig;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Kubernetes;

/// <summary>Registers the Kubernetes client in a service collection.</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>Adds a singleton <see cref="IClusterRegistry"/> and the default <see cref="IKubernetesClient"/>, loaded lazily.</summary>
    public static IServiceCollection AddKubernetesClient(this IServiceCollection services, Action<KubernetesClientRegistration>? configure = null)
    {
        var registration = new KubernetesClientRegistration();
        configure?.Invoke(registration);
        services.AddSingleton<IClusterRegistry>(_ => ClusterConnections.FromEnvironment(
            KubeConfigLoadingRules.FromEnvironment(registration.KubeconfigPath),
            registration.Context,
            registration.Aliases,
            registration.ClientOptions));
        services.AddSingleton(sp => sp.GetRequiredService<IClusterRegistry>().Default);
        return services;
    }
}
