using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Tests.Units;

public sealed class ResourceTableTests
{
    [Fact]
    public void Table_WritesAfterSnapshot_KeepKeyOrderAndLeaveOldSnapshotsAlone()
    {
        var table = new ResourceTable();
        foreach (var name in new[] { "c", "a", "e" })
        {
            table.Put(Item("ns", name), bulk: true);
        }

        var first = table.Snapshot();
        table.Put(Item("ns", "b"));
        table.Put(Item("ns", "e"));
        table.Put(Item("ns", "f"));
        table.Remove("ns/a");

        Assert.Equal(["ns/a", "ns/c", "ns/e"], first.Select(i => i.TableKey));
        Assert.Equal(["ns/b", "ns/c", "ns/e", "ns/f"], table.Snapshot().Select(i => i.TableKey));
    }

    [Fact]
    public void Store_ListOneNamespace_IsExactlyThatNamespacesRange()
    {
        var store = new ObjectStore(TimeProvider.System);
        foreach (var (ns, name) in new[] { ("team", "x"), ("team-a", "y"), ("team0", "z"), ("team", "a"), ("tea", "m") })
        {
            store.Seed(new StoreKey("", "pods", ns, name), new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns } });
        }

        store.FinishSeeding();

        Assert.Equal(["team/a", "team/x"], store.List("", "pods", "team").Range.Select(i => i.TableKey));
        Assert.Equal(["tea/m", "team-a/y", "team/a", "team/x", "team0/z"], store.List("", "pods", null).Range.Select(i => i.TableKey));
        Assert.Equal(0, store.List("", "pods", "other").Count);
    }

    private static StoredObject Item(string ns, string name) => new(new StoreKey("", "pods", ns, name), new JsonObject());
}
