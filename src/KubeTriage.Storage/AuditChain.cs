using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KubeTriage.Storage;

/// <summary>Defines the canonical form of an audit record, its hash, and its line in <c>audit.jsonl</c>.</summary>
/// <remarks>
/// <para>
/// The canonical form is the record as one compact JSON object with exactly these keys in this (byte-wise sorted) order:
/// <c>action, actor, agent, approval_id, approval_type, cluster, event, inputs, namespace, outcome, prev_hash, seq,
/// target, time</c>. <c>seq</c> is a JSON integer; every other value is a JSON string, or <c>null</c> when absent.
/// <c>time</c> is UTC as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (always six fraction digits). <c>inputs</c> is the inputs'
/// JSON text as a string, not a nested object. No whitespace outside strings. Strings are escaped as jq prints them:
/// <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other characters below U+0020 and U+007F as <c>\u00xx</c> (lowercase
/// hex), everything else (including <c>/</c> and non-ASCII) as raw UTF-8.
/// </para>
/// <para>
/// <c>hash</c> is the lowercase hex SHA-256 of the canonical form's UTF-8 bytes (no trailing newline). <c>prev_hash</c>
/// of the first record (<c>seq</c> 1) is 64 zeros. A line of <c>audit.jsonl</c> is the canonical form with
/// <c>"hash"</c> added in its sorted place (between <c>event</c> and <c>inputs</c>), then <c>\n</c>. An auditor
/// recomputes line N's hash with <c>sed -n Np audit.jsonl | jq -cjS 'del(.hash)' | sha256sum</c> and checks that it
/// equals <c>.hash</c> and that <c>.prev_hash</c> equals line N-1's <c>.hash</c>.
/// </para>
/// </remarks>
public static class AuditChain
{
    /// <summary>The <see cref="AuditRecord.PreviousHash"/> of the first record.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly string[] KnownKeys =
        ["action", "actor", "agent", "approval_id", "approval_type", "cluster", "event", "hash", "inputs", "namespace", "outcome", "prev_hash", "seq", "target", "time"];

    /// <summary>Returns the canonical form the hash covers.</summary>
    public static string Canonicalize(AuditRecord record) => Write(record, includeHash: false);

    /// <summary>Returns the lowercase hex SHA-256 of the record's canonical form; the record's own hash is ignored.</summary>
    public static string ComputeHash(AuditRecord record)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(record))));

    /// <summary>Returns the record's line of <c>audit.jsonl</c>, without the newline.</summary>
    public static string ToJsonLine(AuditRecord record) => Write(record, includeHash: true);

    /// <summary>Formats an audit time as the canonical form has it.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads one line of <c>audit.jsonl</c>.</summary>
    /// <exception cref="FormatException">The line is not a record: bad JSON, a missing, unknown or mistyped field.</exception>
    public static AuditRecord ParseJsonLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the line is not a JSON object");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(KnownKeys, property.Name) < 0)
                {
                    throw new FormatException($"unknown field \"{property.Name}\"");
                }
            }

            string? Optional(string name) => root.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => value.GetString(),
                    _ => throw new FormatException($"field \"{name}\" is not a string"),
                }
                : throw new FormatException($"field \"{name}\" is missing");
            string Required(string name) => Optional(name) ?? throw new FormatException($"field \"{name}\" is null");

            if (!root.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var sequence))
            {
                throw new FormatException("field \"seq\" is missing or not an integer");
            }

            if (!DateTimeOffset.TryParseExact(Required("time"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                throw new FormatException("field \"time\" is not yyyy-MM-ddTHH:mm:ss.ffffffZ");
            }

            return new AuditRecord
            {
                Sequence = sequence,
                Time = time,
                Event = Required("event"),
                Actor = Required("actor"),
                Agent = Optional("agent"),
                Action = Required("action"),
                Inputs = Optional("inputs"),
                Outcome = Optional("outcome"),
                ApprovalType = Required("approval_type"),
                ApprovalId = Optional("approval_id"),
                Cluster = Optional("cluster"),
                Namespace = Optional("namespace"),
                Target = Optional("target"),
                PreviousHash = Required("prev_hash"),
                Hash = Required("hash"),
            };
        }
        catch (JsonException ex)
        {
            throw new FormatException("the line is not valid JSON: " + ex.Message, ex);
        }
    }

    private static string Write(AuditRecord record, bool includeHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new StringBuilder(512).Append('{');
        void Field(string name, string? value)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            AppendString(json, name);
            json.Append(':');
            AppendString(json, value);
        }

        Field("action", record.Action);
        Field("actor", record.Actor);
        Field("agent", record.Agent);
        Field("approval_id", record.ApprovalId);
        Field("approval_type", record.ApprovalType);
        Field("cluster", record.Cluster);
        Field("event", record.Event);
        if (includeHash)
        {
            Field("hash", record.Hash);
        }

        Field("inputs", record.Inputs);
        Field("namespace", record.Namespace);
        Field("outcome", record.Outcome);
        Field("prev_hash", record.PreviousHash);
        json.Append(",\"seq\":").Append(record.Sequence.ToString(CultureInfo.InvariantCulture));
        Field("target", record.Target);
        Field("time", FormatTime(record.Time));
        return json.Append('}').ToString();
    }

    // jq's escaping (jv_print.c), so `jq -cjS` reproduces the bytes exactly. Enumerating runes turns a lone surrogate
    // into U+FFFD, which is also what its UTF-8 encoding would become.
    private static void AppendString(StringBuilder json, string? value)
    {
        if (value is null)
        {
            json.Append("null");
            return;
        }

        json.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\b':
                    json.Append("\\b");
                    break;
                case '\f':
                    json.Append("\\f");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case < 0x20 or 0x7F:
                    json.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(rune.ToString());
                    break;
            }
        }

        json.Append('"');
    }
}
