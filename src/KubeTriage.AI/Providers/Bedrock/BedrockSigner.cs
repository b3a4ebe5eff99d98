using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Signs Bedrock Runtime requests with SigV4 using AWSSDK.Core's signer primitives.</summary>
internal sealed class BedrockSigner(Func<CancellationToken, Task<ImmutableCredentials>> credentials, string region, TimeProvider timeProvider)
{
    public const string Service = "bedrock";

    public async Task SignAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        var identity = await credentials(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri!;
        var signedAt = timeProvider.GetUtcNow().UtcDateTime;
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/json",
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-content-sha256"] = bodyHash,
            ["x-amz-date"] = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(identity.Token))
        {
            headers["x-amz-security-token"] = identity.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = CanonicalRequest(uri, headers, signedHeaders, bodyHash);
        var signature = AWS4Signer.ComputeSignature(identity, region, signedAt, Service, signedHeaders, canonical);

        foreach (var (name, value) in headers)
        {
            if (name is not ("content-type" or "host"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }

    // AWSSDK.Core keeps its canonicalizer internal; the SigV4 rules for non-S3 services encode each path segment twice.
    private static string CanonicalRequest(Uri uri, SortedDictionary<string, string> headers, string signedHeaders, string bodyHash)
    {
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n"));
        return $"POST\n{path}\n{uri.Query.TrimStart('?')}\n{canonicalHeaders}\n{signedHeaders}\n{bodyHash}";
    }
}
