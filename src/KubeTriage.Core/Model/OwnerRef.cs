namespace KubeTriage.Core.Model;

/// <summary>One entry of metadata.ownerReferences.</summary>
public sealed record OwnerRef(string Kind, string Name, string Uid, bool IsController);
