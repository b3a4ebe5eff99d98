using KubeTriage.Storage;

namespace KubeTriage.Remediation.Audit;

/// <summary>Verifies the audit hash chain in the database and in <c>audit.jsonl</c>, and that the two agree.</summary>
/// <remarks>
/// Each chain is checked for: a hash that does not match the record's canonical form (<see cref="AuditChain"/>): edited;
/// a skipped sequence number: deleted; a previous hash that is not the prior record's hash: replaced or removed; lines
/// out of sequence order: reordered. A truncated tail leaves a valid shorter chain, so it shows only when the database
/// and the file disagree: every sequence number must be in both, with the same content. Neither copy alone proves that
/// nobody rewrote the whole chain; compare <see cref="AuditVerification.HeadHash"/> with a copy kept elsewhere.
/// </remarks>
public static class AuditVerifier
{
    /// <summary>The most problems one verification reports; the first ones in chain order are kept.</summary>
    public const int MaxProblems = 100;

    private const int PageSize = 1000;

    /// <summary>Verifies the database chain and, when <paramref name="filePath"/> is given, the file and their agreement.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAuditStore store, string? filePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var database = new List<AuditRecord>();
        while (true)
        {
            var page = await store.ListAuditRecordsAsync(database.Count == 0 ? 0 : database[^1].Sequence, PageSize, cancellationToken);
            database.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        var file = filePath is null ? null : await AuditFile.ReadAsync(filePath, cancellationToken);
        return Verify(database, file, filePath is null ? AuditTrail.FileName : Path.GetFileName(filePath));
    }

    /// <summary>Verifies <c>audit.jsonl</c> alone, without a database.</summary>
    public static async Task<AuditVerification> VerifyFileAsync(string filePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var file = await AuditFile.ReadAsync(filePath, cancellationToken);
        var problems = new List<AuditProblem>(file.Problems);
        if (!file.Exists)
        {
            problems.Add(new AuditProblem(AuditRecordSource.File, null, AuditProblemKind.MissingFromFile, $"{filePath} does not exist"));
        }

        CheckChain(file.Records, AuditRecordSource.File, Path.GetFileName(filePath), problems);
        return Result(file.Records.Count, 0, problems, file.Records.Select(r => r.Record).ToList());
    }

    /// <summary>Verifies one chain given in stored order (database rows by sequence, or file lines).</summary>
    public static AuditVerification VerifyChain(IReadOnlyList<AuditRecord> records, AuditRecordSource source = AuditRecordSource.Database)
    {
        ArgumentNullException.ThrowIfNull(records);
        var problems = new List<AuditProblem>();
        CheckChain(records.Select((r, i) => (r, i + 1)).ToList(), source, AuditTrail.FileName, problems);
        return Result(records.Count, 0, problems, records);
    }

    internal static AuditVerification Verify(IReadOnlyList<AuditRecord> database, AuditFileContents? file, string fileName)
    {
        var problems = new List<AuditProblem>();
        CheckChain(database.Select((r, i) => (r, i + 1)).ToList(), AuditRecordSource.Database, fileName, problems);
        if (file is not null)
        {
            problems.AddRange(file.Problems);
            CheckChain(file.Records, AuditRecordSource.File, fileName, problems);
            Compare(database, file, fileName, problems);
        }

        return Result(database.Count, file?.Records.Count ?? 0, problems, database);
    }

    private static AuditVerification Result(long checkedCount, long fileCount, List<AuditProblem> problems, IReadOnlyList<AuditRecord> chain)
    {
        var ordered = problems
            .Select((p, i) => (p, i))
            .OrderBy(x => x.p.Sequence ?? long.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.p)
            .Take(MaxProblems)
            .ToList();
        var head = chain.Count == 0 ? null : chain.MaxBy(r => r.Sequence);
        return new AuditVerification(checkedCount, fileCount, ordered, head?.Sequence ?? 0, head?.Hash ?? AuditChain.GenesisHash);
    }

    private static void CheckChain(IReadOnlyList<(AuditRecord Record, int Line)> items, AuditRecordSource source, string fileName, List<AuditProblem> problems)
    {
        string Where(AuditRecord record, int line) => source == AuditRecordSource.File
            ? $"{fileName} line {line} (record {record.Sequence})"
            : $"database record {record.Sequence}";

        foreach (var (record, line) in items)
        {
            if (AuditChain.ComputeHash(record) != record.Hash)
            {
                problems.Add(new(source, record.Sequence, AuditProblemKind.Edited, $"{Where(record, line)}: its hash does not match its content: the record was edited"));
            }
        }

        // Order is judged once, at the first record that does not follow its predecessor; the links are then checked
        // in sequence order so one moved line does not make every later record look broken.
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Record.Sequence <= items[i - 1].Record.Sequence)
            {
                var (record, line) = items[i];
                var what = record.Sequence == items[i - 1].Record.Sequence ? "appears twice" : $"comes after record {items[i - 1].Record.Sequence}";
                problems.Add(new(source, record.Sequence, AuditProblemKind.Reordered, $"{Where(record, line)}: {what}: records were reordered or duplicated"));
                break;
            }
        }

        long expected = 1;
        var previousHash = AuditChain.GenesisHash;
        foreach (var (record, line) in items.OrderBy(x => x.Record.Sequence))
        {
            if (record.Sequence < expected)
            {
                continue;
            }

            if (record.Sequence > expected)
            {
                var range = record.Sequence - 1 == expected ? $"record {expected} is" : $"records {expected} to {record.Sequence - 1} are";
                problems.Add(new(source, expected, AuditProblemKind.Missing, $"{Where(record, line)}: {range} missing before it: deleted"));
            }
            else if (record.PreviousHash != previousHash)
            {
                problems.Add(new(source, record.Sequence, AuditProblemKind.BrokenLink,
                    $"{Where(record, line)}: its prev_hash is not the hash of record {expected - 1}: that record was replaced or removed"));
            }

            expected = record.Sequence + 1;
            previousHash = record.Hash;
        }
    }

    private static void Compare(IReadOnlyList<AuditRecord> database, AuditFileContents file, string fileName, List<AuditProblem> problems)
    {
        if (!file.Exists)
        {
            if (database.Count > 0)
            {
                problems.Add(new(AuditRecordSource.Both, database[0].Sequence, AuditProblemKind.MissingFromFile, $"{fileName} does not exist but the database has {database.Count} records"));
            }

            return;
        }

        var inDatabase = database.GroupBy(r => r.Sequence).ToDictionary(g => g.Key, g => g.First());
        var inFile = file.Records.GroupBy(r => r.Record.Sequence).ToDictionary(g => g.Key, g => g.First().Record);
        foreach (var (sequence, fromFile) in inFile.OrderBy(p => p.Key))
        {
            if (!inDatabase.TryGetValue(sequence, out var fromDatabase))
            {
                problems.Add(new(AuditRecordSource.Both, sequence, AuditProblemKind.MissingFromDatabase, $"record {sequence} is in {fileName} but not in the database: deleted from the database"));
            }
            else if (fromDatabase != fromFile)
            {
                problems.Add(new(AuditRecordSource.Both, sequence, AuditProblemKind.Differs,
                    $"record {sequence} differs between the database and {fileName} ({string.Join(", ", DifferingFields(fromDatabase, fromFile))}): one copy was edited"));
            }
        }

        var missing = database.Select(r => r.Sequence).Where(s => !inFile.ContainsKey(s)).Order().ToList();
        for (var i = 0; i < missing.Count;)
        {
            var end = i;
            while (end + 1 < missing.Count && missing[end + 1] == missing[end] + 1)
            {
                end++;
            }

            var range = i == end ? $"record {missing[i]} is" : $"records {missing[i]} to {missing[end]} are";
            problems.Add(new(AuditRecordSource.Both, missing[i], AuditProblemKind.MissingFromFile, $"{range} in the database but not in {fileName}: the file was truncated or edited, or the process stopped between the two writes"));
            i = end + 1;
        }
    }

    private static IEnumerable<string> DifferingFields(AuditRecord a, AuditRecord b)
    {
        (string Name, object? A, object? B)[] fields =
        [
            ("time", a.Time, b.Time), ("event", a.Event, b.Event), ("actor", a.Actor, b.Actor), ("agent", a.Agent, b.Agent),
            ("action", a.Action, b.Action), ("inputs", a.Inputs, b.Inputs), ("outcome", a.Outcome, b.Outcome),
            ("approval_type", a.ApprovalType, b.ApprovalType), ("approval_id", a.ApprovalId, b.ApprovalId),
            ("cluster", a.Cluster, b.Cluster), ("namespace", a.Namespace, b.Namespace), ("target", a.Target, b.Target),
            ("prev_hash", a.PreviousHash, b.PreviousHash), ("hash", a.Hash, b.Hash),
        ];
        return fields.Where(f => !Equals(f.A, f.B)).Select(f => f.Name);
    }
}
