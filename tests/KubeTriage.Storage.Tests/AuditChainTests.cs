namespace KubeTriage.Storage.Tests;

public sealed class AuditChainTests
{
    // Escapes, non-ASCII and a control character: the cases where JSON writers disagree.
    private static readonly AuditRecord Known = new()
    {
        Sequence = 42,
        Time = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
        Event = "executed",
        Actor = "user:alice",
        Agent = null,
        Action = "kubectl",
        Inputs = """{"argv":["rollout","restart","deployment/checkout","-n","shop"],"note":"tab\there \"q\" \\ é ✓ </>"}""",
        Outcome = "deployment.apps/checkout restarted\n\u0001\u007f",
        ApprovalType = "human",
        ApprovalId = "apr_0193",
        Cluster = "prod",
        Namespace = "shop",
        Target = "deployment/checkout",
        PreviousHash = "ab" + new string('0', 62),
        Hash = "",
    };

    [Fact]
    public void ToJsonLine_KnownRecord_IsSortedCompactJsonWithJqEscapes()
    {
        var line = AuditChain.ToJsonLine(Known with { Hash = "h" });

        Assert.Equal(
            """{"action":"kubectl","actor":"user:alice","agent":null,"approval_id":"apr_0193","approval_type":"human","cluster":"prod","event":"executed","hash":"h","inputs":"{\"argv\":[\"rollout\",\"restart\",\"deployment/checkout\",\"-n\",\"shop\"],\"note\":\"tab\\there \\\"q\\\" \\\\ é ✓ </>\"}","namespace":"shop","outcome":"deployment.apps/checkout restarted\n\u0001\u007f","prev_hash":"ab00000000000000000000000000000000000000000000000000000000000000","seq":42,"target":"deployment/checkout","time":"2026-03-01T12:00:00.123456Z"}""",
            line);
        Assert.Equal(line.Replace("\"hash\":\"h\",", "", StringComparison.Ordinal), AuditChain.Canonicalize(Known));
    }

    [Fact]
    public void ComputeHash_KnownRecord_EqualsJqAndSha256sum()
    {
        // Computed outside .NET: sed -n 1p audit.jsonl | jq -cjS 'del(.hash)' | sha256sum
        Assert.Equal("a7c66b87630c8d69aba3fe1b733c5b43a0ac5267380dfece29ee844568d52bf5", AuditChain.ComputeHash(Known));
    }

    [Fact]
    public void ParseJsonLine_WrittenLine_RoundTrips()
    {
        var record = Known with { Hash = AuditChain.ComputeHash(Known) };

        Assert.Equal(record, AuditChain.ParseJsonLine(AuditChain.ToJsonLine(record)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"seq":1}""")]
    public void ParseJsonLine_NotARecord_ThrowsFormatException(string line)
        => Assert.Throws<FormatException>(() => AuditChain.ParseJsonLine(line));

    [Fact]
    public void ParseJsonLine_ExtraField_ThrowsFormatException()
    {
        var line = AuditChain.ToJsonLine(Known with { Hash = "h" });

        var error = Assert.Throws<FormatException>(() => AuditChain.ParseJsonLine(line.Insert(1, "\"approved\":true,")));
        Assert.Contains("approved", error.Message, StringComparison.Ordinal);
    }
}
