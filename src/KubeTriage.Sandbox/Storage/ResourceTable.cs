namespace KubeTriage.Sandbox.Storage;

/// The objects of one storage resource. Mutated only under the store's lock; readers get an immutable array
/// sorted by table key, replaced (copy-on-write) on every change, so a list never holds the lock while it pages.
internal sealed class ResourceTable
{
    private static readonly Comparison<StoredObject> s_byKey = (a, b) => string.CompareOrdinal(a.TableKey, b.TableKey);

    private readonly Dictionary<string, StoredObject> _byKey = new(StringComparer.Ordinal);

    // Null while bulk seeding: re-sorting once beats an O(n) copy per seeded object.
    private StoredObject[]? _sorted;

    public StoredObject? Find(string tableKey) => _byKey.GetValueOrDefault(tableKey);

    /// <summary>Inserts or replaces; <paramref name="bulk"/> defers the sorted snapshot to the next read.</summary>
    public void Put(StoredObject item, bool bulk = false)
    {
        var replaced = _byKey.ContainsKey(item.TableKey);
        _byKey[item.TableKey] = item;
        if (_sorted is null)
        {
            return;
        }

        if (bulk)
        {
            _sorted = null;
            return;
        }

        var current = _sorted;
        var index = SortedKeys.LowerBound(current, 0, current.Length, item.TableKey);
        StoredObject[] next;
        if (replaced)
        {
            next = (StoredObject[])current.Clone();
        }
        else
        {
            next = new StoredObject[current.Length + 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index, next, index + 1, current.Length - index);
        }

        next[index] = item;
        _sorted = next;
    }

    public void Remove(string tableKey)
    {
        if (!_byKey.Remove(tableKey) || _sorted is null)
        {
            return;
        }

        var current = _sorted;
        var index = SortedKeys.LowerBound(current, 0, current.Length, tableKey);
        var next = new StoredObject[current.Length - 1];
        Array.Copy(current, 0, next, 0, index);
        Array.Copy(current, index + 1, next, index, current.Length - index - 1);
        _sorted = next;
    }

    /// <summary>All items in key order; the array is never modified afterwards.</summary>
    public StoredObject[] Snapshot()
    {
        if (_sorted is null)
        {
            var items = _byKey.Values.ToArray();
            Array.Sort(items, s_byKey);
            _sorted = items;
        }

        return _sorted;
    }
}
