using System.Text.Json.Nodes;
using KubeTriage.Core.Analyzers.Networking;

namespace KubeTriage.Core.Tests.Analyzers;

public sealed class NetworkPolicyEvaluatorTests
{
    private static KubeObject Obj(string json) => new(JsonNode.Parse(json)!.AsObject());

    private static readonly KubeObject Api = Obj("""{"kind":"Pod","metadata":{"name":"api","namespace":"shop","labels":{"app":"api"}},"status":{"podIP":"10.244.1.5"}}""");
    private static readonly KubeObject Db = Obj("""{"kind":"Pod","metadata":{"name":"db-0","namespace":"data","labels":{"app":"postgres"}},"spec":{"containers":[{"name":"pg","ports":[{"name":"pg","containerPort":5432}]}]},"status":{"podIP":"10.244.2.9"}}""");
    private static readonly KubeObject DataNs = Obj("""{"kind":"Namespace","metadata":{"name":"data","labels":{"team":"data"}}}""");

    private static ClusterState Cluster(params string[] policies)
        => new([Api, Db, DataNs, .. policies.Select(Obj)], []);

    [Fact]
    public void Allows_NoPolicies_Allowed()
        => Assert.True(new NetworkPolicyEvaluator(Cluster()).Allows(Api, Db, 5432).Allowed);

    [Fact]
    public void Allows_DefaultDenyEgress_BlockedByThatPolicy()
    {
        var evaluator = new NetworkPolicyEvaluator(Cluster("""{"kind":"NetworkPolicy","metadata":{"name":"default-deny","namespace":"shop"},"spec":{"podSelector":{},"policyTypes":["Egress"]}}"""));

        var (allowed, blocking) = evaluator.Allows(Api, Db, 5432);

        Assert.False(allowed);
        Assert.Equal("default-deny", Assert.Single(blocking).Name);
    }

    [Fact]
    public void Allows_EgressRuleToNamespaceAndNamedPort_Allowed()
    {
        var evaluator = new NetworkPolicyEvaluator(Cluster(
            """{"kind":"NetworkPolicy","metadata":{"name":"default-deny","namespace":"shop"},"spec":{"podSelector":{},"policyTypes":["Egress"]}}""",
            """{"kind":"NetworkPolicy","metadata":{"name":"api-to-db","namespace":"shop"},"spec":{"podSelector":{"matchLabels":{"app":"api"}},"policyTypes":["Egress"],"egress":[{"to":[{"namespaceSelector":{"matchLabels":{"team":"data"}},"podSelector":{"matchLabels":{"app":"postgres"}}}],"ports":[{"port":"pg"}]}]}}"""));

        Assert.True(evaluator.Allows(Api, Db, 5432).Allowed);
        Assert.False(evaluator.Allows(Api, Db, 6379).Allowed);
    }

    [Fact]
    public void Allows_IngressIsolationOnDestinationWithoutMatchingPeer_Blocked()
    {
        var evaluator = new NetworkPolicyEvaluator(Cluster(
            """{"kind":"NetworkPolicy","metadata":{"name":"db-ingress","namespace":"data"},"spec":{"podSelector":{"matchLabels":{"app":"postgres"}},"ingress":[{"from":[{"podSelector":{"matchLabels":{"app":"reporting"}}}]}]}}"""));

        var (allowed, blocking) = evaluator.Allows(Api, Db, 5432);

        Assert.False(allowed);
        Assert.Equal("db-ingress", Assert.Single(blocking).Name);
    }
}
