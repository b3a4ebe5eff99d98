namespace KubeTriage.Storage;

/// <summary>One page of approvals, newest first.</summary>
public sealed record ApprovalPage(IReadOnlyList<Approval> Items, string? NextCursor);
