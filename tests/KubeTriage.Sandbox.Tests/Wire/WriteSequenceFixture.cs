using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Wire;

/// Replays the 07 writes once, in recorded order, on one sandbox, and keeps every response by file name.
public sealed class WriteSequenceFixture : IAsyncLifetime
{
    private readonly Dictionary<string, ReplayResponse> _responses = [];

    internal IReadOnlyDictionary<string, ReplayResponse> Responses => _responses;

    public async ValueTask InitializeAsync()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options());
        using var client = new WireClient(server);
        await RecordingTimeline.AdvanceAsync(client, 2);
        string? lastScaleRv = null;
        foreach (var name in RecordingTimeline.WriteSequence)
        {
            var exchange = WireExchange.Load(name);
            JsonNode? body = null;
            if (name.StartsWith("07-scale-put", StringComparison.Ordinal))
            {
                // The recorder sent the resourceVersion it had just read from GET scale; use ours.
                body = exchange.RequestBody!.DeepClone();
                body["metadata"]!["resourceVersion"] = lastScaleRv;
            }

            var response = await client.SendAsync(exchange, body);
            if (name == "07-scale-get")
            {
                lastScaleRv = response.Body?["metadata"]?["resourceVersion"]?.GetValue<string>();
            }

            _responses[name] = response;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
