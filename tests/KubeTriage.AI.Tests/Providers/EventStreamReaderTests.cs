using System.Text;
using KubeTriage.AI.Providers.Bedrock;
using KubeTriage.AI.Tests.Server;

namespace KubeTriage.AI.Tests.Providers;

public sealed class EventStreamReaderTests
{
    [Fact]
    public void Compute_CheckString_MatchesTheCrc32IeeeCheckValue()
    {
        var check = "123456789"u8;

        Assert.Equal(0xCBF43926u, Crc32.Compute(check));
        Assert.Equal(0xCBF43926u, EventStreamEncoder.Crc32(check));
    }

    [Fact]
    public async Task ReadAsync_FramesArrivingOneByteAtATime_DecodesHeadersAndPayloads()
    {
        var frames = BedrockStreamingWireTests.TextStream;
        using var stream = new TrickleStream([.. frames.SelectMany(f => f)]);

        var messages = await EventStreamReader.ReadAsync(stream, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(frames.Length, messages.Count);
        Assert.Equal(["messageStart", "contentBlockDelta", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"], messages.Select(m => m.Header(":event-type")));
        Assert.All(messages, m => Assert.Equal("event", m.Header(":message-type")));
        Assert.Equal("""{"contentBlockIndex":0,"delta":{"text":"is OOMKilled."}}""", Encoding.UTF8.GetString(messages[2].Payload.Span));
    }

    [Fact]
    public async Task ReadAsync_NonStringHeaders_AreSkipped()
    {
        // A bool-true header (type 0) and a 2-byte-length byte array (type 6) ahead of the string header.
        byte[] headers = [1, (byte)'a', 0, 1, (byte)'b', 6, 0, 2, 0xFF, 0xFE, .. EncodedStringHeader(":event-type", "messageStop")];
        var frame = FrameWithRawHeaders(headers, """{"stopReason":"end_turn"}"""u8.ToArray());

        var message = Assert.Single(await EventStreamReader.ReadAsync(new MemoryStream(frame), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal("messageStop", message.Header(":event-type"));
        Assert.Single(message.Headers);
    }

    [Fact]
    public async Task ReadAsync_StreamCutMidMessage_ThrowsEndOfStream()
    {
        var frame = BedrockStreamingWireTests.TextStream[1];

        await Assert.ThrowsAsync<EndOfStreamException>(async () =>
            await EventStreamReader.ReadAsync(new MemoryStream(frame[..^3]), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    private static byte[] EncodedStringHeader(string name, string value)
        => [(byte)name.Length, .. Encoding.UTF8.GetBytes(name), 7, 0, (byte)value.Length, .. Encoding.UTF8.GetBytes(value)];

    /// <summary>Frames raw header bytes by encoding a headerless frame of headers + payload and then fixing the headers length and CRCs.</summary>
    private static byte[] FrameWithRawHeaders(byte[] headers, byte[] payload)
    {
        var frame = EventStreamEncoder.Frame([], [.. headers, .. payload]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headers.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), EventStreamEncoder.Crc32(frame.AsSpan(0, 8)));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(frame.Length - 4), EventStreamEncoder.Crc32(frame.AsSpan(0, frame.Length - 4)));
        return frame;
    }

    /// <summary>Returns at most one byte per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
