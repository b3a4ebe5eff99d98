using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KubeTriage.AI.Providers.Http;

internal static class SseStream
{
    /// <summary>Yields each SSE event as (event type, parsed JSON data); skips data that is not JSON such as <c>[DONE]</c>.</summary>
    public static async IAsyncEnumerable<(string EventType, JsonElement Data)> ReadAsync(
        HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data.Length == 0 || item.Data == "[DONE]")
            {
                continue;
            }

            using var document = JsonDocument.Parse(item.Data);
            yield return (item.EventType, document.RootElement.Clone());
        }
    }
}
