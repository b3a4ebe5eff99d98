using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Patching;

namespace KubeTriage.Sandbox.Tests.Units;

public sealed class PatchTests
{
    private static JsonObject Spec() => JsonNode.Parse("""
        {"spec":{"containers":[{"name":"app","image":"a:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"side","image":"s:1"}],
        "volumes":[{"name":"v1"}]}}
        """)!.AsObject();

    [Fact]
    public void StrategicMergePatch_ContainerByName_MergesFields()
    {
        var result = StrategicMergePatch.Apply(Spec(), JsonNode.Parse("""{"spec":{"containers":[{"name":"app","image":"a:2"}]}}""")!.AsObject());
        var containers = result["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("a:2", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal(2, containers[0]!["env"]!.AsArray().Count);
    }

    [Fact]
    public void StrategicMergePatch_DeleteDirective_RemovesItem()
    {
        var result = StrategicMergePatch.Apply(Spec(), JsonNode.Parse("""{"spec":{"containers":[{"name":"app","env":[{"name":"A","$patch":"delete"}]}]}}""")!.AsObject());
        Assert.Equal("B", result["spec"]!["containers"]![0]!["env"]![0]!["name"]!.GetValue<string>());
        Assert.Single(result["spec"]!["containers"]![0]!["env"]!.AsArray());
    }

    [Fact]
    public void StrategicMergePatch_ReplaceDirective_ReplacesList()
    {
        var result = StrategicMergePatch.Apply(Spec(), JsonNode.Parse("""{"spec":{"volumes":[{"name":"v2"},{"$patch":"replace"}]}}""")!.AsObject());
        Assert.Equal("""[{"name":"v2"}]""", result["spec"]!["volumes"]!.ToJsonString());
    }

    [Fact]
    public void JsonPatch_FailedTest_Throws()
    {
        Assert.Throws<FormatException>(() => JsonPatch.Apply(Spec(), JsonNode.Parse("""[{"op":"test","path":"/spec/volumes/0/name","value":"x"}]""")!.AsArray()));
    }

    [Fact]
    public void MergePatch_Null_RemovesKey()
    {
        var result = MergePatch.Apply(Spec(), JsonNode.Parse("""{"spec":{"volumes":null}}"""));
        Assert.Null(result!["spec"]!["volumes"]);
    }

    [Fact]
    public void GoJson_HtmlCharacters_EscapedLikeGo()
    {
        var text = System.Text.Encoding.UTF8.GetString(GoJson.ToBytes(new JsonObject { ["a"] = "<none> & é\n" }));
        Assert.Equal("{\"a\":\"\\u003cnone\\u003e \\u0026 é\\n\"}\n", text);
    }
}
