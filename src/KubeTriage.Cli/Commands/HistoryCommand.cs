using System.CommandLine;
using System.Text.Json;
using KubeTriage.Storage;
using Spectre.Console;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage history</c>: the investigations the server stored, from the same data directory or database.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var (dataDir, database) = StoreSettings.Options();
        var limit = new Option<int>("--limit") { Description = "How many investigations, newest first", DefaultValueFactory = _ => 20 };
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var command = new Command("history", "List stored investigations (from kubetriage serve)") { dataDir, database, limit, output };
        command.SetAction(async (parse, ct) =>
        {
            var options = StoreSettings.From(parse.GetValue(dataDir), parse.GetValue(database));

            if (parse.GetValue(limit) is < 1 or > InvestigationQuery.MaxLimit)
            {
                throw new CliException(ExitCodes.Usage, $"--limit must be between 1 and {InvestigationQuery.MaxLimit}");
            }

            await using var store = StoreFactory.Create(options);
            await store.MigrateAsync(ct);
            var page = await store.ListInvestigationsAsync(new InvestigationQuery { Limit = parse.GetValue(limit) }, ct);
            if (parse.GetValue(output) == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(page.Items.Select(i => new
                {
                    id = i.Id,
                    source = i.Source.ToString().ToLowerInvariant(),
                    status = i.Status.ToString().ToLowerInvariant(),
                    query = i.Query,
                    @namespace = i.Namespace,
                    created_at = i.CreatedAt,
                    summary = i.Report?.Summary,
                })));
                return ExitCodes.Healthy;
            }

            var table = new Table().AddColumns("created", "source", "status", "query", "root causes");
            foreach (var i in page.Items)
            {
                var causes = i.Report?.RootCauses.Count(c => c.Severity != Core.Diagnosis.Severity.Info) ?? 0;
                table.AddRow(i.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), i.Source.ToString().ToLowerInvariant(),
                    i.Status.ToString().ToLowerInvariant(), Markup.Escape(i.Query), causes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Ansi.Write(table);
            return ExitCodes.Healthy;
        });
        return command;
    }
}
