using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Kubectl;

/// One sandbox with the recorded cluster for the kubectl tests that only read.
public sealed class ReadOnlyFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await SandboxServer.StartAsync(RecordedCluster.Options());

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
