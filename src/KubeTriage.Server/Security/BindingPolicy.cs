using System.Net;

namespace KubeTriage.Server.Security;

/// <summary>Refuses to expose an unauthenticated API beyond loopback unless that was asked for explicitly.</summary>
internal static class BindingPolicy
{
    public static void Validate(ServerOptions options)
    {
        if (IsLoopback(options.Host) || options.ApiKeys.Count > 0 || options.AllowUnauthenticated)
        {
            return;
        }

        throw new InvalidOperationException(
            $"refusing to serve {options.Host} without an API key: set one (--api-key or KUBETRIAGE_API_KEYS) or pass --allow-unauthenticated if this is intended");
    }

    private static bool IsLoopback(string host)
        => host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
