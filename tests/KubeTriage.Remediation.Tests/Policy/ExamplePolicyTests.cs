using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Tests.Policy;

/// <summary>deploy/policy.example.yaml parses and does what its comments and docs/design/remediation-policy.md say.</summary>
public sealed class ExamplePolicyTests
{
    private static readonly RemediationPolicy Example = PolicyLoader.Load(Path.Combine(RepoPaths.Root, "deploy", "policy.example.yaml"));

    private static MutationRequest Request(string verb, string kind, string ns, string? workflow = null)
        => new() { Verb = verb, Kind = kind, Namespace = ns, Name = "x", Workflow = workflow };

    [Fact]
    public void Example_Parses() => Assert.False(Example.ForbidsEverything, Example.RefusalReason);

    [Fact]
    public void Example_BehavesAsDocumented()
    {
        Assert.Equal(RiskTier.Safe, Example.Evaluate(Request("delete", "Pod", "shop")).Tier);
        Assert.Equal(RiskTier.Safe, Example.Evaluate(Request("patch", "Deployment", "shop-eu") with { Command = "rollout restart" }).Tier);
        Assert.Equal(RiskTier.Safe, Example.Evaluate(Request("patch", "Deployment", "shop") with { Action = "rollout-restart" }).Tier);
        Assert.Equal(RiskTier.Confirm, Example.Evaluate(Request("patch", "Deployment", "shop") with { Command = "set image" }).Tier);
        Assert.Equal(RiskTier.Safe, Example.Evaluate(Request("scale", "Deployment", "shop") with { ReplicaDelta = 1 }).Tier);
        Assert.Equal(RiskTier.Forbidden, Example.Evaluate(Request("delete", "Deployment", "shop")).Tier);
        Assert.Equal(RiskTier.Forbidden, Example.Evaluate(Request("delete", "Pod", "payments")).Tier);
        Assert.Equal(RiskTier.Forbidden, Example.Evaluate(Request("delete", "Pod", "monitoring")).Tier);
        Assert.Equal(RiskTier.Confirm, Example.Evaluate(Request("delete", "Pod", "web")).Tier);
        var critical = Request("delete", "Pod", "shop") with { Labels = new Dictionary<string, string> { ["tier"] = "critical" } };
        Assert.Equal(RiskTier.Confirm, Example.Evaluate(critical).Tier);
    }

    [Fact]
    public void Example_WorkflowsTighten()
    {
        Assert.Equal(RiskTier.Confirm, Example.Evaluate(Request("delete", "Pod", "shop", "alert")).Tier);
        Assert.Equal(RiskTier.Safe, Example.Evaluate(Request("delete", "Pod", "shop", "chat")).Tier);
        Assert.Equal(RiskTier.Confirm, Example.Evaluate(Request("scale", "Deployment", "shop", "chat") with { ReplicaDelta = 1 }).Tier);
    }
}
