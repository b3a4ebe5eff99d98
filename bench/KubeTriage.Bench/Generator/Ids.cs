using System.Globalization;

namespace KubeTriage.Bench.Generator;

/// <summary>Seeded source of uids, name suffixes and resourceVersions, so two runs write byte-identical snapshots.</summary>
internal sealed class Ids(int seed)
{
    // The alphabet Kubernetes uses for generated name suffixes and pod-template-hash (no vowels, no look-alikes).
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const string Hex = "0123456789abcdef";

    private long _resourceVersion = 4_100_000;

    public Random Random { get; } = new(seed);

    public string Uid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>A pod-template-hash: ten characters of the safe alphabet.</summary>
    public string TemplateHash() => Pick(SafeAlphabet, 10);

    /// <summary>The five-character suffix the ReplicaSet controller appends to pod names.</summary>
    public string PodSuffix() => Pick(SafeAlphabet, 5);

    public string HexString(int length) => Pick(Hex, length);

    public string NextResourceVersion() => (_resourceVersion += Random.Next(1, 40)).ToString(CultureInfo.InvariantCulture);

    public int Between(int minInclusive, int maxInclusive) => Random.Next(minInclusive, maxInclusive + 1);

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T OneOf<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    private string Pick(string alphabet, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[Random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
