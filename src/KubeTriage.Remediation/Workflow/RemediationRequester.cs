namespace KubeTriage.Remediation.Workflow;

/// <summary>Who asks for a remediation and from where: for the audit trail, the approval and per-workflow policy overrides.</summary>
/// <param name="Actor">The person or system (<c>user:alice</c>, <c>api-key:3f2a</c>, <c>agent:coordinator</c>).</param>
/// <param name="Workflow">The workflow (<c>chat</c>, <c>alert</c>, <c>cli</c>, <c>api</c>), which may carry tighter policy.</param>
/// <param name="Cluster">The cluster name; null for the default.</param>
/// <param name="Agent">The AI agent that proposed it, if any.</param>
/// <param name="ThreadId">The conversation thread, if any.</param>
public sealed record RemediationRequester(string Actor, string Workflow, string? Cluster = null, string? Agent = null, string? ThreadId = null);
