using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeTriage.Server.Tests;

/// <summary>An OpenAI-compatible chat completions server on 127.0.0.1 playing a competent investigation by role.</summary>
/// <remarks>
/// The coordinator (offered "delegate") asks a logs collector about the ingress controller, then answers with
/// <see cref="Report"/>. The cheap collector reads the controller's 503 lines and is unsure ("confidence: low"), so
/// the stronger model re-runs the task and is sure. A question containing "hang" never gets an answer: the server
/// waits until the caller aborts the request, and counts that.
/// </remarks>
internal sealed class ScriptedLlm : IAsyncDisposable
{
    public const string StrongModel = "gpt-strong";
    public const string CheapModel = "gpt-cheap";
    public const string IngressPod = "ingress-nginx-controller-nxxfrqjzl-78xsb";

    public const string Report = """
        {"summary":"Checkout is down: its pods cannot start because Secret checkout-db is missing, so the ingress answers 503.",
         "rootCauses":[{"category":"MissingSecret","severity":"critical","resource":{"kind":"Deployment","namespace":"shop","name":"checkout"},
          "title":"Secret checkout-db does not exist","explanation":"The pods reference Secret checkout-db; the ingress logs 503 for /api/checkout.",
          "evidence":[{"source":"log","text":"Service \"shop/checkout\" does not have any active Endpoint."}],
          "affected":[{"kind":"Service","namespace":"shop","name":"checkout"}],
          "remediation":[{"description":"Create the Secret","command":"kubectl create secret generic checkout-db -n shop","risk":"confirm"}]}]}
        """;

    private readonly WebApplication _app;
    private int _aborted;

    private ScriptedLlm(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public int Aborted => Volatile.Read(ref _aborted);

    public Uri BaseUrl => new(_app.Urls.First() + "/v1/");

    public static async Task<ScriptedLlm> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedLlm(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        Requests.Enqueue(body);
        var messages = body["messages"]!.AsArray();
        var tools = body["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
        var answered = messages.Any(m => m!["role"]!.GetValue<string>() == "tool");
        if (messages.Any(m => m!["role"]!.GetValue<string>() == "user" && (m["content"]?.ToString() ?? "").Contains("hang", StringComparison.Ordinal)))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _aborted);
            }

            return Results.Empty;
        }

        if (tools.Contains("delegate"))
        {
            return answered
                ? Text(Report)
                : Call("delegate", new JsonObject { ["task"] = "Read the ingress controller logs in ingress-nginx: which backends fail?", ["source"] = "logs" });
        }

        if (!answered)
        {
            return Call("get_logs", new JsonObject { ["namespace"] = "ingress-nginx", ["pod"] = IngressPod, ["grep"] = "Endpoint" });
        }

        return body["model"]!.GetValue<string>() == CheapModel
            ? Text("ingress-nginx logs mention shop/checkout, cause unclear.\nconfidence: low")
            : Text("ingress-nginx: Service \"shop/checkout\" does not have any active Endpoint (repeated).\nconfidence: high");
    }

    private static IResult Text(string content) => Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop");

    private static IResult Call(string name, JsonObject arguments) => Completion(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = "call_" + name,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments.ToJsonString() },
        }),
    }, "tool_calls");

    private static IResult Completion(JsonObject message, string finishReason) => Results.Json(new JsonObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion",
        ["created"] = 1763719200,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1000, ["completion_tokens"] = 50, ["total_tokens"] = 1050 },
    });
}
