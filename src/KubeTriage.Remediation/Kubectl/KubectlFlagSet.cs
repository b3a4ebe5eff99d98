namespace KubeTriage.Remediation.Kubectl;

/// <summary>The flags one subcommand accepts, looked up by long name or shorthand; the subcommand's own flags shadow the global ones.</summary>
internal sealed class KubectlFlagSet
{
    private readonly Dictionary<string, KubectlFlag> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<char, KubectlFlag> _byShorthand = [];

    private KubectlFlagSet(KubectlFlagSet? parent)
    {
        if (parent is not null)
        {
            foreach (var flag in parent._byName.Values)
            {
                Add(flag);
            }
        }
    }

    public static KubectlFlagSet Empty { get; } = new(null);

    /// <summary>Creates a set from specs like <c>"namespace,n:v"</c>: <c>b</c> bool, <c>v</c> value, <c>o=default</c> optional value; a trailing <c>!</c> refuses the flag.</summary>
    public static KubectlFlagSet Of(KubectlFlagSet? parent, params IEnumerable<string>[] specGroups)
    {
        var set = new KubectlFlagSet(parent);
        foreach (var spec in specGroups.SelectMany(g => g))
        {
            set.Add(ParseSpec(spec));
        }

        return set;
    }

    public KubectlFlag? Find(string name) => _byName.GetValueOrDefault(name);

    public KubectlFlag? Find(char shorthand) => _byShorthand.GetValueOrDefault(shorthand);

    private void Add(KubectlFlag flag)
    {
        if (_byName.TryGetValue(flag.Name, out var shadowed) && shadowed.Shorthand is { } oldShort)
        {
            _byShorthand.Remove(oldShort);
        }

        _byName[flag.Name] = flag;
        if (flag.Shorthand is { } shorthand)
        {
            _byShorthand[shorthand] = flag;
        }
    }

    private static KubectlFlag ParseSpec(string spec)
    {
        var refused = spec.EndsWith('!');
        var body = refused ? spec[..^1] : spec;
        var colon = body.LastIndexOf(':');
        var names = body[..colon].Split(',');
        var arity = body[(colon + 1)..];
        var name = names[0];
        char? shorthand = names.Length > 1 ? names[1][0] : null;
        (KubectlFlagArity Kind, string? Bare) parsed = arity[0] switch
        {
            'b' => (KubectlFlagArity.Bool, "true"),
            'v' => (KubectlFlagArity.Value, null),
            'o' => (KubectlFlagArity.OptionalValue, arity[2..]),
            _ => throw new ArgumentException("bad flag spec " + spec, nameof(spec)),
        };
        var (kind, bare) = parsed;
        return new KubectlFlag(name, shorthand, kind, bare, refused ? KubectlFlagRefusals.Reason(name) : null);
    }
}
