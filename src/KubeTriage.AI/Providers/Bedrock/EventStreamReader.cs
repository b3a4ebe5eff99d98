using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Decodes the AWS event-stream binary framing (<c>application/vnd.amazon.eventstream</c>).</summary>
/// <remarks>
/// A message is: total length (4), headers length (4), prelude CRC (4), headers, payload, message CRC (4); integers are
/// big-endian and both CRCs are CRC-32 IEEE. A CRC mismatch or a malformed frame throws <see cref="InvalidDataException"/>;
/// a stream cut mid-message throws <see cref="EndOfStreamException"/>.
/// </remarks>
internal static class EventStreamReader
{
    private const int PreludeLength = 12;
    private const int MinMessageLength = PreludeLength + 4;

    // The format allows 16 MiB of payload plus 128 KiB of headers per message.
    private const int MaxMessageLength = (16 * 1024 * 1024) + (128 * 1024) + MinMessageLength;

    public static async IAsyncEnumerable<EventStreamMessage> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prelude = new byte[PreludeLength];
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(prelude, PreludeLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                yield break;
            }

            if (read < PreludeLength)
            {
                throw new EndOfStreamException($"Event stream ended inside a message prelude ({read} of {PreludeLength} bytes).");
            }

            var totalLength = BinaryPrimitives.ReadUInt32BigEndian(prelude);
            var headersLength = BinaryPrimitives.ReadUInt32BigEndian(prelude.AsSpan(4));
            var preludeCrc = BinaryPrimitives.ReadUInt32BigEndian(prelude.AsSpan(8));
            Check(preludeCrc, Crc32.Compute(prelude.AsSpan(0, 8)), "prelude");
            if (totalLength is < MinMessageLength or > MaxMessageLength || headersLength > totalLength - MinMessageLength)
            {
                throw new InvalidDataException($"Event stream message has invalid lengths (total {totalLength}, headers {headersLength}).");
            }

            var message = new byte[totalLength];
            prelude.CopyTo(message, 0);
            await stream.ReadExactlyAsync(message.AsMemory(PreludeLength), cancellationToken).ConfigureAwait(false);
            var messageCrc = BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(message.Length - 4));
            Check(messageCrc, Crc32.Compute(message.AsSpan(0, message.Length - 4)), "message");

            var headers = ReadHeaders(message.AsSpan(PreludeLength, (int)headersLength));
            var payloadStart = PreludeLength + (int)headersLength;
            yield return new EventStreamMessage(headers, message.AsMemory(payloadStart, message.Length - 4 - payloadStart));
        }
    }

    private static void Check(uint expected, uint actual, string part)
    {
        if (expected != actual)
        {
            throw new InvalidDataException($"Event stream {part} CRC mismatch: frame says 0x{expected:x8}, bytes hash to 0x{actual:x8}.");
        }
    }

    /// <summary>Keeps string headers (the only kind Bedrock sends) and skips values of the other types.</summary>
    private static Dictionary<string, string> ReadHeaders(ReadOnlySpan<byte> span)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!span.IsEmpty)
        {
            var nameLength = span[0];
            var name = Encoding.UTF8.GetString(Take(ref span, 1 + nameLength)[1..]);
            var type = Take(ref span, 1)[0];
            switch (type)
            {
                case 0 or 1: // bool true / false: no value bytes
                    break;
                case 2:
                    Take(ref span, 1);
                    break;
                case 3:
                    Take(ref span, 2);
                    break;
                case 4:
                    Take(ref span, 4);
                    break;
                case 5 or 8: // long, timestamp
                    Take(ref span, 8);
                    break;
                case 6 or 7: // byte array, string: 2-byte length then the bytes
                    var length = BinaryPrimitives.ReadUInt16BigEndian(Take(ref span, 2));
                    var value = Take(ref span, length);
                    if (type == 7)
                    {
                        headers[name] = Encoding.UTF8.GetString(value);
                    }

                    break;
                case 9: // uuid
                    Take(ref span, 16);
                    break;
                default:
                    throw new InvalidDataException($"Event stream header '{name}' has unknown value type {type}.");
            }
        }

        return headers;
    }

    private static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> span, int count)
    {
        if (count > span.Length)
        {
            throw new InvalidDataException("Event stream headers are truncated.");
        }

        var taken = span[..count];
        span = span[count..];
        return taken;
    }
}
