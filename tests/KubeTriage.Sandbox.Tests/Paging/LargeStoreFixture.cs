using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Paging;

/// One sandbox seeded with 20,000 objects (16,000 events, 4,000 pods) in shuffled order, shared by read-only paging tests.
public sealed class LargeStoreFixture : IAsyncLifetime
{
    public const int EventCount = 16_000;
    public const int PodCount = 4_000;

    // "team" and "team-a" share a prefix: etcd orders "team-a/..." first because '-' sorts before '/'.
    public static readonly string[] Namespaces = ["default", "kube-system", "team", "team-a", "team.b", "zeta", "a"];

    public SandboxServer Server { get; private set; } = null!;

    public TimeSpan StartUp { get; private set; }

    /// <summary>Every seeded event's "ns/name", in the order the apiserver must list them.</summary>
    public List<string> EventKeys { get; } = [];

    /// <summary>Seeded pods with label tier=web, per namespace, in name order.</summary>
    public Dictionary<string, List<string>> WebPods { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var random = new Random(20_000);
        var objects = new List<JsonObject>();
        for (var i = 0; i < EventCount; i++)
        {
            var ns = Namespaces[i % Namespaces.Length];
            var name = $"pod-{random.Next(1000)}.{i.ToString("x8", CultureInfo.InvariantCulture)}";
            EventKeys.Add($"{ns}/{name}");
            objects.Add(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                ["involvedObject"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = ns, ["name"] = name[..name.IndexOf('.')] },
                ["reason"] = i % 10 == 0 ? "BackOff" : "Pulled",
                ["type"] = i % 10 == 0 ? "Warning" : "Normal",
                ["message"] = "seeded <event> & more",
            });
        }

        for (var i = 0; i < PodCount; i++)
        {
            var ns = Namespaces[i % Namespaces.Length];
            var name = $"web-{i.ToString(CultureInfo.InvariantCulture)}";
            var tier = i % 3 == 0 ? "web" : "db";
            if (tier == "web")
            {
                (WebPods.TryGetValue(ns, out var names) ? names : WebPods[ns] = []).Add(name);
            }

            objects.Add(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["tier"] = tier } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "nginx" }) },
                ["status"] = new JsonObject { ["phase"] = "Running" },
            });
        }

        // Seed in random order: listing order must come from the keys, not from insertion.
        objects = [.. objects.OrderBy(_ => random.Next())];
        EventKeys.Sort(StringComparer.Ordinal);
        foreach (var names in WebPods.Values)
        {
            names.Sort(StringComparer.Ordinal);
        }

        var clock = Stopwatch.StartNew();
        Server = await SandboxServer.StartAsync(new SandboxOptions { Objects = objects });
        StartUp = clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
