using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Sandbox;

namespace KubeTriage.Remediation.Tests.Actions.Support;

/// <summary>A running sandbox and our REST client pointed at it.</summary>
internal sealed class ActionSandbox : IAsyncDisposable
{
    private ActionSandbox(SandboxServer server)
    {
        Server = server;
        Client = new KubernetesClient(new RestConfig
        {
            Server = server.BaseAddress.ToString().TrimEnd('/'),
            BearerToken = server.AdminToken,
            CertificateAuthorityData = Encoding.ASCII.GetBytes(server.CertificateAuthorityPem),
        });
    }

    public SandboxServer Server { get; }

    public KubernetesClient Client { get; }

    public static async Task<ActionSandbox> StartAsync(IEnumerable<JsonObject> objects, bool simulate)
        => new(await SandboxServer.StartAsync(new SandboxOptions { Objects = [.. objects], SimulateControllers = simulate }, TestContext.Current.CancellationToken));

    public static Task<ActionSandbox> FromScenarioAsync(string name, bool simulate)
        => StartAsync(SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, name)).State.All.Select(o => o.ToJsonObject()), simulate);

    public Task<JsonObject> GetAsync(ResourceType type, string ns, string name)
        => Client.GetAsync(type, ns, name, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
