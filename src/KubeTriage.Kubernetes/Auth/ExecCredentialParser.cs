using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Validates and reads the ExecCredential a plugin prints, with client-go's rules.</summary>
internal static class ExecCredentialParser
{
    public static Credential Parse(string output, ExecConfig exec, X509Certificate2? fallbackCertificate)
    {
        var who = $"exec plugin \"{exec.Command}\"";
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new KubernetesCredentialException($"{who} printed invalid JSON: {ex.Message}", ex);
        }

        if (root is null || Json.GetString(root, "kind") != "ExecCredential")
        {
            throw new KubernetesCredentialException($"{who} did not print an ExecCredential");
        }

        var apiVersion = Json.GetString(root, "apiVersion");
        if (apiVersion != exec.ApiVersion)
        {
            throw new KubernetesCredentialException($"{who} is configured to use API version {exec.ApiVersion}, plugin returned version {apiVersion}");
        }

        if (root["status"] is not JsonObject status)
        {
            throw new KubernetesCredentialException($"{who} did not return a status field");
        }

        var token = Json.GetString(status, "token");
        var certPem = Json.GetString(status, "clientCertificateData");
        var keyPem = Json.GetString(status, "clientKeyData");
        if (string.IsNullOrEmpty(certPem) != string.IsNullOrEmpty(keyPem))
        {
            throw new KubernetesCredentialException($"{who} returned only a certificate or only a key, not both");
        }

        if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(certPem))
        {
            throw new KubernetesCredentialException($"{who} did not return a token or a certificate/key pair");
        }

        var certificate = string.IsNullOrEmpty(certPem) ? fallbackCertificate : LoadCertificate(certPem, keyPem!, who);
        return new Credential(
            string.IsNullOrEmpty(token) ? null : Credential.Bearer(token),
            certificate,
            ParseExpiry(Json.GetString(status, "expirationTimestamp"), who));
    }

    private static X509Certificate2 LoadCertificate(string certPem, string keyPem, string who)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException ex)
        {
            throw new KubernetesCredentialException($"{who} returned an unusable client certificate: {ex.Message}", ex);
        }
    }

    private static DateTimeOffset? ParseExpiry(string? text, string who)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : throw new KubernetesCredentialException($"{who} returned an invalid expirationTimestamp \"{text}\"");
    }
}
