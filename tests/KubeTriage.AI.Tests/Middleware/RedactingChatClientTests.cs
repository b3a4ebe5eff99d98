using System.Text.Json.Nodes;
using KubeTriage.AI.Configuration;
using KubeTriage.AI.Tests.Providers;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Middleware;

public sealed class RedactingChatClientTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlY2FuYXJ5";
    private const string PemBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCcanaryPEMbody";
    private const string Base64Secret = "aHVudGVyMmNhbmFyeQ";

    private static readonly string[] Canaries = [Jwt, "c2lnbmF0dXJlY2FuYXJ5", PemBody, "hunter2canary", Base64Secret, "AKIAIOSFODNN7CANARY1", "sk-canary-user-regex"];

    public static TheoryData<ProviderKind> Providers => [ProviderKind.Anthropic, ProviderKind.OpenAI, ProviderKind.Gemini, ProviderKind.Bedrock];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetResponseAsync_CanarySecrets_NeverReachTheWire(ProviderKind kind)
    {
        await using var server = await ScriptedLlmServer.StartAsync(OkResponse(kind), OkStreamResponse(kind));
        var options = new ChatClientFactoryOptions();
        options.Redaction.AdditionalPatterns.Add(@"sk-canary-[a-z-]+");
        var client = Create(kind, server, options);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, $"Cluster token: Bearer {Jwt}"),
            new(ChatRole.User, $"The app logs DB_PASSWORD=hunter2canary and key AKIAIOSFODNN7CANARY1 and sk-canary-user-regex"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_logs", new Dictionary<string, object?> { ["pod"] = "web-1", ["filter"] = Jwt })]),
            new(ChatRole.Tool,
            [
                new FunctionResultContent("call_1", $"-----BEGIN RSA PRIVATE KEY-----\n{PemBody}\n-----END RSA PRIVATE KEY-----\nServer=db;User Id=app;Password=hunter2canary;"),
            ]),
            new(ChatRole.Tool,
            [
                new FunctionResultContent("call_2", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: {Base64Secret}==\n"),
            ]),
        };

        await client.GetResponseAsync(messages, TestConversation.Options(), TestContext.Current.CancellationToken);
        await client.GetStreamingResponseAsync(messages, TestConversation.Options(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(server.Requests);
        foreach (var request in server.Requests)
        {
            var wire = request.Body + "\n" + string.Join("\n", Strings(JsonNode.Parse(request.Body)));
            foreach (var canary in Canaries)
            {
                Assert.DoesNotContain(canary, wire, StringComparison.Ordinal);
            }

            Assert.Contains("[REDACTED]", wire, StringComparison.Ordinal);
            Assert.Contains("web-1", wire, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static ScriptedResponse OkResponse(ProviderKind kind) => kind switch
    {
        ProviderKind.Anthropic => ScriptedResponse.Json("""{"id":"m","model":"c","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}"""),
        ProviderKind.OpenAI => ScriptedResponse.Json("""{"id":"c","model":"g","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}"""),
        ProviderKind.Gemini => ScriptedResponse.Json(GeminiWireTests.CallResponse),
        _ => ScriptedResponse.Json(BedrockWireTests.ToolUseResponse),
    };

    // Only Bedrock's stream is not a text format the other providers' readers tolerate as a plain JSON body.
    private static ScriptedResponse OkStreamResponse(ProviderKind kind)
        => kind == ProviderKind.Bedrock ? ScriptedResponse.EventStream(BedrockStreamingWireTests.TextStream) : OkResponse(kind);

    private static IChatClient Create(ProviderKind kind, ScriptedLlmServer server, ChatClientFactoryOptions options)
    {
        if (kind == ProviderKind.Bedrock)
        {
            var bedrock = ProviderConfiguration.FromEnvironment(BedrockWireTests.Environment(server));
            return ChatClientFactory.Create(bedrock, AgentRole.Collector, options);
        }

        var config = new ProviderConfiguration
        {
            Provider = kind,
            ApiKey = "k",
            Endpoint = kind == ProviderKind.OpenAI ? new Uri(server.BaseUrl, "v1/") : server.BaseUrl,
            CoordinatorModel = "m",
            CollectorModel = "m",
        };
        return ChatClientFactory.Create(config, AgentRole.Collector, options);
    }
}
