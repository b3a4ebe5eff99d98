namespace KubeTriage.Storage;

/// <summary>One page of investigations, newest first.</summary>
/// <remarks>The cursor points after the page's last item, so investigations created meanwhile do not shift later pages.</remarks>
public sealed record InvestigationPage(IReadOnlyList<Investigation> Items, string? NextCursor);
