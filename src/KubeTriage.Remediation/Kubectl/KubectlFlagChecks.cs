using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Validates the values of flags whose meaning KubeTriage relies on or that could leak secrets.</summary>
internal static partial class KubectlFlagChecks
{
    private static readonly string[] OutputFormats = ["json", "yaml", "wide", "name", "plaintext", "plaintext-openapiv2"];
    private static readonly string[] TemplateOutputs = ["jsonpath=", "jsonpath-as-json=", "custom-columns=", "go-template=", "template="];

    public static string? Namespace(KubectlArgv argv)
    {
        var ns = argv.Flag("namespace");
        return ns is null || KubectlCommand.NamespaceName().IsMatch(ns)
            ? ns
            : throw new KubectlRefusedException($"'{ns}' is not a namespace name");
    }

    public static void Common(KubectlArgv argv)
    {
        if (argv.Flag("v") is { } level && !(int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 5))
        {
            throw new KubectlRefusedException($"-v={level} is not allowed: levels above 5 print request and response bodies");
        }

        if (argv.Flag("request-timeout") is { } timeout && !Duration().IsMatch(timeout))
        {
            throw new KubectlRefusedException($"--request-timeout={timeout} is not a duration such as 30s");
        }

        if (argv.Flag("output") is { } output && !OutputFormats.Contains(output) && !TemplateOutputs.Any(p => output.StartsWith(p, StringComparison.Ordinal)))
        {
            throw new KubectlRefusedException($"-o {output} is not an allowed output format (json, yaml, wide, name, jsonpath=, custom-columns=, go-template=)");
        }

        if (argv.Flag("cascade") is { } cascade && cascade is not ("background" or "foreground" or "orphan" or "true" or "false"))
        {
            throw new KubectlRefusedException($"--cascade={cascade} is not background, foreground or orphan");
        }
    }

    public static KubectlDryRun DryRun(KubectlArgv argv) => argv.Flag("dry-run") switch
    {
        null or "none" or "false" or "0" or "f" or "F" or "FALSE" or "False" => KubectlDryRun.None,
        "client" or "true" or "1" or "t" or "T" or "TRUE" or "True" => KubectlDryRun.Client,
        "server" => KubectlDryRun.Server,
        "unchanged" => throw new KubectlRefusedException("--dry-run needs a value: --dry-run=client, --dry-run=server or --dry-run=none"),
        var other => throw new KubectlRefusedException($"--dry-run={other} is not client, server or none"),
    };

    public static int? Integer(KubectlArgv argv, string flag, int min)
    {
        var text = argv.Flag(flag);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new KubectlRefusedException($"--{flag}={text} is not a whole number of at least {min}");
    }

    /// <summary>Refuses output that would print Secret data (only the default table, wide and name are allowed).</summary>
    public static void SecretOutput(KubectlArgv argv, IEnumerable<KubectlTarget> targets)
    {
        var output = argv.Flag("output");
        var printsObject = argv.Flag("template") is not null || output is not (null or "wide" or "name");
        if (printsObject && targets.Any(t => string.Equals(t.Kind, "Secret", StringComparison.Ordinal)))
        {
            throw new KubectlRefusedException($"-o {output ?? "template"} on Secrets would print their values; KubeTriage never shows Secret data");
        }
    }

    [GeneratedRegex("^[0-9]+(ms|s|m|h)?$")]
    private static partial Regex Duration();
}
