namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>Loads the recorded exchanges in tests/Fixtures/k8s-wire.</summary>
internal static class WireFixtures
{
    public static string Directory => RepoPaths.WireFixtures;

    public static RecordedExchange Load(string name) => RecordedExchange.Load(Path.Combine(Directory, name));
}
