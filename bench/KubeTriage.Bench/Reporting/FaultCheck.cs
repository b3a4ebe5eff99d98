using KubeTriage.Bench.Generator;
using KubeTriage.Bench.Phases;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Bench.Reporting;

/// <summary>Phase 3: did the report name every planted fault, and did it report anything on healthy workloads?</summary>
internal static class FaultCheck
{
    public static FaultCheckResult Check(IReadOnlyList<PlantedFault> faults, IReadOnlyList<CauseSummary> causes)
    {
        var missed = new List<MissedFault>();
        foreach (var fault in faults)
        {
            var expected = fault.ExpectedResource.ToString();
            var found = causes.Any(c => c.Category == fault.ExpectedCategory && (c.Resource == expected || c.Affected.Contains(expected)));
            if (!found)
            {
                // What the engine said about this workload instead, so the lead can see the misclassification.
                var instead = causes.Where(c => Mentions(fault, c))
                    .Select(c => $"{c.Category} ({c.Severity}) on {c.Resource}: {c.Title}")
                    .ToList();
                missed.Add(new MissedFault(fault.Kind.ToString(), fault.ExpectedCategory, expected, instead));
            }
        }

        var falsePositives = causes
            .Where(c => c.Severity is Severity.Critical or Severity.Warning)
            .Where(c => !faults.Any(f => Mentions(f, c)))
            .Select(c => new ReportedCause(c.Category, c.Severity, c.Resource, c.Title))
            .ToList();
        return new FaultCheckResult(faults.Count - missed.Count, faults.Count, missed, falsePositives);
    }

    private static bool Mentions(PlantedFault fault, CauseSummary cause)
        => fault.Owns(ObjectRef.Parse(cause.Resource)) || cause.Affected.Any(a => fault.Owns(ObjectRef.Parse(a)));
}

/// <summary>Found/planted counts, the faults the report missed, and root causes on workloads that were healthy.</summary>
internal sealed record FaultCheckResult(int Found, int Planted, IReadOnlyList<MissedFault> Missed, IReadOnlyList<ReportedCause> FalsePositives)
{
    public bool AllFound => Found == Planted;
}

internal sealed record MissedFault(string Fault, string ExpectedCategory, string ExpectedResource, IReadOnlyList<string> ReportedInstead);

internal sealed record ReportedCause(string Category, string Severity, string Resource, string Title);
