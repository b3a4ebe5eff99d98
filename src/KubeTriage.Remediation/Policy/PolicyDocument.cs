namespace KubeTriage.Remediation.Policy;

/// <summary>The policy file as YAML gives it; <see cref="PolicyLoader"/> validates it into a <see cref="RemediationPolicy"/>.</summary>
internal sealed class PolicyDocument
{
    public int? Version { get; set; }

    public string? DefaultTier { get; set; }

    public int? MaxBulkObjects { get; set; }

    public List<string>? ProtectedNamespaces { get; set; }

    public List<RuleDocument>? Rules { get; set; }

    public Dictionary<string, WorkflowDocument>? Workflows { get; set; }

    internal sealed class RuleDocument
    {
        public string? Name { get; set; }

        public string? Tier { get; set; }

        public List<string>? Verbs { get; set; }

        public List<string>? Kinds { get; set; }

        public List<string>? Namespaces { get; set; }

        public Dictionary<string, string>? MatchLabels { get; set; }

        public List<string>? Actions { get; set; }

        public List<string>? Commands { get; set; }
    }

    internal sealed class WorkflowDocument
    {
        public string? DefaultTier { get; set; }

        public List<RuleDocument>? Rules { get; set; }
    }
}
