using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Tests.Policy;

public sealed class RemediationPolicyTests
{
    private const string Permissive = """
        defaultTier: confirm
        protectedNamespaces: [payments]
        rules:
          - name: anything-in-shop
            tier: safe
            namespaces: [shop]
          - name: labelled
            tier: safe
            matchLabels: {team: web}
          - name: no-cm-deletes
            tier: forbidden
            verbs: [delete]
            kinds: [configmaps]
        workflows:
          alert:
            rules:
              - name: alert-deletes
                tier: confirm
                verbs: [delete]
          loose:
            defaultTier: safe
        """;

    private static readonly RemediationPolicy Policy = PolicyLoader.Parse(Permissive, "test.yaml");

    private static MutationRequest Delete(string kind = "Pod", string? ns = "shop", string? name = "checkout-1")
        => new() { Verb = "delete", Kind = kind, Namespace = ns, Name = name };

    [Fact]
    public void Evaluate_ReadOnlyDefault_ForbidsWithTheDocumentedReason()
    {
        var decision = RemediationPolicy.ReadOnly.Evaluate(Delete());
        Assert.Equal(RiskTier.Forbidden, decision.Tier);
        Assert.Equal("no autonomy policy configured; KubeTriage is read-only", decision.Reason);
        Assert.Same(RemediationPolicy.ReadOnly, PolicyLoader.Load(null));
    }

    [Fact]
    public void Evaluate_MatchingSafeRule_IsSafe()
    {
        var decision = Policy.Evaluate(Delete());
        Assert.Equal(RiskTier.Safe, decision.Tier);
        Assert.Equal("anything-in-shop", decision.Rule);
    }

    [Fact]
    public void Evaluate_NoRuleMatches_UsesDefaultTier()
    {
        var decision = Policy.Evaluate(Delete(ns: "web"));
        Assert.Equal(RiskTier.Confirm, decision.Tier);
        Assert.Equal("default", decision.Rule);
    }

    [Fact]
    public void Evaluate_FirstMatchingRuleWins()
    {
        Assert.Equal(RiskTier.Safe, Policy.Evaluate(Delete(kind: "ConfigMap")).Tier);
        Assert.Equal(RiskTier.Forbidden, Policy.Evaluate(Delete(kind: "cm", ns: "web")).Tier);
    }

    [Fact]
    public void Evaluate_MatchLabels_NeedsEveryLabel()
    {
        var labelled = Delete(ns: "web") with { Labels = new Dictionary<string, string> { ["team"] = "web" } };
        Assert.Equal(RiskTier.Safe, Policy.Evaluate(labelled).Tier);
        var other = Delete(ns: "web") with { Labels = new Dictionary<string, string> { ["team"] = "db" } };
        Assert.Equal(RiskTier.Confirm, Policy.Evaluate(other).Tier);
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    [InlineData("kube-node-lease")]
    [InlineData("payments")]
    public void Evaluate_ProtectedNamespace_IsForbiddenWhateverTheRules(string ns)
    {
        var policy = PolicyLoader.Parse("protectedNamespaces: [payments]\nrules: [{tier: safe}]", "p.yaml");
        var decision = policy.Evaluate(Delete(ns: ns));
        Assert.Equal(RiskTier.Forbidden, decision.Tier);
        Assert.Equal("builtin:protected-namespace", decision.Rule);
    }

    [Theory]
    [InlineData("Namespace")]
    [InlineData("ns")]
    [InlineData("nodes")]
    [InlineData("pv")]
    [InlineData("PersistentVolumeClaim")]
    [InlineData("crd")]
    [InlineData("Role")]
    [InlineData("clusterrolebindings")]
    [InlineData("sa")]
    [InlineData("csr")]
    [InlineData("validatingwebhookconfigurations")]
    public void Evaluate_ProtectedKind_IsForbidden(string kind)
    {
        var policy = PolicyLoader.Parse("rules: [{tier: safe}]", "p.yaml");
        Assert.Equal("builtin:protected-kind", policy.Evaluate(Delete(kind: kind)).Rule);
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("attach")]
    [InlineData("port-forward")]
    [InlineData("proxy")]
    public void Evaluate_ConnectVerb_IsForbidden(string verb)
        => Assert.Equal(RiskTier.Forbidden, Policy.Evaluate(Delete() with { Verb = verb }).Tier);

    [Fact]
    public void Evaluate_BulkRequests_AreForbidden()
    {
        Assert.Equal("builtin:bulk", Policy.Evaluate(Delete() with { AllNamespaces = true }).Rule);
        Assert.Equal("builtin:bulk", Policy.Evaluate(Delete(name: null) with { AllObjects = true }).Rule);
        Assert.Equal("builtin:bulk", Policy.Evaluate(Delete(name: null) with { Verb = "deletecollection" }).Rule);
        Assert.Equal("builtin:bulk", Policy.Evaluate(Delete(name: null) with { LabelSelector = "app=x" }).Rule);
        Assert.Equal("builtin:bulk", Policy.Evaluate(Delete(name: null) with { LabelSelector = "app=x", MatchedObjects = 6 }).Rule);
        Assert.Equal("builtin:bulk", Policy.Evaluate(Delete(kind: "all")).Rule);
    }

    [Fact]
    public void Evaluate_SelectorWithinTheLimit_FollowsTheRules()
    {
        var decision = Policy.Evaluate(Delete(name: null) with { LabelSelector = "app=x", MatchedObjects = 5 });
        Assert.Equal(RiskTier.Safe, decision.Tier);
        var strict = PolicyLoader.Parse("maxBulkObjects: 2\nrules: [{tier: safe}]", "p.yaml");
        Assert.Equal(RiskTier.Forbidden, strict.Evaluate(Delete(name: null) with { LabelSelector = "a=b", MatchedObjects = 3 }).Tier);
    }

    [Theory]
    [InlineData(1, RiskTier.Safe)]
    [InlineData(-2, RiskTier.Safe)]
    [InlineData(3, RiskTier.Forbidden)]
    [InlineData(-3, RiskTier.Forbidden)]
    [InlineData(null, RiskTier.Confirm)]
    public void Evaluate_Scale_IsBoundedToTwoReplicas(int? delta, RiskTier expected)
    {
        var scale = new MutationRequest { Verb = "scale", Kind = "Deployment", Namespace = "shop", Name = "web", ReplicaDelta = delta };
        Assert.Equal(expected, Policy.Evaluate(scale).Tier);
    }

    [Fact]
    public void Evaluate_ManyFailingPods_EscalatesSafeToConfirm()
    {
        Assert.Equal(RiskTier.Safe, Policy.Evaluate(Delete(), failingPodsInNamespace: 5).Tier);
        var decision = Policy.Evaluate(Delete(), failingPodsInNamespace: 6);
        Assert.Equal(RiskTier.Confirm, decision.Tier);
        Assert.Equal("builtin:escalation", decision.Rule);
    }

    [Fact]
    public void Evaluate_WorkflowOverride_OnlyTightens()
    {
        Assert.Equal(RiskTier.Confirm, Policy.Evaluate(Delete() with { Workflow = "alert" }).Tier);
        Assert.Equal(RiskTier.Forbidden, Policy.Evaluate(Delete(kind: "cm", ns: "web") with { Workflow = "alert" }).Tier);
        Assert.Equal(RiskTier.Confirm, Policy.Evaluate(Delete(ns: "web") with { Workflow = "loose" }).Tier);
        Assert.Equal(RiskTier.Safe, Policy.Evaluate(Delete() with { Workflow = "chat" }).Tier);
    }

    [Fact]
    public void Evaluate_ConfirmGuards_RaiseSafeRules()
    {
        var anything = PolicyLoader.Parse("rules: [{tier: safe}]", "p.yaml");
        Assert.Equal("builtin:unresolved-namespace", anything.Evaluate(Delete(ns: null)).Rule);
        Assert.Equal("builtin:unknown-kind", anything.Evaluate(Delete(kind: "Widget")).Rule);
        Assert.Equal("builtin:cluster-scoped", anything.Evaluate(Delete(kind: "StorageClass", ns: null)).Rule);
        Assert.Equal("builtin:secret", anything.Evaluate(Delete(kind: "secrets")).Rule);
        Assert.Equal("builtin:force-delete", anything.Evaluate(Delete() with { Force = true }).Rule);
        Assert.Equal(RiskTier.Confirm, anything.Evaluate(Delete() with { Force = true }).Tier);
    }

    [Fact]
    public void Evaluate_CommandsAndActions_MatchOnlyTheirSource()
    {
        var policy = PolicyLoader.Parse("""
            rules:
              - {name: cmd, tier: safe, commands: ["rollout restart"]}
              - {name: act, tier: safe, actions: [rollout-restart]}
            """, "p.yaml");
        var restart = new MutationRequest { Verb = "patch", Kind = "Deployment", Namespace = "shop", Name = "web" };
        Assert.Equal("cmd", policy.Evaluate(restart with { Command = "rollout restart" }).Rule);
        Assert.Equal("act", policy.Evaluate(restart with { Action = "rollout-restart" }).Rule);
        Assert.Equal("default", policy.Evaluate(restart with { Command = "set image" }).Rule);
    }
}
