namespace KubeTriage.Sandbox.Storage;

/// Identity of a stored object: storage group, resource plural, namespace ("" when cluster-scoped) and name.
internal readonly record struct StoreKey(string Group, string Resource, string Namespace, string Name)
{
    /// <summary>The key relative to a list's prefix, used to order lists and in continue tokens.</summary>
    public string ListKey(bool allNamespaces) => allNamespaces && Namespace.Length > 0 ? $"{Namespace}/{Name}" : Name;

    /// <summary>The key inside its resource's table: etcd's <c>/registry/{resource}/</c> suffix, "ns/name" or "name".</summary>
    public string TableKey => ListKey(allNamespaces: true);
}
