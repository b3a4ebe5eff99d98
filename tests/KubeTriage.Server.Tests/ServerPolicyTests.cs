using KubeTriage.Kubernetes;
using KubeTriage.Server.Investigations;

namespace KubeTriage.Server.Tests;

public sealed class ServerPolicyTests
{
    [Fact]
    public void Build_PublicAddressWithoutKey_Refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(new ServerOptions { Host = "0.0.0.0" }, new NoClusters()));

        Assert.Contains("--allow-unauthenticated", ex.Message);
    }

    [Fact]
    public async Task Build_PublicAddressExplicitlyAllowedOrWithKey_Builds()
    {
        await using var allowed = ServerHost.Build(new ServerOptions { Host = "0.0.0.0", Port = 0, AllowUnauthenticated = true }, new NoClusters());
        await using var keyed = ServerHost.Build(new ServerOptions { Host = "0.0.0.0", Port = 0, ApiKeys = ["k"] }, new NoClusters());
    }

    [Fact]
    public async Task Gate_FullQueue_RejectsUntilASlotIsReleased()
    {
        var gate = new InvestigationGate(maxConcurrent: 1, maxQueued: 0);
        var ct = TestContext.Current.CancellationToken;

        var first = await gate.EnterAsync(ct);
        var rejected = await gate.EnterAsync(ct);
        first!.Dispose();
        var again = await gate.EnterAsync(ct);

        Assert.NotNull(first);
        Assert.Null(rejected);
        Assert.NotNull(again);
    }

    private sealed class NoClusters : IClusterAccess
    {
        public string DefaultCluster => "none";

        public IReadOnlyCollection<string> Clusters => [];

        public IKubernetesClient Get(string? cluster) => throw new KeyNotFoundException(cluster);
    }
}
