using System.Text.RegularExpressions;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Quotes arguments so that <see cref="KubectlTokenizer"/> (and a POSIX shell) read them back unchanged.</summary>
internal static partial class KubectlQuoting
{
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    public static string Quote(string argument)
        => Plain().IsMatch(argument) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./:=,@%+-][A-Za-z0-9_./:=,@%+!#-]*$")]
    private static partial Regex Plain();
}
