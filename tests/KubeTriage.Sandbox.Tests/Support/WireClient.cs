using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Support;

/// Sends recorded requests to a sandbox with the recorder's headers and token of the right identity.
internal sealed class WireClient(SandboxServer server) : IDisposable
{
    private readonly HttpClient _http = new(server.CreateHttpHandler()) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static string TokenFor(string fileName) => fileName switch
    {
        _ when fileName.StartsWith("08-bad-token", StringComparison.Ordinal) => "made-up-token",
        _ when fileName.StartsWith("08-viewer", StringComparison.Ordinal) => RecordedCluster.ViewerToken,
        _ => RecordedCluster.AdminToken,
    };

    public HttpRequestMessage Build(WireExchange exchange, JsonNode? bodyOverride = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(exchange.Method), exchange.PathAndQuery.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Accept", exchange.RequestHeader("Accept") ?? "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "k8s-wire-recorder/1.0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(exchange.Name));
        var body = bodyOverride ?? exchange.RequestBody;
        if (body is not null)
        {
            var text = body is JsonValue value && value.TryGetValue<string>(out var s) ? s : body.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(exchange.RequestHeader("Content-Type") ?? "application/json");
        }

        return request;
    }

    public async Task<ReplayResponse> SendAsync(WireExchange exchange, JsonNode? bodyOverride = null)
    {
        using var response = await _http.SendAsync(Build(exchange, bodyOverride), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ReplayResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text) { Body = TryParse(text) };
    }

    /// <summary>Opens a watch and hands each line to <paramref name="onLine"/> until it returns false or the server ends the stream.</summary>
    public async Task<ReplayResponse> WatchAsync(WireExchange exchange, Func<int, Task<bool>> afterLine, Func<Task>? onOpen = null)
    {
        using var response = await _http.SendAsync(Build(exchange), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var lines = new JsonArray();
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        if (onOpen is not null)
        {
            await onOpen();
        }

        if (await afterLine(0))
        {
            while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            {
                lines.Add(JsonNode.Parse(line));
                if (!await afterLine(lines.Count))
                {
                    break;
                }
            }
        }

        return new ReplayResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), "") { Body = lines };
    }

    public async Task<JsonNode?> PatchAsync(string path, string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RecordedCluster.AdminToken);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
