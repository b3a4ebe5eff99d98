using System.Text.Json.Nodes;
using KubeTriage.Core.Model;
using KubeTriage.Remediation.Actions;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class ObjectDiffTests
{
    [Fact]
    public void Between_ServerBookkeeping_IsLeftOut()
    {
        var before = JsonNode.Parse("""{"metadata":{"name":"a","resourceVersion":"1","generation":1,"managedFields":[{"manager":"x"}],"labels":{"app":"a"}},"spec":{"replicas":1}}""")!.AsObject();
        var after = JsonNode.Parse("""{"metadata":{"name":"a","resourceVersion":"2","generation":2,"managedFields":[{"manager":"y"}],"labels":{"app":"a","app.kubernetes.io/part-of":"shop"}},"spec":{"replicas":1}}""")!.AsObject();

        var diff = ObjectDiff.Between(new ObjectRef("Deployment", "shop", "a"), before, after);

        Assert.Equal("--- Deployment/shop/a (live)\n+++ Deployment/shop/a (after)\n+ metadata.labels[\"app.kubernetes.io/part-of\"]: shop\n", diff);
    }

    [Fact]
    public void Between_ListItemsByName_AddedContainerComesAfterItsNeighbour()
    {
        var before = JsonNode.Parse("""{"spec":{"containers":[{"name":"app","image":"a:1"}],"volumes":[]}}""")!.AsObject();
        var after = JsonNode.Parse("""{"spec":{"containers":[{"name":"app","image":"a:2"},{"name":"sidecar","image":"s:1"}],"volumes":[]}}""")!.AsObject();

        var diff = ObjectDiff.Between(new ObjectRef("Pod", "shop", "p"), before, after);

        Assert.EndsWith("- spec.containers[app].image: a:1\n+ spec.containers[app].image: a:2\n+ spec.containers[sidecar].name: sidecar\n+ spec.containers[sidecar].image: s:1\n", diff, StringComparison.Ordinal);
    }
}
