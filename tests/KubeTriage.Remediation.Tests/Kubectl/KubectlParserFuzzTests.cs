using System.Text;
using KubeTriage.Remediation.Kubectl;

namespace KubeTriage.Remediation.Tests.Kubectl;

/// <summary>Property tests over random command lines built from kubectl words, flags, quoting and shell metacharacters.</summary>
public sealed class KubectlParserFuzzTests
{
    private static readonly string[] Words =
    [
        "get", "delete", "describe", "logs", "pods", "pod/x", "deploy", "deploy/web", "rollout", "restart", "scale", "label",
        "annotate", "top", "pod", "events", "exec", "cordon", "node/n1", "secret", "svc,po", "x", "y", "a=b", "app-",
        "-n", "shop", "kube-system", "-nshop", "-n=kube-system", "--namespace=kube-system", "--namespace", "-A", "-Ao", "wide",
        "--all", "--all=false", "-l", "app=x", "-lapp=x", "--selector=app in (a,b)", "-o", "yaml", "-ojson", "--dry-run=server",
        "--dry-run", "--force", "--grace-period=0", "--replicas=3", "--replicas", "-v=4", "-v=9", "--kubeconfig=/etc/k",
        "--token", "abc", "-s", "https://x", "--server=x", "--as=admin", "--user=me", "--context=prod", "-f", "x.yaml", "-k",
        "--raw", "/api", "--insecure-skip-tls-verify", "--", "-w", "-Aw", "-Rs", "--field-selector=a=b", "-c", "app", "-p",
        "--tail=10", "--previous", "''", "it's", "a b", "-", "--", "-=", "--=x", "-nA",
    ];

    private static readonly string[] Heads =
    [
        "get pods", "delete pod x", "rollout restart deploy/web", "scale deploy/web --replicas=3", "label pod x a=b",
        "logs web", "delete pods -l app=x", "get deploy,svc", "top pod", "describe pod x", "annotate pod x a=b",
    ];

    private static readonly string[] Metacharacters = [";", "|", "&", "&&", "||", ">", "<", ">>", "$(id)", "`id`", "$HOME", "(", ")", "\n", "*", "{a,b}", "~"];

    private static readonly HashSet<string> RefusedLong = new(StringComparer.Ordinal)
    {
        "kubeconfig", "token", "server", "as", "as-group", "as-uid", "user", "cluster", "context", "insecure-skip-tls-verify",
        "certificate-authority", "client-certificate", "client-key", "raw", "filename", "kustomize", "watch", "follow", "interactive",
    };

    private const string RefusedShort = "sfkwit";
    private const string ValueShort = "nlocLpev";

    [Fact]
    public void Parser_RandomCommands_KeepsItsInvariants()
    {
        var random = new Random(20240611);
        var accepted = 0;
        for (var i = 0; i < 4000; i++)
        {
            var (line, hasMetacharacter) = Generate(random);
            var ok = KubectlCommandParser.TryParse(line, out var command, out var rejection);
            if (hasMetacharacter)
            {
                Assert.False(ok, "unquoted metacharacter accepted: " + line);
            }

            if (!ok)
            {
                Assert.False(string.IsNullOrWhiteSpace(rejection));
                continue;
            }

            accepted++;
            AssertNoRefusedFlag(command!.Arguments, line);
            Assert.True(KubectlCommandParser.TryParse(command.ToCommandLine(), out var again, out var why), $"{line} -> {command.ToCommandLine()}: {why}");
            Assert.Equal(command.Arguments, again.Arguments);
            Assert.Equal(command.Mutations, again.Mutations, (a, b) => a.Verb == b.Verb && a.Kind == b.Kind && a.Namespace == b.Namespace && a.Name == b.Name);
        }

        Assert.True(accepted > 1000, $"only {accepted} random commands parsed; the grammar is too hostile to test much");
    }

    [Fact]
    public void Parser_RandomBytes_NeverThrows()
    {
        var random = new Random(99);
        const string alphabet = "kubectl get -n\"'\\$`;|&<>()=/ \t\nA-z0\u00e9\0";
        for (var i = 0; i < 3000; i++)
        {
            var line = "kubectl " + new string([.. Enumerable.Range(0, random.Next(40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            _ = KubectlCommandParser.TryParse(line, out _, out _);
        }
    }

    private static (string Line, bool HasMetacharacter) Generate(Random random)
    {
        var line = new StringBuilder(random.Next(20) == 0 ? "kubectl.exe" : "kubectl");
        var hasMetacharacter = false;
        foreach (var word in Heads[random.Next(Heads.Length)].Split(' '))
        {
            line.Append(' ').Append(Render(word, random));
        }

        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            line.Append(' ');
            if (random.Next(12) == 0)
            {
                var meta = Metacharacters[random.Next(Metacharacters.Length)];
                line.Append(meta);
                hasMetacharacter = true;
                continue;
            }

            line.Append(Render(Words[random.Next(Words.Length)], random));
        }

        return (line.ToString(), hasMetacharacter);
    }

    private static string Render(string word, Random random) => random.Next(5) switch
    {
        0 => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'",
        1 => "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        2 => string.Concat(word.Select(c => "\\" + c)),
        _ => KubectlQuoting.Quote(word),
    };

    private static void AssertNoRefusedFlag(IReadOnlyList<string> arguments, string line)
    {
        foreach (var argument in arguments)
        {
            if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                var name = argument[2..].Split('=')[0];
                Assert.False(RefusedLong.Contains(name), $"--{name} survived: {line}");
            }
            else if (argument.StartsWith('-'))
            {
                foreach (var letter in argument.Skip(1))
                {
                    Assert.False(RefusedShort.Contains(letter), $"-{letter} survived: {line}");
                    if (ValueShort.Contains(letter) || letter == '=')
                    {
                        break;
                    }
                }
            }
        }
    }
}
