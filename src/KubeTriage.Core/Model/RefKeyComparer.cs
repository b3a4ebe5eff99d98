namespace KubeTriage.Core.Model;

/// <summary>Compares (kind, namespace, name) keys with the kind case-insensitive, without allocating a lowered copy per object.</summary>
internal sealed class RefKeyComparer : IEqualityComparer<(string Kind, string Namespace, string Name)>
{
    public static readonly RefKeyComparer Instance = new();

    public bool Equals((string Kind, string Namespace, string Name) x, (string Kind, string Namespace, string Name) y)
        => string.Equals(x.Name, y.Name, StringComparison.Ordinal) && string.Equals(x.Namespace, y.Namespace, StringComparison.Ordinal)
            && string.Equals(x.Kind, y.Kind, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Kind, string Namespace, string Name) key)
        => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Kind), key.Namespace.GetHashCode(StringComparison.Ordinal), key.Name.GetHashCode(StringComparison.Ordinal));
}
