using System.Threading.Channels;

namespace KubeTriage.Sandbox.Storage;

/// A live feed of store events for one storage resource; dispose to stop receiving.
internal sealed class WatchSubscription(string group, string resource, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

    public string Group { get; } = group;

    public string Resource { get; } = resource;

    public ChannelReader<StoreEvent> Reader => _channel.Reader;

    public void Publish(StoreEvent change) => _channel.Writer.TryWrite(change);

    public void Dispose()
    {
        unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
