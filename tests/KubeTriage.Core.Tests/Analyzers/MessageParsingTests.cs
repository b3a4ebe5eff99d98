using KubeTriage.Core.Analyzers.Logs;
using KubeTriage.Core.Analyzers.Pods;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Tests.Analyzers;

public sealed class MessageParsingTests
{
    [Theory]
    [InlineData("0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.", "InsufficientResources")]
    [InlineData("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.", "InsufficientResources")]
    [InlineData("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", "NodeSelectorMismatch")]
    [InlineData("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", "TaintNotTolerated")]
    [InlineData("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", "VolumeBindingFailure")]
    public void SchedulingFailure_SchedulerMessage_DominantCategory(string message, string expected)
        => Assert.Equal(expected, SchedulingFailure.Parse(message)?.DominantCategory());

    [Fact]
    public void SchedulingFailure_NotASchedulerMessage_Null()
        => Assert.Null(SchedulingFailure.Parse("Back-off restarting failed container"));

    [Theory]
    [InlineData("secret \"checkout-db\" not found", "Secret", "shop", "checkout-db", null)]
    [InlineData("configmap \"web-settings\" not found", "ConfigMap", "shop", "web-settings", null)]
    [InlineData("couldn't find key DB_PASSWORD in Secret billing/db-credentials", "Secret", "billing", "db-credentials", "DB_PASSWORD")]
    [InlineData("couldn't find key FEATURE_FLAGS in ConfigMap shop/web-config", "ConfigMap", "shop", "web-config", "FEATURE_FLAGS")]
    [InlineData("MountVolume.SetUp failed for volume \"tls\" : secret \"web-tls\" not found", "Secret", "shop", "web-tls", null)]
    public void MissingReference_KubeletMessage_Parsed(string message, string kind, string ns, string name, string? key)
        => Assert.Equal(new MissingReference(kind, ns, name, key), MissingReference.Parse(message, "shop"));

    [Theory]
    [InlineData("Failed to pull image \"ghcr.io/acme/web:2.1\": rpc error: code = NotFound desc = failed to pull and unpack image \"ghcr.io/acme/web:2.1\": failed to resolve reference \"ghcr.io/acme/web:2.1\": ghcr.io/acme/web:2.1: not found", ImagePullProblem.NotFound)]
    [InlineData("Failed to pull image \"registry.gitlab.com/a/b:1\": rpc error: code = Unknown desc = failed to pull and unpack image: failed to resolve reference: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed", ImagePullProblem.Unauthorized)]
    [InlineData("Failed to pull image \"registry.internal.example/x:1\": rpc error: code = Unknown desc = failed to do request: Head \"https://registry.internal.example/v2/x/manifests/1\": dial tcp: lookup registry.internal.example on 10.0.0.2:53: no such host", ImagePullProblem.Unreachable)]
    public void ImagePullClassifier_RegistryAnswer_Classified(string message, ImagePullProblem expected)
        => Assert.Equal(expected, ImagePullClassifier.Classify(message));

    [Fact]
    public void LogSignatureScanner_ConnectionRefused_ExtractsHostNotTimestamp()
    {
        var log = "2026-11-21T09:58:01.123Z ERROR db: dial tcp 10.96.45.12:5432: connect: connection refused\n";

        var signature = Assert.Single(LogSignatureScanner.Scan(log));

        Assert.Equal(LogSignatureKind.ConnectionRefused, signature.Kind);
        Assert.Equal("10.96.45.12", signature.Host);
        Assert.Equal(5432, signature.Port);
    }

    [Fact]
    public void LogSignatureScanner_NoSuchHost_ExtractsName()
    {
        var signature = Assert.Single(LogSignatureScanner.Scan("dial tcp: lookup redis.cache.svc.cluster.local on 10.96.0.10:53: no such host"));

        Assert.Equal(LogSignatureKind.NoSuchHost, signature.Kind);
        Assert.Equal("redis.cache.svc.cluster.local", signature.Host);
    }

    [Fact]
    public void LogSignatureScanner_RepeatedLinesDifferingInNumbers_ReportedOnce()
    {
        var log = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"panic: runtime error: index out of range [{i}] with length {i}"));

        Assert.Single(LogSignatureScanner.Scan(log));
    }

    [Fact]
    public void LogSignatureScanner_PythonTraceback_Found()
    {
        var log = "Starting worker\nTraceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\nKeyError: 'DATABASE_URL'\n";

        var kinds = LogSignatureScanner.Scan(log).Select(s => s.Kind).ToList();

        Assert.Contains(LogSignatureKind.StackTrace, kinds);
    }

    [Fact]
    public void Categories_SymptomsAreLessSpecificThanCauses()
    {
        Assert.True(Categories.Specificity(Categories.MissingSecret) < Categories.Specificity(Categories.AppCrash));
        Assert.True(Categories.Specificity(Categories.AppCrash) < Categories.Specificity(Categories.RolloutStuck));
    }
}
