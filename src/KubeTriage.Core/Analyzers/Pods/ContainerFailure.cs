using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>What a container analyzer concluded about one container, before it becomes a finding.</summary>
internal sealed record ContainerFailure(string Category, string Title, string Explanation)
{
    public List<Evidence> Evidence { get; } = [];

    public List<Remediation> Remediation { get; } = [];

    public Model.ObjectRef? Cause { get; init; }
}
