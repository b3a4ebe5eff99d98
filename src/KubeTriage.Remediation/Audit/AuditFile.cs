using KubeTriage.Storage;

namespace KubeTriage.Remediation.Audit;

/// <summary>Reads <c>audit.jsonl</c>: the records of its well-formed lines, and a problem for each other line.</summary>
internal static class AuditFile
{
    public static async Task<AuditFileContents> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new AuditFileContents(Exists: false, [], []);
        }

        var records = new List<(AuditRecord Record, int Line)>();
        var problems = new List<AuditProblem>();
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        for (var i = 0; i < lines.Length; i++)
        {
            // The file ends with a newline; an empty line elsewhere is still a damaged file.
            if (lines[i].Length == 0 && i == lines.Length - 1)
            {
                continue;
            }

            try
            {
                records.Add((AuditChain.ParseJsonLine(lines[i]), i + 1));
            }
            catch (FormatException ex)
            {
                problems.Add(new AuditProblem(AuditRecordSource.File, null, AuditProblemKind.Malformed, $"{Path.GetFileName(path)} line {i + 1} is not an audit record: {ex.Message}"));
            }
        }

        return new AuditFileContents(Exists: true, records, problems);
    }
}
