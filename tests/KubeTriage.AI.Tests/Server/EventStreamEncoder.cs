using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeTriage.AI.Tests.Server;

/// <summary>Encodes AWS event-stream frames (<c>application/vnd.amazon.eventstream</c>) the way Bedrock sends them.</summary>
/// <remarks>Uses its own bitwise CRC-32 so the tests do not trust the production table.</remarks>
internal static class EventStreamEncoder
{
    public static byte[] Event(string eventType, string json) => Frame(
        [(":event-type", eventType), (":content-type", "application/json"), (":message-type", "event")],
        Encoding.UTF8.GetBytes(json));

    public static byte[] Exception(string exceptionType, string message) => Frame(
        [(":exception-type", exceptionType), (":content-type", "application/json"), (":message-type", "exception")],
        Encoding.UTF8.GetBytes(new JsonObject { ["message"] = message }.ToJsonString()));

    public static byte[] Frame(IReadOnlyList<(string Name, string Value)> headers, byte[] payload)
    {
        var headerBytes = new List<byte>();
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            headerBytes.Add((byte)nameBytes.Length);
            headerBytes.AddRange(nameBytes);
            headerBytes.Add(7);
            headerBytes.Add((byte)(valueBytes.Length >> 8));
            headerBytes.Add((byte)valueBytes.Length);
            headerBytes.AddRange(valueBytes);
        }

        var frame = new byte[12 + headerBytes.Count + payload.Length + 4];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headerBytes.Count);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32(frame.AsSpan(0, 8)));
        headerBytes.CopyTo(frame, 12);
        payload.CopyTo(frame, 12 + headerBytes.Count);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(frame.Length - 4), Crc32(frame.AsSpan(0, frame.Length - 4)));
        return frame;
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }
}
