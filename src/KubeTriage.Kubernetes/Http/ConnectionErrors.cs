using System.Net.Sockets;
using System.Security.Authentication;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Turns transport exceptions into the short reasons a CLI prints ("connection refused").</summary>
internal static class ConnectionErrors
{
    public static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket:
                    return Describe(socket.SocketErrorCode, socket.Message);
                case AuthenticationException tls:
                    return $"TLS handshake failed: {OneLine(tls.Message)}";
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "no such host",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ResponseEnded => "connection closed by the server before a reply",
            HttpRequestError.ProxyTunnelError => $"proxy error: {OneLine(ex.Message)}",
            _ => OneLine(ex.Message),
        };
    }

    private static string Describe(SocketError error, string message) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "no such host",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "no route to host",
        SocketError.ConnectionReset => "connection reset by peer",
        _ => OneLine(message),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
