namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>What a test server saw of one request.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ClientCertificateThumbprint)
{
    public string PathAndQuery => Path + Query;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public Dictionary<string, string> QueryParameters => QueryMatching.Parse(Query);
}
