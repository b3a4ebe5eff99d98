using KubeTriage.Core.Model;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Core.Tests.Snapshots;

public sealed class SnapshotLoaderTests
{
    private static string NewDir() => Directory.CreateTempSubdirectory("kt-snap-").FullName;

    [Fact]
    public void Load_TypedListAndMultiDocumentYaml_FlattensItemsWithKinds()
    {
        var dir = NewDir();
        File.WriteAllText(Path.Combine(dir, "pods.json"), """{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"a","namespace":"shop"}},{"metadata":{"name":"b","namespace":"shop"}}]}""");
        File.WriteAllText(Path.Combine(dir, "more.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\ndata:\n  replicas: \"3\"\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: d\n    namespace: shop\n  spec:\n    replicas: 3\n");
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), "title: not an object\n");

        var result = SnapshotLoader.Load(dir);

        Assert.Empty(result.Warnings);
        Assert.Equal(["a", "b"], result.State.OfKind("Pod").Select(p => p.Name));
        Assert.Equal("v1", result.State.OfKind("Pod")[0].ApiVersion);
        Assert.Equal("3", result.State.Find("ConfigMap", "shop", "c")!.Raw.Str("data.replicas"));
        Assert.Equal(3, result.State.Find("Deployment", "shop", "d")!.Raw.Long("spec.replicas"));
        Assert.Equal(4, result.State.All.Count());
    }

    [Fact]
    public void Load_MalformedJson_WarnsWithLineAndKeepsOtherFiles()
    {
        var dir = NewDir();
        File.WriteAllText(Path.Combine(dir, "good.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
        File.WriteAllText(Path.Combine(dir, "bad.json"), "{\n  \"kind\": \"Pod\",\n  \"metadata\": {\n    \"name\": \"x\",,\n  }\n}\n");

        var result = SnapshotLoader.Load(dir);

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("bad.json:4: invalid JSON", warning);
        Assert.Single(result.State.OfKind("Namespace"));
    }

    [Fact]
    public void Load_ClusterInfoDumpLayout_ReadsListsAndPerContainerLogs()
    {
        var dir = NewDir();
        Directory.CreateDirectory(Path.Combine(dir, "shop", "api-1"));
        File.WriteAllText(Path.Combine(dir, "nodes.json"), """{"kind":"NodeList","apiVersion":"v1","items":[{"metadata":{"name":"node-1"}}]}""");
        File.WriteAllText(Path.Combine(dir, "shop", "pods.json"), """{"kind":"PodList","apiVersion":"v1","items":[{"metadata":{"name":"api-1","namespace":"shop"},"spec":{"containers":[{"name":"app"},{"name":"proxy"}]}}]}""");
        File.WriteAllText(Path.Combine(dir, "shop", "api-1", "logs.txt"),
            "==== START logs for container app of pod shop/api-1 ====\npanic: boom\n==== END logs for container app of pod shop/api-1 ====\n"
            + "==== START logs for container proxy of pod shop/api-1 ====\nproxy ready\n==== END logs for container proxy of pod shop/api-1 ====\n");

        var state = SnapshotLoader.Load(dir).State;

        Assert.Single(state.OfKind("Node"));
        Assert.Equal("panic: boom\n", state.Log("shop", "api-1", "app", previous: false)!.Text);
        Assert.Equal("proxy ready\n", state.Log("shop", "api-1", "proxy", previous: false)!.Text);
    }

    [Fact]
    public void Load_LogsFolder_ReadsCurrentAndPrevious()
    {
        var dir = NewDir();
        Directory.CreateDirectory(Path.Combine(dir, "logs", "shop", "api-1"));
        File.WriteAllText(Path.Combine(dir, "logs", "shop", "api-1", "app.log"), "now\n");
        File.WriteAllText(Path.Combine(dir, "logs", "shop", "api-1", "app.previous.log"), "before\n");

        var state = SnapshotLoader.Load(dir).State;

        Assert.Equal("now\n", state.Log("shop", "api-1", "app", previous: false)!.Text);
        Assert.Equal("before\n", state.Log("shop", "api-1", "app", previous: true)!.Text);
    }

    [Fact]
    public void Load_MissingDirectory_Throws()
        => Assert.Throws<DirectoryNotFoundException>(() => SnapshotLoader.Load("/nonexistent/kt"));
}
