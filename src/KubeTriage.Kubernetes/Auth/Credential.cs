using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Holds what one request presents: an Authorization header and/or a TLS client certificate.</summary>
internal sealed record Credential(AuthenticationHeaderValue? Authorization, X509Certificate2? ClientCertificate, DateTimeOffset? ExpiresAt)
{
    public static Credential Anonymous { get; } = new(null, null, null);

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
}
