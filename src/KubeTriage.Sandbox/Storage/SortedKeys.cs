namespace KubeTriage.Sandbox.Storage;

/// Binary searches over items sorted by table key with ordinal comparison, the byte order etcd keeps keys in.
internal static class SortedKeys
{
    /// <summary>First index in [lo, hi) whose key is &gt;= <paramref name="key"/> (hi when none).</summary>
    public static int LowerBound(StoredObject[] items, int lo, int hi, string key)
    {
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (string.CompareOrdinal(items[mid].TableKey, key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>First index in [lo, hi) whose key is &gt; <paramref name="key"/> (hi when none).</summary>
    public static int UpperBound(StoredObject[] items, int lo, int hi, string key)
    {
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (string.CompareOrdinal(items[mid].TableKey, key) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
