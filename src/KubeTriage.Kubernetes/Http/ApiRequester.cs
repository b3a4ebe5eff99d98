using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Sends one API request with the per-call timeout and maps every failure to a <see cref="KubernetesException"/>.</summary>
internal sealed class ApiRequester(HttpClient http, string server, KubernetesClientOptions options)
{
    public async Task<JsonObject> SendJsonAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            return await JsonNode.ParseAsync(stream, cancellationToken: timeout.Token).ConfigureAwait(false) as JsonObject
                ?? throw new KubernetesConnectionException(server, $"{method} {path} returned JSON that is not an object");
        }
        catch (JsonException ex)
        {
            throw new KubernetesConnectionException(server, $"{method} {path} returned invalid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Sends a GET and parses the reply as a read-only document (no node tree): the path for big lists.</summary>
    public async Task<JsonDocument> GetDocumentAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new KubernetesConnectionException(server, $"GET {path} returned invalid JSON: {ex.Message}", ex);
        }
    }

    public async Task<string> SendTextAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Returns a successful response whose body is still streaming; only reaching the headers is timed.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout, cancellationToken).ConfigureAwait(false);
    }

    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            cts.CancelAfter(options.RequestTimeout);
        }

        return cts;
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationTokenSource timeout, CancellationToken callerToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new KubernetesConnectionException(server, ConnectionErrors.Describe(ex), ex);
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            throw new KubernetesConnectionException(server, $"request timed out after {options.RequestTimeout.TotalSeconds:0.###}s", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ApiErrors.FromResponseAsync(response, timeout.Token).ConfigureAwait(false);
        }
    }
}
