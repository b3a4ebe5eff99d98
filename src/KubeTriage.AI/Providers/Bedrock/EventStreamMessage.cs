namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>One decoded <c>application/vnd.amazon.eventstream</c> message: its string headers and raw payload.</summary>
internal sealed record EventStreamMessage(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Payload)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
