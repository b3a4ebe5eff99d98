namespace KubeTriage.Core.Diagnosis;

/// <summary>Names the severities of the report contract.</summary>
public static class Severity
{
    /// <summary>Service or replicas down now.</summary>
    public const string Critical = "critical";

    /// <summary>Degraded or about to fail.</summary>
    public const string Warning = "warning";

    /// <summary>Worth knowing, nothing broken.</summary>
    public const string Info = "info";

    /// <summary>Ranks a severity for sorting: critical first.</summary>
    public static int Rank(string severity) => severity switch
    {
        Critical => 0,
        Warning => 1,
        _ => 2,
    };
}
