namespace KubeTriage.Remediation.Kubectl;

/// <summary>The argv of a kubectl command split like cobra and pflag split it: subcommand, flag values (last one wins) and positionals.</summary>
internal sealed class KubectlArgv
{
    private KubectlArgv(KubectlSubcommand subcommand, Dictionary<string, string> flags, List<string> positionals)
    {
        Subcommand = subcommand;
        Flags = flags;
        Positionals = positionals;
    }

    public KubectlSubcommand Subcommand { get; }

    /// <summary>Gets the value of every flag given, by long name; booleans are <c>true</c> or <c>false</c>.</summary>
    public IReadOnlyDictionary<string, string> Flags { get; }

    public IReadOnlyList<string> Positionals { get; }

    public string? Flag(string name) => Flags.GetValueOrDefault(name);

    public bool IsSet(string name) => Flags.GetValueOrDefault(name) == "true";

    /// <summary>Splits <paramref name="args"/> (the words after <c>kubectl</c>); throws <see cref="KubectlRefusedException"/>.</summary>
    public static KubectlArgv Split(IReadOnlyList<string> args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        var path = "";
        KubectlSubcommand? subcommand = null;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--")
            {
                throw new KubectlRefusedException("the '--' separator is not allowed (it passes a command to run in a container or pod)");
            }

            if (word.Length > 1 && word[0] == '-')
            {
                if (subcommand is null && path.Length > 0 && KubectlSubcommands.IsGroup(path, out var runnable) && runnable)
                {
                    subcommand = Resolve(path);
                }

                i = ReadFlag(args, i, subcommand?.Flags ?? KubectlSubcommands.Global, flags, subcommand is null);
            }
            else if (subcommand is not null)
            {
                positionals.Add(word);
            }
            else
            {
                var candidate = KubectlSubcommands.Canonical(path.Length == 0 ? word : path + " " + word);
                if (KubectlSubcommands.IsGroup(candidate, out _))
                {
                    path = candidate;
                }
                else
                {
                    subcommand = Resolve(candidate);
                }
            }
        }

        if (subcommand is null)
        {
            subcommand = path.Length == 0
                ? throw new KubectlRefusedException("no kubectl subcommand given")
                : KubectlSubcommands.IsGroup(path, out var runnable) && runnable
                    ? Resolve(path)
                    : throw new KubectlRefusedException($"kubectl {path} needs a subcommand");
        }

        return new KubectlArgv(subcommand, flags, positionals);
    }

    private static KubectlSubcommand Resolve(string path)
    {
        var subcommand = KubectlSubcommands.Find(path) ?? throw new KubectlRefusedException(path.Contains(' ', StringComparison.Ordinal)
            ? $"unknown subcommand 'kubectl {path}'"
            : $"unknown subcommand '{path}': kubectl would look for a plugin, and plugins are not allowed");
        return subcommand.Access == KubectlAccess.Refused ? throw new KubectlRefusedException(subcommand.Refusal!) : subcommand;
    }

    private static int ReadFlag(IReadOnlyList<string> args, int i, KubectlFlagSet set, Dictionary<string, string> values, bool beforeSubcommand)
    {
        var word = args[i];
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? word[2..] : word[2..eq];
            var inline = eq < 0 ? null : word[(eq + 1)..];
            var flag = Known(set.Find(name), "--" + name, beforeSubcommand);
            values[flag.Name] = flag.Arity switch
            {
                KubectlFlagArity.Bool => inline is null ? "true" : ParseBool(inline, flag.Name),
                KubectlFlagArity.OptionalValue => inline ?? flag.BareValue!,
                _ => inline ?? Next(args, ref i, flag.Name),
            };
            return i;
        }

        // pflag shorthand clusters: booleans chain (-Ap), a value flag takes the rest of the word (-nshop, -n=shop) or the next word.
        for (var j = 1; j < word.Length; j++)
        {
            var flag = Known(set.Find(word[j]), "-" + word[j], beforeSubcommand);
            var rest = word[(j + 1)..];
            if (flag.Arity == KubectlFlagArity.Bool)
            {
                if (rest.StartsWith('='))
                {
                    values[flag.Name] = ParseBool(rest[1..], flag.Name);
                    return i;
                }

                values[flag.Name] = "true";
                continue;
            }

            values[flag.Name] = rest.StartsWith('=') ? rest[1..] : rest.Length > 0 ? rest : Next(args, ref i, flag.Name);
            return i;
        }

        return i;
    }

    private static KubectlFlag Known(KubectlFlag? flag, string written, bool beforeSubcommand)
    {
        if (flag is null)
        {
            throw new KubectlRefusedException(beforeSubcommand
                ? $"unknown flag {written} before the subcommand (only global flags such as -n may come first)"
                : $"unknown flag {written}");
        }

        return flag.Refusal is null ? flag : throw new KubectlRefusedException(flag.Refusal);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count)
        {
            throw new KubectlRefusedException($"flag --{name} needs a value");
        }

        var value = args[++i];
        return value.StartsWith('-')
            ? throw new KubectlRefusedException($"the value '{value}' of --{name} looks like a flag; write --{name}={value} if you mean it")
            : value;
    }

    /// <summary>Parses a boolean the way Go's strconv.ParseBool does, which is what kubectl accepts.</summary>
    private static string ParseBool(string value, string name) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => "true",
        "0" or "f" or "F" or "FALSE" or "false" or "False" => "false",
        _ => throw new KubectlRefusedException($"--{name}={value} is not a boolean"),
    };
}
