using System.Text;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Server.Apis;

/// <summary>Writes Server-Sent Events with proper <c>event:</c>/<c>data:</c> framing, flushing each event.</summary>
internal sealed class SseWriter(HttpResponse response)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(string eventName, string data, CancellationToken ct)
    {
        var frame = new StringBuilder().Append("event: ").Append(eventName).Append('\n');

        // A data value with line breaks is sent as several data: lines, which the client joins with \n.
        foreach (var line in data.Split('\n'))
        {
            frame.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        frame.Append('\n');
        await _gate.WaitAsync(ct);
        try
        {
            await response.WriteAsync(frame.ToString(), ct);
            await response.Body.FlushAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
