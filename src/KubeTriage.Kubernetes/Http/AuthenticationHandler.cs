using System.Net;
using KubeTriage.Kubernetes.Auth;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Adds the credential to each request and, after a 401, refreshes it and retries once if it changed.</summary>
internal sealed class AuthenticationHandler(ICredentialSource source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        Apply(request, credential);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !source.Invalidate(credential))
        {
            return response;
        }

        var fresh = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        if (fresh == credential)
        {
            return response;
        }

        // A 401 means the server did not act on the request, so resending is safe even for writes.
        response.Dispose();
        Apply(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(HttpRequestMessage request, Credential credential)
    {
        request.Headers.Authorization = credential.Authorization;
        request.Options.Set(ClusterTransportHandler.ClientCertificateKey, credential.ClientCertificate);
    }
}
