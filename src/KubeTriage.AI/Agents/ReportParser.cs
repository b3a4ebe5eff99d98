using System.Text.Json;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.AI.Agents;

/// <summary>Reads the coordinator's final answer as a <see cref="DiagnosisReport"/>, saying why when it cannot.</summary>
internal static class ReportParser
{
    private static readonly string[] Severities = [Severity.Critical, Severity.Warning, Severity.Info];
    private static readonly string[] Risks = ["safe", "confirm", "forbidden"];

    public static bool TryParse(string? answer, out DiagnosisReport? report, out string error)
    {
        report = null;
        var json = ExtractObject(answer);
        if (json is null)
        {
            error = "no JSON object found";
            return false;
        }

        try
        {
            report = JsonSerializer.Deserialize<DiagnosisReport>(json);
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }

        error = Validate(report);
        if (error.Length > 0)
        {
            report = null;
            return false;
        }

        return true;
    }

    // Models often wrap JSON in a ```json fence or a sentence; the object itself is what counts.
    private static string? ExtractObject(string? answer)
    {
        var start = answer?.IndexOf('{') ?? -1;
        var end = answer?.LastIndexOf('}') ?? -1;
        return start < 0 || end <= start ? null : answer![start..(end + 1)];
    }

    private static string Validate(DiagnosisReport? report)
    {
        if (report is null || string.IsNullOrWhiteSpace(report.Summary))
        {
            return "summary is missing";
        }

        for (var i = 0; i < report.RootCauses.Count; i++)
        {
            var cause = report.RootCauses[i];
            if (cause is null || cause.Resource is null || string.IsNullOrEmpty(cause.Resource.Kind) || string.IsNullOrEmpty(cause.Resource.Name))
            {
                return $"rootCauses[{i}].resource needs kind and name";
            }

            if (!Severities.Contains(cause.Severity))
            {
                return $"rootCauses[{i}].severity must be one of {string.Join(", ", Severities)}";
            }

            var remediation = cause.Remediation ?? [];
            for (var j = 0; j < remediation.Count; j++)
            {
                if (remediation[j] is null || !Risks.Contains(remediation[j].Risk))
                {
                    return $"rootCauses[{i}].remediation[{j}].risk must be one of {string.Join(", ", Risks)}";
                }
            }
        }

        return "";
    }
}
