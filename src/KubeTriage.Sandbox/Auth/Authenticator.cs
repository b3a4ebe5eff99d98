using Microsoft.AspNetCore.Http;

namespace KubeTriage.Sandbox.Auth;

/// Static bearer-token authentication, like kube-apiserver's --token-auth-file.
internal sealed class Authenticator(IReadOnlyList<SandboxUser> users)
{
    public SandboxUser? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[prefix.Length..].Trim();
        return users.FirstOrDefault(u => u.Token.Length > 0 && string.Equals(u.Token, token, StringComparison.Ordinal));
    }
}
