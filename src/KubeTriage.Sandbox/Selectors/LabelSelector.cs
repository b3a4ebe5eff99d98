using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;

namespace KubeTriage.Sandbox.Selectors;

/// Parses label selectors with the grammar and error wording of apimachinery's labels.Parse.
internal sealed class LabelSelector
{
    private const string Eos = "\0eos";

    private readonly List<string> _tokens;
    private int _position;

    private LabelSelector(string text)
    {
        _tokens = Tokenize(text);
    }

    public IReadOnlyList<LabelRequirement> Requirements { get; private set; } = [];

    public static LabelSelector Everything { get; } = new("");

    /// <summary>Parses a selector; a malformed one throws the recorded 400 BadRequest.</summary>
    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector(text ?? "");
        try
        {
            selector.Requirements = selector.ParseAll();
        }
        catch (FormatException error)
        {
            throw Statuses.BadRequest(error.Message);
        }

        return selector;
    }

    public bool Matches(JsonObject obj)
    {
        var labels = new Dictionary<string, string>();
        if ((obj["metadata"] as JsonObject)?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value?.GetValue<string>() ?? "";
            }
        }

        return Requirements.All(r => r.Matches(labels));
    }

    private List<LabelRequirement> ParseAll()
    {
        var result = new List<LabelRequirement>();
        if (Peek() == Eos)
        {
            return result;
        }

        while (true)
        {
            var token = Peek();
            if (token != "!" && !IsIdentifier(token))
            {
                throw new FormatException($"found '{Literal(token)}', expected: !, identifier, or 'end of string'");
            }

            try
            {
                result.Add(ParseRequirement());
            }
            catch (FormatException error)
            {
                throw new FormatException($"unable to parse requirement: {error.Message}");
            }

            var next = Next();
            if (next == Eos)
            {
                return result;
            }

            if (next != ",")
            {
                throw new FormatException($"found '{Literal(next)}', expected: ',' or 'end of string'");
            }

            if (Peek() != "!" && !IsIdentifier(Peek()))
            {
                throw new FormatException($"found '{Literal(Peek())}', expected: identifier after ','");
            }
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var negated = false;
        if (Peek() == "!")
        {
            Next();
            negated = true;
        }

        var key = Next();
        if (!IsIdentifier(key))
        {
            throw new FormatException($"found '{Literal(key)}', expected: identifier");
        }

        if (negated)
        {
            return new LabelRequirement(key, "!", []);
        }

        if (Peek() is "," || Peek() == Eos)
        {
            return new LabelRequirement(key, "exists", []);
        }

        var op = Next();
        switch (op)
        {
            case "=" or "==" or "!=":
                var value = Peek();
                if (value == Eos || value == ",")
                {
                    return new LabelRequirement(key, op, [""]);
                }

                if (!IsIdentifier(value))
                {
                    throw new FormatException($"found '{Literal(value)}', expected: identifier");
                }

                Next();
                return new LabelRequirement(key, op, [value]);
            case "in" or "notin":
                return new LabelRequirement(key, op, ParseValueSet());
            case "gt" or "lt":
                return new LabelRequirement(key, op, [Next()]);
            default:
                throw new FormatException($"found '{Literal(op)}', expected: in, notin, =, ==, !=, gt, lt");
        }
    }

    private List<string> ParseValueSet()
    {
        var open = Next();
        if (open != "(")
        {
            throw new FormatException($"found '{Literal(open)}', expected: '('");
        }

        var values = new List<string>();
        if (Peek() == ")")
        {
            Next();
            return [""];
        }

        while (true)
        {
            var token = Next();
            if (token == ",")
            {
                values.Add("");
                continue;
            }

            if (!IsIdentifier(token))
            {
                throw new FormatException($"found '{Literal(token)}', expected: ',', ')' or identifier");
            }

            values.Add(token);
            var separator = Next();
            if (separator == ")")
            {
                return values;
            }

            if (separator != ",")
            {
                throw new FormatException($"found '{Literal(separator)}', expected: ',' or ')'");
            }
        }
    }

    private string Peek() => _position < _tokens.Count ? _tokens[_position] : Eos;

    private string Next() => _position < _tokens.Count ? _tokens[_position++] : Eos;

    private static string Literal(string token) => token == Eos ? "" : token;

    private static bool IsIdentifier(string token) => token != Eos && token is not ("(" or ")" or "," or "!" or "=" or "==" or "!=");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '(' or ')' or ',')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else if (c is '!' or '=')
            {
                Flush();
                if (i + 1 < text.Length && text[i + 1] == '=')
                {
                    tokens.Add(c + "=");
                    i++;
                }
                else
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return tokens;
    }
}
