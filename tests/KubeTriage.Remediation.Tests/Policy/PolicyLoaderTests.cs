using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Tests.Policy;

public sealed class PolicyLoaderTests
{
    private static readonly MutationRequest DeletePod = new() { Verb = "delete", Kind = "Pod", Namespace = "shop", Name = "a" };

    [Theory]
    [InlineData("rules: [{tier: sometimes}]", "unknown tier 'sometimes'")]
    [InlineData("defaultTier: maybe", "unknown tier 'maybe'")]
    [InlineData("rules: [{tier: safe, colour: red}]", "colour")]
    [InlineData("unknownTop: 1", "unknownTop")]
    [InlineData("rules: [{verbs: [delete]}]", "tier is required")]
    [InlineData("rules: [{tier: safe, verbs: [remove]}]", "unknown verb 'remove'")]
    [InlineData("rules: [{tier: safe, namespaces: [Shop_1]}]", "not a namespace name")]
    [InlineData("protectedNamespaces: ['']", "not a namespace name")]
    [InlineData("maxBulkObjects: -1", "maxBulkObjects")]
    [InlineData("version: 2", "version 2")]
    [InlineData("rules: {tier: safe}", "")]
    [InlineData("rules: [{tier: safe}\n", "")]
    [InlineData("defaultTier: safe\ndefaultTier: confirm", "")]
    [InlineData("", "empty")]
    [InlineData("workflows: {alert: {rules: [{tier: lax}]}}", "workflows.alert")]
    public void Parse_BadPolicy_FailsClosedNamingTheFileAndTheError(string yaml, string expected)
    {
        var policy = PolicyLoader.Parse(yaml, "/etc/kubetriage/policy.yaml");
        Assert.True(policy.ForbidsEverything);
        var decision = policy.Evaluate(DeletePod);
        Assert.Equal(RiskTier.Forbidden, decision.Tier);
        Assert.Equal("builtin:fail-closed", decision.Rule);
        Assert.Contains("/etc/kubetriage/policy.yaml", decision.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_FailsClosed()
    {
        var path = Path.Combine(Path.GetTempPath(), "kubetriage-no-such-policy-" + Guid.NewGuid() + ".yaml");
        var policy = PolicyLoader.Load(path);
        Assert.True(policy.ForbidsEverything);
        Assert.Contains(path, policy.Evaluate(DeletePod).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_FailsClosed()
        => Assert.True(PolicyLoader.Load(Path.GetTempPath()).ForbidsEverything);

    [Fact]
    public void Parse_MinimalPolicy_DefaultsToConfirm()
    {
        var policy = PolicyLoader.Parse("rules: []", "p.yaml");
        Assert.False(policy.ForbidsEverything);
        Assert.Equal(RiskTier.Confirm, policy.Evaluate(DeletePod).Tier);
    }

    [Fact]
    public void Parse_KindAliasesAndWildcards_Match()
    {
        var policy = PolicyLoader.Parse("rules: [{tier: safe, kinds: [PO], namespaces: ['shop-*'], verbs: ['*']}]", "p.yaml");
        Assert.Equal(RiskTier.Safe, policy.Evaluate(DeletePod with { Namespace = "shop-eu" }).Tier);
        Assert.Equal(RiskTier.Safe, policy.Evaluate(DeletePod with { Namespace = "shop-eu", Kind = "pods" }).Tier);
        Assert.Equal(RiskTier.Confirm, policy.Evaluate(DeletePod).Tier);
    }

    [Fact]
    public void Parse_GarbageNeverThrows()
    {
        var random = new Random(7);
        const string alphabet = "abc:{}[]-, \n'\"&*!|>#%@`tiersafe";
        for (var i = 0; i < 500; i++)
        {
            var yaml = new string([.. Enumerable.Range(0, random.Next(60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            _ = PolicyLoader.Parse(yaml, "fuzz.yaml").Evaluate(DeletePod);
        }
    }
}
