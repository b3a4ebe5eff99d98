using System.Threading.Channels;
using KubeTriage.Server.Contracts;
using KubeTriage.Storage;

namespace KubeTriage.Server.Investigations;

/// <summary>Alerts accepted by the webhook, waiting for the background worker; bounded so a storm cannot exhaust memory.</summary>
internal sealed class AlertQueue
{
    private readonly Channel<(Investigation Record, AlertRequest Alert)> _channel =
        Channel.CreateBounded<(Investigation, AlertRequest)>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(Investigation record, AlertRequest alert) => _channel.Writer.TryWrite((record, alert));

    public IAsyncEnumerable<(Investigation Record, AlertRequest Alert)> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
