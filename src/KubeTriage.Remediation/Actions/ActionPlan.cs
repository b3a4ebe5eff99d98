using KubeTriage.Core.Diagnosis;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>The result of a dry run: what would change, for the policy and for a person to read.</summary>
/// <param name="Action">The action planned.</param>
/// <param name="Request">The mutation for the policy (labels, replica delta, matched objects filled in).</param>
/// <param name="Summary">One sentence, such as "Scale Deployment shop/checkout from 2 to 4 replicas".</param>
/// <param name="Diff">Unified-diff-like lines of the fields the server's dry run changed (server noise left out).</param>
public sealed record ActionPlan(SuggestedAction Action, MutationRequest Request, string Summary, string Diff);
