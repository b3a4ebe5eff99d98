using System.Globalization;
using System.Text;
using KubeTriage.Remediation.Kubectl;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Tests.Kubectl;

/// <summary>Runs every line of adversarial-commands.txt through the parser and a permissive sample policy.</summary>
public sealed class AdversarialCorpusTests
{
    /// <summary>Deletes of pods, restarts, scaling and labels in shop are safe: the guards must hold even so.</summary>
    internal const string SamplePolicy = """
        defaultTier: confirm
        protectedNamespaces: [payments]
        rules:
          - {name: delete-pods-shop, tier: safe, verbs: [delete], kinds: [pod], namespaces: [shop]}
          - {name: restart-shop, tier: safe, commands: ["rollout restart"], namespaces: [shop]}
          - {name: scale-shop, tier: safe, verbs: [scale], namespaces: [shop]}
          - {name: label-shop, tier: safe, commands: [label, annotate], namespaces: [shop]}
          - {name: no-workload-deletes, tier: forbidden, verbs: [delete], kinds: [deploy, svc]}
        """;

    private const int CurrentReplicas = 3;

    private static readonly RemediationPolicy Policy = PolicyLoader.Parse(SamplePolicy, "sample");

    [Fact]
    public void Corpus_EveryLine_HasTheExpectedOutcome_AndNothingRunsOutsideThePolicy()
    {
        var entries = Load();
        Assert.True(entries.Count >= 300, $"the corpus has {entries.Count} entries");
        var mismatches = new List<string>();
        var escapes = 0;
        foreach (var (line, expected, command) in entries)
        {
            var (actual, why) = Classify(command);
            if (actual != expected)
            {
                mismatches.Add($"line {line}: expected {expected}, got {actual} ({why}): {command}");
            }

            if (expected is "refused" or "forbidden" && actual is "read" or "safe" or "confirm")
            {
                escapes++;
            }
        }

        TestContext.Current.SendDiagnosticMessage($"adversarial corpus: {entries.Count} commands, {escapes} would run outside the policy, {mismatches.Count} mismatches");
        Assert.Equal(0, escapes);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void Corpus_CoversEveryOutcome()
    {
        var counts = Load().GroupBy(e => e.Expected).ToDictionary(g => g.Key, g => g.Count());
        foreach (var outcome in new[] { "refused", "forbidden", "confirm", "safe", "read" })
        {
            Assert.True(counts.GetValueOrDefault(outcome) >= 30, $"{outcome}: {counts.GetValueOrDefault(outcome)}");
        }
    }

    internal static (string Outcome, string Why) Classify(string commandLine)
    {
        if (!KubectlCommandParser.TryParse(commandLine, out var command, out var rejection))
        {
            return ("refused", rejection);
        }

        if (!command.IsWrite)
        {
            return ("read", command.Subcommand);
        }

        Assert.NotEmpty(command.Mutations);
        var decisions = command.WithDefaultNamespace("default").Mutations
            .Select(m => Policy.Evaluate(m with { ReplicaDelta = command.ReplicasTarget - CurrentReplicas }))
            .ToList();
        var strictest = decisions.MaxBy(d => d.Tier)!;
        return (strictest.Tier.ToString().ToLowerInvariant(), strictest.Reason);
    }

    private static List<(int Line, string Expected, string Command)> Load()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "KubeTriage.Remediation.Tests", "Kubectl", "adversarial-commands.txt");
        var entries = new List<(int, string, string)>();
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var space = lines[i].IndexOf(' ', StringComparison.Ordinal);
            var expected = space < 0 ? lines[i] : lines[i][..space];
            var command = space < 0 ? "" : Unescape(lines[i][(space + 1)..]);
            entries.Add((i + 1, expected, command));
        }

        return entries;
    }

    private static string Unescape(string text)
    {
        foreach (var (name, code) in new[] { ("LF", 10), ("CR", 13), ("NUL", 0), ("TAB", 9), ("ESC", 27), ("VT", 11), ("BEL", 7), ("DEL", 127) })
        {
            text = text.Replace("{" + name + "}", ((char)code).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
