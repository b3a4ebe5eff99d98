using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Support;

/// One recorded request/response pair from tests/Fixtures/k8s-wire.
internal sealed record WireExchange(string Name, JsonObject Request, JsonObject Response)
{
    public string Method => Request["method"]!.GetValue<string>();

    public string PathAndQuery => Request["path_and_query"]!.GetValue<string>();

    public int Status => Response["status"]!.GetValue<int>();

    public JsonNode? RequestBody => Request["body"];

    public JsonNode? ResponseBody => Response["body"];

    public string? RequestHeader(string name) => Request["headers"]?[name]?.GetValue<string>();

    public string? ResponseHeader(string name) => Response["headers"]?[name]?.GetValue<string>();

    public static WireExchange Load(string name)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.WireFixtures, name + ".json")))!.AsObject();
        return new WireExchange(name, root["request"]!.AsObject(), root["response"]!.AsObject());
    }

    public static IEnumerable<string> AllNames() =>
        Directory.GetFiles(RepoPaths.WireFixtures, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;
}
