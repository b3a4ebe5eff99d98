using KubeTriage.Kubernetes.Auth;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.KubeConfig;

public sealed class TokenFileCredentialSourceTests
{
    [Fact]
    public async Task GetAsync_FileRotated_ServesNewTokenOnlyAfterRefreshInterval()
    {
        using var dir = new TempDirectory();
        var path = dir.File("token", "first\n");
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var source = new TokenFileCredentialSource(path, null, TimeSpan.FromMinutes(1), clock);

        var before = await source.GetAsync(TestContext.Current.CancellationToken);
        File.WriteAllText(path, "second");
        var cached = await source.GetAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(61));
        var after = await source.GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal("first", before.Authorization!.Parameter);
        Assert.Same(before, cached);
        Assert.Equal("second", after.Authorization!.Parameter);
    }

    [Fact]
    public async Task GetAsync_FileVanishesAfterFirstRead_KeepsLastToken()
    {
        using var dir = new TempDirectory();
        var path = dir.File("token", "only");
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var source = new TokenFileCredentialSource(path, null, TimeSpan.FromMinutes(1), clock);
        await source.GetAsync(TestContext.Current.CancellationToken);

        File.Delete(path);
        clock.Advance(TimeSpan.FromMinutes(5));
        var credential = await source.GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal("only", credential.Authorization!.Parameter);
    }
}
