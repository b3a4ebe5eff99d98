using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>One recorded request/response pair from k8s-wire, with the response body rebuilt as the server sent it.</summary>
internal sealed record RecordedExchange(
    string Name,
    string Method,
    string PathAndQuery,
    string? RequestContentType,
    JsonNode? RequestBody,
    int Status,
    string ContentType,
    byte[] Body)
{
    private static readonly JsonSerializerOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JsonNode? ResponseJson { get; init; }

    public static RecordedExchange Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var request = root["request"]!.AsObject();
        var response = root["response"]!.AsObject();
        var headers = response["headers"]?.AsObject();
        var body = response["body"];
        var isWatch = request["path_and_query"]!.GetValue<string>().Contains("watch=", StringComparison.Ordinal);
        return new RecordedExchange(
            Path.GetFileName(path),
            request["method"]!.GetValue<string>(),
            request["path_and_query"]!.GetValue<string>(),
            request["headers"]?["Content-Type"]?.GetValue<string>(),
            request["body"]?.DeepClone(),
            response["status"]!.GetValue<int>(),
            headers?["Content-Type"]?.GetValue<string>() ?? "application/json",
            Encode(body, isWatch))
        {
            ResponseJson = body?.DeepClone(),
        };
    }

    private static byte[] Encode(JsonNode? body, bool isWatch)
    {
        // The apiserver sends compact JSON plus "\n"; a watch sends one such line per event.
        if (body is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return Encoding.UTF8.GetBytes(value.GetValue<string>());
        }

        if (isWatch && body is JsonArray events)
        {
            return Encoding.UTF8.GetBytes(string.Concat(events.Select(e => e!.ToJsonString(_compact) + "\n")));
        }

        return body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString(_compact) + "\n");
    }
}
