using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Objects;

/// Maintains metadata.managedFields the way server-side apply's bookkeeping does, simplified to
/// leaf ownership: an Update takes the fields it changed, an Apply owns the fields it applied.
internal static class ManagedFields
{
    public static void RecordUpdate(JsonObject? before, JsonObject after, string manager, string? subresource, string time)
    {
        var changed = FieldPaths.Changed(before, after, includeStatus: subresource == "status");
        var entries = Entries(after);
        foreach (var entry in entries.Where(e => !IsEntry(e, manager, "Update", subresource)))
        {
            entry.Fields.ExceptWith(changed);
        }

        var own = entries.FirstOrDefault(e => IsEntry(e, manager, "Update", subresource));
        if (own is null)
        {
            if (changed.Count == 0)
            {
                Write(after, entries);
                return;
            }

            own = new Entry(manager, "Update", after.Str("apiVersion") ?? "v1", time, subresource, []);
            entries.Add(own);
        }

        own.Fields.UnionWith(changed);
        if (changed.Count > 0)
        {
            own.Time = time;
        }

        Write(after, entries);
    }

    /// <summary>Fields the applied configuration would change that another manager owns.</summary>
    public static List<(string Manager, string ApiVersion, string Path)> Conflicts(JsonObject current, JsonObject applied, string manager)
    {
        var currentLeaves = FieldPaths.Leaves(current, includeStatus: false);
        var conflicts = new List<(string, string, string)>();
        foreach (var (path, value) in FieldPaths.Leaves(applied, includeStatus: false))
        {
            if (!currentLeaves.TryGetValue(path, out var existing) || existing == value)
            {
                continue;
            }

            foreach (var entry in Entries(current).Where(e => !IsEntry(e, manager, "Apply", null) && e.Fields.Contains(path)))
            {
                conflicts.Add((entry.Manager, entry.ApiVersion, path));
            }
        }

        return conflicts;
    }

    public static void RecordApply(JsonObject before, JsonObject after, JsonObject applied, string manager, string time)
    {
        var appliedPaths = FieldPaths.Leaves(applied, includeStatus: false).Keys.ToHashSet(StringComparer.Ordinal);
        var changed = FieldPaths.Changed(before, after, includeStatus: false);
        var entries = Entries(after);
        foreach (var entry in entries.Where(e => !IsEntry(e, manager, "Apply", null)))
        {
            entry.Fields.ExceptWith(changed.Intersect(appliedPaths));
        }

        entries.RemoveAll(e => IsEntry(e, manager, "Apply", null));
        entries.Insert(0, new Entry(manager, "Apply", after.Str("apiVersion") ?? "v1", time, null, appliedPaths));
        Write(after, entries);
    }

    private static bool IsEntry(Entry entry, string manager, string operation, string? subresource) =>
        entry.Manager == manager && entry.Operation == operation && entry.Subresource == subresource;

    private static List<Entry> Entries(JsonObject obj)
    {
        var entries = new List<Entry>();
        foreach (var item in obj.Obj("metadata").Arr("managedFields") ?? [])
        {
            if (item is JsonObject e)
            {
                entries.Add(new Entry(
                    e.Str("manager") ?? "",
                    e.Str("operation") ?? "Update",
                    e.Str("apiVersion") ?? "v1",
                    e.Str("time") ?? "",
                    e.Str("subresource"),
                    FieldPaths.FromFieldsV1(e.Obj("fieldsV1"))));
            }
        }

        return entries;
    }

    private static void Write(JsonObject obj, List<Entry> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => e.Fields.Count > 0))
        {
            var node = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.ToFieldsV1(entry.Fields),
            };
            if (entry.Subresource is not null)
            {
                node["subresource"] = entry.Subresource;
            }

            array.Add(node);
        }

        var metadata = obj.Metadata();
        if (array.Count > 0)
        {
            metadata["managedFields"] = array;
        }
        else
        {
            metadata.Remove("managedFields");
        }
    }

    private sealed class Entry(string manager, string operation, string apiVersion, string time, string? subresource, HashSet<string> fields)
    {
        public string Manager { get; } = manager;

        public string Operation { get; } = operation;

        public string ApiVersion { get; } = apiVersion;

        public string Time { get; set; } = time;

        public string? Subresource { get; } = subresource;

        public HashSet<string> Fields { get; } = fields;
    }
}
