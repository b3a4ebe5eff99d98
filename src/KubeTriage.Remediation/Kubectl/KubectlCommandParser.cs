using System.Diagnostics.CodeAnalysis;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Parses a kubectl command line from chat into a <see cref="KubectlCommand"/>, refusing anything unsafe before the policy sees it.</summary>
/// <remarks>
/// No shell is involved: the line is tokenized with POSIX quoting and refused if it holds anything a shell would
/// interpret. The first word must be exactly <c>kubectl</c>. Flags are read the way kubectl (cobra/pflag) reads them,
/// anywhere on the line; unknown flags and subcommands (plugins) are refused, as are flags that choose the cluster or
/// the identity, read local files, stream forever, or print credentials. Thread-safe.
/// </remarks>
public static class KubectlCommandParser
{
    /// <summary>The longest command line accepted.</summary>
    public const int MaxLength = 4096;

    private static readonly HashSet<string> SpecShapedSubcommands = new(StringComparer.Ordinal) { "taint" };

    /// <summary>Parses <paramref name="commandLine"/>; on refusal returns false with a reason a person can read.</summary>
    public static bool TryParse(string commandLine, [NotNullWhen(true)] out KubectlCommand? command, [NotNullWhen(false)] out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        try
        {
            command = Parse(commandLine);
            rejection = null;
            return true;
        }
        catch (KubectlRefusedException ex)
        {
            command = null;
            rejection = ex.Message;
            return false;
        }
    }

    private static KubectlCommand Parse(string commandLine)
    {
        if (commandLine.Length > MaxLength)
        {
            throw new KubectlRefusedException($"the command is longer than {MaxLength} characters");
        }

        var words = KubectlTokenizer.Tokenize(commandLine);
        if (words.Count == 0 || words[0] != "kubectl")
        {
            throw new KubectlRefusedException(words.Count > 0 && words[0].EndsWith("/kubectl", StringComparison.Ordinal)
                ? "run kubectl by its name, not by a path"
                : "a command must start with the word kubectl");
        }

        var arguments = words.Skip(1).ToList();
        var argv = KubectlArgv.Split(arguments);
        var sub = argv.Subcommand;
        var ns = KubectlFlagChecks.Namespace(argv);
        KubectlFlagChecks.Common(argv);
        var dryRun = KubectlFlagChecks.DryRun(argv);
        var replicas = KubectlFlagChecks.Integer(argv, "replicas", 0);
        KubectlFlagChecks.Integer(argv, "current-replicas", -1);
        var force = argv.IsSet("force") || KubectlFlagChecks.Integer(argv, "grace-period", -1) == 0;
        if (sub.Path == "scale" && replicas is null)
        {
            throw new KubectlRefusedException("kubectl scale needs --replicas");
        }

        var targets = Targets(argv);
        KubectlFlagChecks.SecretOutput(argv, targets);
        var isWrite = sub.Access == KubectlAccess.Write && !argv.IsSet("list");
        return new KubectlCommand
        {
            Arguments = arguments,
            Subcommand = sub.Path,
            IsWrite = isWrite,
            DryRun = isWrite ? dryRun : KubectlDryRun.None,
            Mutations = isWrite ? Mutations(argv, targets, ns, force) : [],
            Namespace = ns,
            AllNamespaces = argv.IsSet("all-namespaces"),
            OutputFormat = argv.Flag("output"),
            LabelSelector = argv.Flag("selector"),
            ReplicasTarget = replicas,
            Force = isWrite && force,
        };
    }

    private static List<KubectlTarget> Targets(KubectlArgv argv)
    {
        var sub = argv.Subcommand;
        var words = argv.Positionals;
        switch (sub.Shape)
        {
            case KubectlArgumentShape.Resources:
                return KubectlResourceArguments.Parse(words);
            case KubectlArgumentShape.ResourcesThenSpecs:
                return KubectlResourceArguments.Parse([.. words.Where(w => !IsSpec(w, sub.Path))]);
            case KubectlArgumentShape.ResourcesThenValue:
                return words.Count < 2
                    ? throw new KubectlRefusedException($"kubectl {sub.Path} needs a resource and a value")
                    : KubectlResourceArguments.Parse([.. words.Take(words.Count - 1)]);
            case KubectlArgumentShape.Names:
                return words.Count == 0
                    ? [new KubectlTarget(sub.Kind!, null)]
                    : [.. words.Select(w => new KubectlTarget(sub.Kind!, KubectlResourceArguments.Name(w)))];
            case KubectlArgumentShape.NewName:
                return words.Count == 1
                    ? [new KubectlTarget(sub.Kind!, KubectlResourceArguments.Name(words[0]))]
                    : throw new KubectlRefusedException($"kubectl {sub.Path} needs exactly one name");
            default:
                return [];
        }
    }

    private static bool IsSpec(string word, string path)
        => word.Contains('=', StringComparison.Ordinal) || word.EndsWith('-')
            || (SpecShapedSubcommands.Contains(path) && word.Contains(':', StringComparison.Ordinal));

    private static List<MutationRequest> Mutations(KubectlArgv argv, List<KubectlTarget> targets, string? ns, bool force)
    {
        var sub = argv.Subcommand;
        var selector = argv.Flag("selector");
        var fieldSelector = argv.Flag("field-selector");
        var all = argv.IsSet("all");
        var named = targets.Any(t => t.Name is not null);
        var selects = selector is not null || fieldSelector is not null || all;
        if (targets.Count == 0 || (!named && !selects))
        {
            throw new KubectlRefusedException($"kubectl {sub.Path} names no object: give TYPE/NAME (or a selector, which the policy treats as bulk)");
        }

        if (named && selects && sub.Shape != KubectlArgumentShape.NewName)
        {
            throw new KubectlRefusedException("names cannot be combined with -l, --field-selector or --all");
        }

        var verb = sub.Verb!;
        if (sub.Path == "patch" && (argv.Flag("subresource") == "scale" || (argv.Flag("patch") ?? "").Contains("replicas", StringComparison.OrdinalIgnoreCase)))
        {
            // A patch that changes replicas is a scale whose delta is unknown, so the scale bound still applies.
            verb = "scale";
        }

        return [.. targets.Select(t =>
        {
            // expose and autoscale create a new object named after the source unless --name says otherwise.
            var creates = sub.Kind is not null && sub.Shape == KubectlArgumentShape.Resources;
            var kind = creates ? sub.Kind! : t.Kind;
            return new MutationRequest
            {
                Verb = verb,
                Kind = kind,
                Namespace = KubernetesKinds.IsClusterScoped(kind) ? null : ns,
                Name = creates ? argv.Flag("name") ?? t.Name : t.Name,
                LabelSelector = named ? null : selector,
                FieldSelector = named ? null : fieldSelector,
                AllObjects = all,
                AllNamespaces = argv.IsSet("all-namespaces"),
                Force = force && verb == "delete",
                Command = sub.Path,
            };
        })];
    }
}
