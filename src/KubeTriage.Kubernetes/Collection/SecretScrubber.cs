using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes.Collection;

/// <summary>Drops Secret values as soon as they are read: analyzers need the key names, and public certificates, never the values.</summary>
internal static class SecretScrubber
{
    // Certificates are public (they are sent to every TLS client); the expiry check needs them. Keys stay masked.
    private static readonly HashSet<string> PublicCertificateKeys = ["tls.crt", "ca.crt"];

    public static JsonElement Scrub(JsonElement secret)
    {
        var copy = JsonObject.Create(secret)!;
        ScrubNode(copy);
        return JsonSerializer.SerializeToElement(copy);
    }

    private static void ScrubNode(JsonObject secret)
    {
        foreach (var field in new[] { "data", "stringData" })
        {
            if (secret[field] is JsonObject data)
            {
                foreach (var key in data.Select(kv => kv.Key).Where(k => !PublicCertificateKeys.Contains(k)).ToList())
                {
                    data[key] = "";
                }
            }
        }

        if (secret["metadata"]?["annotations"] is JsonObject annotations)
        {
            // kubectl apply keeps the whole object, values included, in this annotation.
            annotations.Remove("kubectl.kubernetes.io/last-applied-configuration");
        }
    }
}
