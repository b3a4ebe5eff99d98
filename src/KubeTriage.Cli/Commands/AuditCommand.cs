using System.CommandLine;
using KubeTriage.Remediation.Audit;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage audit verify</c>: recomputes the audit trail's hash chain in the database and in audit.jsonl.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var (dataDir, database) = StoreSettings.Options();
        var file = new Option<string?>("--file") { Description = "The JSON lines copy (default: audit.jsonl in the data directory)" };
        var verify = new Command("verify", "Check that no audit record was edited, deleted or reordered (exit 1 when one was)") { dataDir, database, file };
        verify.SetAction(async (parse, ct) =>
        {
            await using var setup = await RemediationSetup.OpenAsync(parse.GetValue(dataDir), parse.GetValue(database), parse.GetValue(file), ct);
            // Always compare with the file: a deleted audit.jsonl beside a database with records is tampering too.
            var result = await AuditVerifier.VerifyAsync(setup.Store, setup.Audit.FilePath, ct);
            if (result.Ok)
            {
                console.Out.WriteLine($"audit trail intact: {result.RecordsChecked} records in the database, {result.FileRecordsChecked} in {setup.Audit.FilePath}; head #{result.HeadSequence} {result.HeadHash}");
                return ExitCodes.Healthy;
            }

            console.Error.WriteLine($"audit trail TAMPERED or incomplete: {result.Problems.Count} problem(s)");
            foreach (var problem in result.Problems)
            {
                console.Error.WriteLine($"  {problem.Source.ToString().ToLowerInvariant()} record {problem.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {problem.Kind}: {problem.Message}");
            }

            return ExitCodes.ProblemsFound;
        });
        var command = new Command("audit", "Inspect the tamper-evident audit trail of remediation actions");
        command.Subcommands.Add(verify);
        return command;
    }
}
