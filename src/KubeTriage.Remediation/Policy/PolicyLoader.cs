using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeTriage.Remediation.Policy;

/// <summary>Reads the YAML autonomy policy; never throws: a file it cannot use yields a policy that forbids everything.</summary>
public static partial class PolicyLoader
{
    private static readonly HashSet<string> KnownVerbs = new(StringComparer.Ordinal)
    {
        "create", "update", "patch", "delete", "deletecollection", "scale", "exec", "attach", "port-forward", "proxy",
    };

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Loads the policy file at <paramref name="path"/>; null or empty means no policy, which is read-only.</summary>
    public static RemediationPolicy Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return RemediationPolicy.ReadOnly;
        }

        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return RemediationPolicy.FailClosed(path, ex.Message);
        }

        return Parse(yaml, path);
    }

    /// <summary>Parses policy YAML; <paramref name="source"/> names it in reasons (a file path).</summary>
    public static RemediationPolicy Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var document = Deserializer.Deserialize<PolicyDocument?>(yaml)
                ?? throw new PolicyFormatException("the file is empty");
            return Build(document, source);
        }
        catch (YamlException ex)
        {
            return RemediationPolicy.FailClosed(source, Flatten(ex));
        }
        catch (PolicyFormatException ex)
        {
            return RemediationPolicy.FailClosed(source, ex.Message);
        }
    }

    private static RemediationPolicy Build(PolicyDocument document, string source)
    {
        if (document.Version is not (null or 1))
        {
            throw new PolicyFormatException($"version {document.Version} is not supported (expected 1)");
        }

        var maxBulk = document.MaxBulkObjects ?? RemediationPolicy.DefaultMaxBulkObjects;
        if (maxBulk is < 0 or > 1000)
        {
            throw new PolicyFormatException($"maxBulkObjects {maxBulk} is outside 0..1000");
        }

        var protectedNamespaces = document.ProtectedNamespaces ?? [];
        foreach (var ns in protectedNamespaces)
        {
            if (!NamespaceName().IsMatch(ns ?? ""))
            {
                throw new PolicyFormatException($"protectedNamespaces: '{ns}' is not a namespace name");
            }
        }

        var workflows = new Dictionary<string, WorkflowOverride>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, workflow) in document.Workflows ?? [])
        {
            var where = $"workflows.{name}";
            workflows[name] = new WorkflowOverride(
                BuildRules(workflow?.Rules, where),
                workflow?.DefaultTier is null ? null : ParseTier(workflow.DefaultTier, $"{where}.defaultTier"));
        }

        return new RemediationPolicy(
            source,
            BuildRules(document.Rules, "rules"),
            document.DefaultTier is null ? RiskTier.Confirm : ParseTier(document.DefaultTier, "defaultTier"),
            protectedNamespaces,
            maxBulk,
            workflows);
    }

    private static List<PolicyRule> BuildRules(List<PolicyDocument.RuleDocument>? rules, string where)
    {
        var result = new List<PolicyRule>();
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i] ?? throw new PolicyFormatException($"{where}[{i}] is empty");
            var name = string.IsNullOrWhiteSpace(rule.Name) ? $"{where}[{i}]" : rule.Name;
            var at = $"{where}[{i}] ({name})";
            if (rule.Tier is null)
            {
                throw new PolicyFormatException($"{at}: tier is required");
            }

            result.Add(new PolicyRule(
                name,
                ParseTier(rule.Tier, $"{at}.tier"),
                Set(rule.Verbs, v => KnownVerbs.Contains(v) ? v : throw new PolicyFormatException($"{at}: unknown verb '{v}'")),
                Set(rule.Kinds, KubernetesKinds.Canonicalize, StringComparer.OrdinalIgnoreCase),
                Namespaces(rule.Namespaces, at),
                rule.MatchLabels ?? [],
                Set(rule.Actions, a => a),
                Set(rule.Commands, c => c)));
        }

        return result;
    }

    private static HashSet<string> Set(List<string>? values, Func<string, string> normalise, StringComparer? comparer = null)
    {
        var set = new HashSet<string>(comparer ?? StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new PolicyFormatException("a rule lists an empty value");
            }

            // "*" in a list means the same as leaving the list out.
            if (value == "*")
            {
                return new HashSet<string>();
            }

            set.Add(normalise(value.Trim()));
        }

        return set;
    }

    private static List<string> Namespaces(List<string>? values, string at)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            if (value == "*")
            {
                return [];
            }

            if (!NamespacePattern().IsMatch(value ?? ""))
            {
                throw new PolicyFormatException($"{at}: '{value}' is not a namespace name or a prefix ending in *");
            }

            list.Add(value!);
        }

        return list;
    }

    private static RiskTier ParseTier(string value, string at) => value.Trim().ToLowerInvariant() switch
    {
        "safe" => RiskTier.Safe,
        "confirm" => RiskTier.Confirm,
        "forbidden" => RiskTier.Forbidden,
        _ => throw new PolicyFormatException($"{at}: unknown tier '{value}' (expected safe, confirm or forbidden)"),
    };

    private static string Flatten(YamlException ex)
        => ex.InnerException is null ? ex.Message : $"{ex.Message}: {ex.InnerException.Message}";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex NamespaceName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$|^[a-z0-9][-a-z0-9]{0,61}\\*$")]
    private static partial Regex NamespacePattern();

    private sealed class PolicyFormatException(string message) : Exception(message);
}
