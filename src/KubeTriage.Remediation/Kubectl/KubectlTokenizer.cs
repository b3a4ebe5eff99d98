using System.Text;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Splits a command line into arguments the way a POSIX shell would, refusing everything a shell would interpret.</summary>
/// <remarks>
/// Supported: spaces and tabs between words, single quotes (all literal), double quotes (backslash escapes
/// <c>\" \\ \$ \`</c>), a backslash outside quotes escaping the next character. Refused: pipes, lists, redirections,
/// substitutions, subshells, globs, brace and tilde expansion, a word starting with <c>#</c> (a comment), any <c>$</c> or backtick inside double
/// quotes, newlines, control characters and any character outside printable ASCII (which stops lookalikes).
/// </remarks>
internal static class KubectlTokenizer
{
    /// <summary>Characters refused anywhere outside quotes.</summary>
    public const string Metacharacters = "|;&<>()$`*?[]{}~";

    public static List<string> Tokenize(string commandLine)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var i = 0;
        while (i < commandLine.Length)
        {
            var c = commandLine[i];
            Check(c, i);
            if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                i++;
                continue;
            }

            if (!inWord && c == '#')
            {
                throw new KubectlRefusedException($"'{c}' at the start of a word would be interpreted by a shell (position {i})");
            }

            inWord = true;
            i = c switch
            {
                '\'' => SingleQuoted(commandLine, i, current),
                '"' => DoubleQuoted(commandLine, i, current),
                '\\' => Escaped(commandLine, i, current),
                _ when Metacharacters.Contains(c, StringComparison.Ordinal) => throw new KubectlRefusedException($"shell metacharacter '{c}' at position {i} is not allowed; commands never run through a shell"),
                _ => Append(current, c, i),
            };
        }

        if (inWord)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static int Append(StringBuilder current, char c, int i)
    {
        current.Append(c);
        return i + 1;
    }

    private static int SingleQuoted(string s, int start, StringBuilder current)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            if (s[i] == '\'')
            {
                return i + 1;
            }

            Check(s[i], i, quoted: true);
            current.Append(s[i]);
        }

        throw new KubectlRefusedException($"the single quote at position {start} is not closed");
    }

    private static int DoubleQuoted(string s, int start, StringBuilder current)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            var c = s[i];
            Check(c, i, quoted: true);
            switch (c)
            {
                case '"':
                    return i + 1;
                case '$' or '`':
                    throw new KubectlRefusedException($"'{c}' inside double quotes at position {i} would be expanded by a shell");
                case '\\' when i + 1 < s.Length && s[i + 1] is '"' or '\\' or '$' or '`':
                    current.Append(s[++i]);
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        throw new KubectlRefusedException($"the double quote at position {start} is not closed");
    }

    private static int Escaped(string s, int start, StringBuilder current)
    {
        if (start + 1 >= s.Length)
        {
            throw new KubectlRefusedException("the command ends with a lone backslash");
        }

        Check(s[start + 1], start + 1, quoted: true);
        current.Append(s[start + 1]);
        return start + 2;
    }

    private static void Check(char c, int position, bool quoted = false)
    {
        if (c is '\n' or '\r')
        {
            throw new KubectlRefusedException($"a line break at position {position} is not allowed: one command per request");
        }

        if (c == '\t' && !quoted)
        {
            return;
        }

        if (c < 0x20 || c == 0x7f)
        {
            throw new KubectlRefusedException($"control character U+{(int)c:X4} at position {position} is not allowed");
        }

        if (c > 0x7e)
        {
            throw new KubectlRefusedException($"non-ASCII character U+{(int)c:X4} at position {position} is not allowed (lookalike characters hide what runs)");
        }
    }
}
