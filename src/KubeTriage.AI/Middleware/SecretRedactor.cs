using System.Text.RegularExpressions;

namespace KubeTriage.AI.Middleware;

/// <summary>Masks secret-looking substrings in text.</summary>
/// <remarks>Errs on the side of masking: a masked non-secret costs a little context, a leaked secret costs a rotation.</remarks>
internal sealed partial class SecretRedactor
{
    private readonly string _mask;
    private readonly Regex[] _extra;

    public SecretRedactor(RedactionOptions options)
    {
        _mask = options.Mask;
        _extra = [.. options.AdditionalPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = PemPrivateKey().Replace(text, _mask);
        result = Jwt().Replace(result, _mask);
        result = Bearer().Replace(result, m => m.Groups[1].Value + " " + _mask);
        result = AwsAccessKeyId().Replace(result, _mask);
        result = UrlCredentials().Replace(result, m => m.Groups[1].Value + _mask + "@");
        result = KeyValue().Replace(result, m => m.Groups["key"].Value + m.Groups["sep"].Value + m.Groups["q"].Value + _mask + m.Groups["q"].Value);
        if (SecretKind().IsMatch(result))
        {
            // Inside a Secret manifest every data value is a secret, however short.
            result = YamlBase64Value().Replace(result, m => m.Groups[1].Value + _mask);
            result = JsonBase64Value().Replace(result, m => m.Groups[1].Value + _mask + "\"");
        }

        result = LongBase64().Replace(result, _mask);
        foreach (var pattern in _extra)
        {
            result = pattern.Replace(result, _mask);
        }

        return result;
    }

    // Also matches a key cut off before its END line (truncated logs).
    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]+:)[^/\s@]+@")]
    private static partial Regex UrlCredentials();

    // KEY=value, key: value, "key": "value" and Password=...; in connection strings, where the key ends in a secret word.
    [GeneratedRegex(@"(?i)(?<key>[A-Za-z0-9_.-]*(?:password|passwd|pwd|pass|secret|secret_?key|token|api_?key|access_?key|private_?key|credentials?|auth)\b""?)(?<sep>\s*[=:]\s*)(?:(?<q>"")(?:[^""\\\r\n]|\\.)*""|(?<q>')[^'\r\n]*'|(?<q>)[^\s;,""'&]+)")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?i)kind""?\s*:\s*""?Secret\b")]
    private static partial Regex SecretKind();

    [GeneratedRegex(@"(?m)^(\s+[A-Za-z0-9_.-]+:\s*)[A-Za-z0-9+/]{4,}={0,2}\s*$")]
    private static partial Regex YamlBase64Value();

    [GeneratedRegex(@"(""[A-Za-z0-9_.-]+""\s*:\s*"")[A-Za-z0-9+/]{4,}={0,2}""")]
    private static partial Regex JsonBase64Value();

    // Long mixed-case base64 (keys, certs, kubeconfig *-data); hex digests are single-case and stay visible.
    [GeneratedRegex(@"(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{64,}={0,2}")]
    private static partial Regex LongBase64();
}
