using System.Diagnostics;
using KubeTriage.Remediation.Kubectl;

namespace KubeTriage.Remediation.Tests.Kubectl;

/// <summary>Runs <see cref="KubectlRunner"/> against small shell scripts standing in for kubectl, and against the real kubectl.</summary>
public sealed class KubectlRunnerTests : IDisposable
{
    private const string Kubeconfig = "apiVersion: v1\nkind: Config\nclusters: []\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kubetriage-runner-test-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_FakeKubectl_GetsArgvAndAPrivateKubeconfigThatIsDeletedAfterwards()
    {
        var fake = Script("""
            for a in "$@"; do echo "arg:$a"; done
            f="${1#--kubeconfig=}"
            echo "path:$f"
            echo "mode:$(stat -c %a "$f")"
            echo "dir:$(stat -c %a "$(dirname "$f")")"
            echo "content:$(cat "$f")"
            echo "env:${KUBECONFIG:-unset}"
            echo "oops" >&2
            exit 3
            """);
        Assert.True(KubectlCommandParser.TryParse("kubectl get pods -l 'app in (a,b)' -n shop", out var command, out _));
        var runner = new KubectlRunner(new KubectlRunnerOptions { KubectlPath = fake });

        var result = await runner.RunAsync(command, Kubeconfig, Ct);

        var lines = result.StandardOutput.Split('\n');
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("oops\n", result.StandardError);
        Assert.StartsWith("arg:--kubeconfig=", lines[0], StringComparison.Ordinal);
        Assert.Equal(["arg:get", "arg:pods", "arg:-l", "arg:app in (a,b)", "arg:-n", "arg:shop"], lines[1..7]);
        Assert.Contains("mode:600", lines);
        Assert.Contains("dir:700", lines);
        Assert.Contains("content:apiVersion: v1", lines);
        Assert.Contains("env:unset", lines);
        var path = lines.Single(l => l.StartsWith("path:", StringComparison.Ordinal))[5..];
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task RunAsync_SlowKubectl_IsKilledAtTheTimeoutAndCleansUp()
    {
        var fake = Script("""
            echo "${1#--kubeconfig=}" > "$0.path"
            echo started
            sleep 30
            """);
        var runner = new KubectlRunner(new KubectlRunnerOptions { KubectlPath = fake, Timeout = TimeSpan.FromMilliseconds(500) });
        var clock = Stopwatch.StartNew();

        var result = await runner.RunAsync(["version"], Kubeconfig, Ct);

        Assert.True(result.TimedOut);
        Assert.Equal(-1, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.False(File.Exists(File.ReadAllText(fake + ".path").Trim()));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAndCleansUp()
    {
        var fake = Script("""
            echo "${1#--kubeconfig=}" > "$0.path"
            sleep 30
            """);
        var runner = new KubectlRunner(new KubectlRunnerOptions { KubectlPath = fake });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(["version"], Kubeconfig, cancel.Token));

        Assert.False(File.Exists(File.ReadAllText(fake + ".path").Trim()));
    }

    [Fact]
    public async Task RunAsync_ChattyKubectl_IsCappedAndMarkedTruncated()
    {
        var fake = Script("head -c 300000 /dev/zero | tr '\\0' a");
        var runner = new KubectlRunner(new KubectlRunnerOptions { KubectlPath = fake, MaxOutputBytes = 1000 });

        var result = await runner.RunAsync(["version"], Kubeconfig, Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Truncated);
        Assert.Equal(new string('a', 1000), result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_Throws()
    {
        var runner = new KubectlRunner(new KubectlRunnerOptions { KubectlPath = Path.Combine(_folder.FullName, "nope") });
        await Assert.ThrowsAsync<FileNotFoundException>(() => runner.RunAsync(["version"], Kubeconfig, Ct));
    }

    [Fact]
    public async Task RunAsync_RealKubectl_PrintsItsClientVersion()
    {
        Assert.True(KubectlCommandParser.TryParse("kubectl version --client -o json", out var command, out _));

        var result = await new KubectlRunner().RunAsync(command, Kubeconfig, Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("clientVersion", result.StandardOutput, StringComparison.Ordinal);
    }

    private string Script(string body)
    {
        var path = Path.Combine(_folder.FullName, "kubectl-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
