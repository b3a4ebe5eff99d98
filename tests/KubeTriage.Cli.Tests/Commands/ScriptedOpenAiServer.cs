using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Cli.Tests.Commands;

/// <summary>An OpenAI-compatible chat completions server on 127.0.0.1 that answers by role: the coordinator delegates once, then reports.</summary>
internal sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _coordinatorCalls;

    private ScriptedOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public string BaseUrl => _app.Urls.First() + "/v1/";

    public static async Task<ScriptedOpenAiServer> StartAsync(string finalReportJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            server.Requests.Enqueue(body);
            var tools = body["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
            if (!tools.Contains("delegate"))
            {
                return Results.Json(Completion(new JsonObject { ["role"] = "assistant", ["content"] = "checkout pods cannot start: secret \"checkout-db\" not found (CreateContainerConfigError)." }, "stop"));
            }

            return Interlocked.Increment(ref server._coordinatorCalls) == 1
                ? Results.Json(Completion(new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_1",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = "delegate", ["arguments"] = "{\"task\":\"Why do the checkout pods in shop not start?\",\"source\":\"objects\"}" },
                    }),
                }, "tool_calls"))
                : Results.Json(Completion(new JsonObject { ["role"] = "assistant", ["content"] = finalReportJson }, "stop"));
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject Completion(JsonObject message, string finishReason) => new()
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("n")[..8],
        ["object"] = "chat.completion",
        ["created"] = 1763719200,
        ["model"] = "gpt-test",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1200, ["completion_tokens"] = 60, ["total_tokens"] = 1260 },
    };
}
