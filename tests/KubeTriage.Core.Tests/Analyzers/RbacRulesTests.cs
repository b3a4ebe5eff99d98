using System.Text.Json.Nodes;
using KubeTriage.Core.Analyzers.Logs;

namespace KubeTriage.Core.Tests.Analyzers;

public sealed class RbacRulesTests
{
    private static KubeObject Obj(string json) => new(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Bound_RoleBindingInRequestNamespace_ReturnsRulesThatDecide()
    {
        var cluster = new ClusterState(
        [
            Obj("""{"kind":"Role","metadata":{"name":"reader","namespace":"ops"},"rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list"]}]}"""),
            Obj("""{"kind":"RoleBinding","metadata":{"name":"reader","namespace":"ops"},"roleRef":{"kind":"Role","name":"reader"},"subjects":[{"kind":"ServiceAccount","name":"reporter","namespace":"ops"}]}"""),
            Obj("""{"kind":"ClusterRoleBinding","metadata":{"name":"other"},"roleRef":{"kind":"ClusterRole","name":"view"},"subjects":[{"kind":"ServiceAccount","name":"someone-else","namespace":"ops"}]}"""),
        ], []);

        var bound = RbacRules.Bound(cluster, "ops", "reporter", "ops");

        var rule = Assert.Single(Assert.Single(bound).Rules);
        Assert.True(RbacRules.Allows(rule, "list", "", "configmaps"));
        Assert.False(RbacRules.Allows(rule, "watch", "", "configmaps"));
        Assert.False(RbacRules.Allows(rule, "list", "apps", "deployments"));
        Assert.Empty(RbacRules.Bound(cluster, "ops", "reporter", null));
    }
}
