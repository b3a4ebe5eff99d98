using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Remediation.Actions;

namespace KubeTriage.Remediation.Tests.Actions.Support;

/// <summary>Builds actions the way an approval would: from a description, through the registry.</summary>
internal static class Actions
{
    public static IRemediationAction Create(string type, string kind, string name, params (string Key, string Value)[] parameters)
        => ActionRegistry.Default.Create(Describe(type, kind, name, parameters));

    public static SuggestedAction Describe(string type, string kind, string name, params (string Key, string Value)[] parameters) => new()
    {
        Type = type,
        Target = kind == "Namespace" ? new ObjectRef(kind, null, name) : new ObjectRef(kind, TestObjects.Namespace, name),
        Parameters = parameters.ToDictionary(p => p.Key, p => p.Value),
    };
}
