using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Storage;

namespace KubeTriage.Cli.Tests.Commands;

public sealed class HistoryCommandTests
{
    [Fact]
    public async Task History_ReadsWhatTheServerStoredInTheDataDirectory()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("kt-history-").FullName;
        await using (var store = StoreFactory.Create(new StoreOptions { DataDirectory = dir }))
        {
            await store.MigrateAsync(ct);
            var created = await store.CreateInvestigationAsync(new NewInvestigation { Source = InvestigationSource.Api, Query = "why is checkout failing?", Namespace = "shop" }, ct);
            await store.UpdateStatusAsync(created.Investigation.Id, InvestigationStatus.Running, ct);
            await store.CompleteAsync(created.Investigation.Id, new DiagnosisReport { Summary = "Found 1 root cause." }, new InvestigationMetrics { DurationMs = 12 }, ct);
        }

        var (code, console) = await TestConsole.RunAsync("history", "--data-dir", dir, "-o", "json");

        Assert.Equal(ExitCodes.Healthy, code);
        var item = Assert.Single(JsonNode.Parse(console.Out)!.AsArray())!;
        Assert.Equal("why is checkout failing?", item["query"]!.GetValue<string>());
        Assert.Equal("succeeded", item["status"]!.GetValue<string>());
        Assert.Equal("Found 1 root cause.", item["summary"]!.GetValue<string>());
    }
}
