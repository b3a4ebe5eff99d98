using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Wire;

/// Replays every recorded exchange against the sandbox and compares status, Content-Type and body shape.
public sealed class WireReplayTests(WriteSequenceFixture writes) : IClassFixture<WriteSequenceFixture>
{
    /// <summary>
    /// Exchanges whose recorded answer came from server state the sandbox legitimately does not have.
    /// | File                            | Recorded                                    | Sandbox, and why                                                          |
    /// |---------------------------------|---------------------------------------------|---------------------------------------------------------------------------|
    /// | 05-pod-log                      | 500 "no preferred addresses" (no kubelet)   | 200 text/plain: the sandbox has logs (LogTests covers them)               |
    /// | 05-pod-log-previous-tail        | 500, same reason                            | 200 text/plain with the previous instance's tail                          |
    /// | 02-pods-list-expired-continue   | 410 after etcd was compacted at RV 221      | 200 last page: nothing is compacted inside the sandbox's window;          |
    ///                                                                                   ContinueTokenTests checks the 410 for a token older than the window.
    /// </summary>
    private static readonly Dictionary<string, (int Status, string ContentType)> s_exceptions = new()
    {
        ["05-pod-log"] = (200, "text/plain"),
        ["05-pod-log-previous-tail"] = (200, "text/plain"),
        ["02-pods-list-expired-continue"] = (200, "application/json"),
    };

    /// <summary>
    /// What the sandbox serves beyond the recorded server: the brief's builtin table includes Gateway API v1,
    /// which the recorded cluster did not have installed.
    /// </summary>
    private static readonly Dictionary<string, string[]> s_sandboxOnly = new()
    {
        ["10-openapi-v3-index"] = ["$.paths.apis/gateway.networking.k8s.io/v1: unexpected"],
    };

    public static TheoryData<string> Files => new(WireExchange.AllNames());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replay_RecordedExchange_MatchesStatusAndShape(string file)
    {
        var exchange = WireExchange.Load(file);
        var actual = file.StartsWith("07-", StringComparison.Ordinal) ? writes.Responses[file] : await ReplayAloneAsync(exchange);

        if (s_exceptions.TryGetValue(file, out var documented))
        {
            Assert.Equal(documented.Status, actual.Status);
            Assert.Equal(documented.ContentType, MediaType(actual.ContentType));
            return;
        }

        Assert.True(exchange.Status == actual.Status, $"status {actual.Status}: {actual.Text}");
        Assert.Equal(MediaType(exchange.ResponseHeader("Content-Type")), MediaType(actual.ContentType));
        if (exchange.ResponseBody is JsonArray expectedEvents)
        {
            var actualEvents = Assert.IsType<JsonArray>(actual.Body);
            Assert.Equal(expectedEvents.Select(e => e!["type"]!.GetValue<string>()), actualEvents.Select(e => e!["type"]!.GetValue<string>()));
            for (var i = 0; i < expectedEvents.Count; i++)
            {
                Assert.Empty(JsonShape.Differences(expectedEvents[i], actualEvents[i], $"$[{i}]"));
            }

            return;
        }

        var allowed = s_sandboxOnly.GetValueOrDefault(file) ?? [];
        Assert.Empty(JsonShape.Differences(exchange.ResponseBody, actual.Body).Except(allowed));
    }

    private static async Task<ReplayResponse> ReplayAloneAsync(WireExchange exchange)
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var client = new WireClient(server);
        await RecordingTimeline.AdvanceAsync(client, RecordingTimeline.StageBefore(exchange.Name));
        return exchange.Name switch
        {
            // curl was cut off after the label change made during the watch arrived.
            "06-watch-pods-from-list-rv" => await client.WatchAsync(exchange, n => Task.FromResult(n < 1), () => RecordingTimeline.LabelCrashingPodAsync(client)),
            "06-watch-pods-bookmarks" => await client.WatchAsync(exchange, n => Task.FromResult(n < 2)),
            "06-watch-pods-bookmarks-timeout5" => await client.WatchAsync(exchange, async n =>
            {
                if (n == 2)
                {
                    await RecordingTimeline.AnnotateRunningPodAsync(client);
                }

                return true;
            }),
            _ when exchange.Name.StartsWith("06-watch", StringComparison.Ordinal) => await client.WatchAsync(exchange, _ => Task.FromResult(true)),
            _ => await client.SendAsync(exchange),
        };
    }

    private static string? MediaType(string? contentType) => contentType?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
