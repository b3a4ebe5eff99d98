namespace KubeTriage.Sandbox.Storage;

/// An immutable, key-ordered view of one resource (optionally one namespace) at <see cref="ResourceVersion"/>.
/// Paging it needs no lock: continue tokens seek with a binary search instead of scanning from the start.
internal readonly record struct ListSnapshot(StoredObject[] Items, int Start, int End, long ResourceVersion)
{
    public int Count => End - Start;

    public ArraySegment<StoredObject> Range => new(Items, Start, End - Start);

    /// <summary>Index of the first item whose table key is greater than <paramref name="key"/>, within the range.</summary>
    public int After(string key) => SortedKeys.UpperBound(Items, Start, End, key);
}
