using System.Text.RegularExpressions;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Quotes arguments so that <see cref="KubectlTokenizer"/> (and a POSIX shell) read them back unchanged.</summary>
public static partial class KubectlQuoting
{
    /// <summary>Returns the arguments as one command-line fragment, each quoted when it needs to be.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    /// <summary>Returns one argument, single-quoted unless it is plain.</summary>
    public static string Quote(string argument)
        => Plain().IsMatch(argument) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./:=,@%+-][A-Za-z0-9_./:=,@%+!#-]*$")]
    private static partial Regex Plain();
}
