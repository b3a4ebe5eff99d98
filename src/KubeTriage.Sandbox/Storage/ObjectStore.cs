using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;

namespace KubeTriage.Sandbox.Storage;

/// The in-memory etcd: one key-ordered table per resource, one global resourceVersion counter and a bounded
/// change history that watches resume from. Stored JSON is immutable: writers store new objects under the lock,
/// readers share immutable snapshots (copying only what they hand out for changing) and never block each other.
/// Sharing is safe because concurrent reads of a JsonNode tree are (including the lazy build of parsed nodes).
internal sealed class ObjectStore(TimeProvider clock)
{
    private const int HistoryLimit = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Resource), ResourceTable> _tables = [];
    private readonly List<StoreEvent> _history = [];
    private readonly List<WatchSubscription> _subscriptions = [];
    private long _resourceVersion;
    private long _windowStart;

    public TimeProvider Clock { get; } = clock;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>The oldest resourceVersion a watch or continue token may resume from.</summary>
    public long WindowStart
    {
        get
        {
            lock (_gate)
            {
                return _windowStart;
            }
        }
    }

    public string Now() => Timestamps.Format(Clock.GetUtcNow());

    /// <summary>Adds an input object, keeping a numeric resourceVersion it already carries.</summary>
    public void Seed(StoreKey key, JsonObject obj)
    {
        lock (_gate)
        {
            var metadata = obj.Metadata();
            var given = JsonHelpers.AsLong(metadata["resourceVersion"]);
            if (given is null)
            {
                given = ++_resourceVersion;
                metadata["resourceVersion"] = Format(given.Value);
            }

            _resourceVersion = Math.Max(_resourceVersion, given.Value);
            AssignIdentity(metadata, obj);
            TableOf(key).Put(new StoredObject(key, obj), bulk: true);
        }
    }

    /// <summary>Like a freshly restarted apiserver, the watch window begins at the current revision.</summary>
    public void FinishSeeding()
    {
        lock (_gate)
        {
            _windowStart = _resourceVersion;
            foreach (var table in _tables.Values)
            {
                table.Snapshot();
            }
        }
    }

    public bool Exists(StoreKey key)
    {
        lock (_gate)
        {
            return Find(key) is not null;
        }
    }

    /// <summary>A copy of the stored object, free to change.</summary>
    public JsonObject? Get(StoreKey key)
    {
        StoredObject? stored;
        lock (_gate)
        {
            stored = Find(key);
        }

        return stored?.Object.CloneObject();
    }

    /// <summary>All objects of a resource (in one namespace, or all when null), ordered like etcd keys.
    /// The items are shared and read-only.</summary>
    public ListSnapshot List(string group, string resource, string? ns)
    {
        StoredObject[] items;
        long resourceVersion;
        lock (_gate)
        {
            items = _tables.TryGetValue((group, resource), out var table) ? table.Snapshot() : [];
            resourceVersion = _resourceVersion;
        }

        if (ns is null)
        {
            return new ListSnapshot(items, 0, items.Length, resourceVersion);
        }

        // A namespace's keys are exactly those in ["ns/", "ns0"): '0' follows '/' in byte order.
        var start = SortedKeys.LowerBound(items, 0, items.Length, ns + "/");
        var end = SortedKeys.LowerBound(items, start, items.Length, ns + "0");
        return new ListSnapshot(items, start, end, resourceVersion);
    }

    public JsonObject Create(StoreKey key, JsonObject obj, bool dryRun)
    {
        lock (_gate)
        {
            if (Find(key) is not null)
            {
                throw Statuses.AlreadyExists(key.Group, key.Resource, key.Name);
            }

            var metadata = obj.Metadata();
            metadata.Remove("uid");
            metadata.Remove("creationTimestamp");
            AssignIdentity(metadata, obj);
            if (dryRun)
            {
                metadata.Remove("resourceVersion");
                return obj;
            }

            metadata["resourceVersion"] = Format(++_resourceVersion);
            TableOf(key).Put(new StoredObject(key, obj));
            Publish("ADDED", key, obj, null);
        }

        return obj.CloneObject();
    }

    /// <summary>Atomic read-modify-write. <paramref name="change"/> receives a copy and returns the new object;
    /// an unchanged result (ignoring managedFields) is not a write and keeps the resourceVersion.</summary>
    public JsonObject Update(StoreKey key, Func<JsonObject, JsonObject> change, bool dryRun)
    {
        JsonObject result;
        lock (_gate)
        {
            var current = Find(key)?.Object ?? throw Statuses.NotFound(key.Group, key.Resource, key.Name);
            var next = change(current.CloneObject());
            var metadata = next.Metadata();
            metadata["uid"] = current.Obj("metadata")?["uid"]?.DeepClone();
            metadata["creationTimestamp"] = current.Obj("metadata")?["creationTimestamp"]?.DeepClone();
            metadata["resourceVersion"] = current.Obj("metadata")?["resourceVersion"]?.DeepClone();
            ObjectLayout.Normalize(next);
            if (SameIgnoringManagedFields(current, next))
            {
                result = current;
            }
            else if (dryRun)
            {
                return next;
            }
            else
            {
                metadata["resourceVersion"] = Format(++_resourceVersion);
                if (IsFinalized(key, next))
                {
                    TableOf(key).Remove(key.TableKey);
                    Publish("DELETED", key, next, current);
                }
                else
                {
                    TableOf(key).Put(new StoredObject(key, next));
                    Publish("MODIFIED", key, next, current);
                }

                result = next;
            }
        }

        return result.CloneObject();
    }

    /// <summary>Removes an object; the returned copy carries the deletion's resourceVersion.</summary>
    public JsonObject Remove(StoreKey key, bool dryRun, string? expectedUid = null)
    {
        JsonObject removed;
        lock (_gate)
        {
            var current = Find(key)?.Object ?? throw Statuses.NotFound(key.Group, key.Resource, key.Name);
            if (expectedUid is not null && current.Obj("metadata").Str("uid") != expectedUid)
            {
                throw Statuses.Failure(
                    409,
                    $"Precondition failed: UID in precondition: {expectedUid}, UID in object meta: {current.Obj("metadata").Str("uid")}",
                    "Conflict",
                    new JsonObject { ["name"] = key.Name, ["kind"] = key.Resource });
            }

            removed = current.CloneObject();
            if (dryRun)
            {
                return removed;
            }

            TableOf(key).Remove(key.TableKey);
            removed.Metadata()["resourceVersion"] = Format(++_resourceVersion);
            Publish("DELETED", key, removed, current);
        }

        return removed.CloneObject();
    }

    /// <summary>Subscribes to a resource and, atomically, returns either the current objects (no start RV)
    /// or the history after <paramref name="fromResourceVersion"/>. Throws 410 when that is outside the window.
    /// Event objects are shared and read-only.</summary>
    public (List<StoreEvent> Initial, long StartResourceVersion, WatchSubscription Subscription) Watch(string group, string resource, long? fromResourceVersion)
    {
        WatchSubscription subscription;
        StoredObject[] current;
        long resourceVersion;
        lock (_gate)
        {
            if (fromResourceVersion is { } from && from < _windowStart)
            {
                throw Statuses.Expired($"too old resource version: {from} ({_windowStart})");
            }

            subscription = new WatchSubscription(group, resource, Unsubscribe);
            _subscriptions.Add(subscription);
            if (fromResourceVersion is { } since)
            {
                var replay = _history.Where(e => e.ResourceVersion > since && e.Key.Group == group && e.Key.Resource == resource).ToList();
                return (replay, since, subscription);
            }

            current = _tables.TryGetValue((group, resource), out var table) ? table.Snapshot() : [];
            resourceVersion = _resourceVersion;
        }

        // The snapshot is immutable, so the initial events can be built outside the lock.
        var initial = new List<StoreEvent>(current.Length);
        foreach (var item in current)
        {
            initial.Add(new StoreEvent("ADDED", item.Key, item.Object, resourceVersion, null));
        }

        return (initial, resourceVersion, subscription);
    }

    public static string Format(long resourceVersion) => resourceVersion.ToString(CultureInfo.InvariantCulture);

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    // Both objects are immutable from here on, so history and every subscriber share them.
    private void Publish(string type, StoreKey key, JsonObject obj, JsonObject? previous)
    {
        var change = new StoreEvent(type, key, obj, _resourceVersion, previous);
        _history.Add(change);
        if (_history.Count > HistoryLimit)
        {
            _history.RemoveRange(0, _history.Count - HistoryLimit);
            _windowStart = _history[0].ResourceVersion - 1;
        }

        foreach (var subscription in _subscriptions)
        {
            if (subscription.Group == key.Group && subscription.Resource == key.Resource)
            {
                subscription.Publish(change);
            }
        }
    }

    private ResourceTable TableOf(StoreKey key)
    {
        if (!_tables.TryGetValue((key.Group, key.Resource), out var table))
        {
            table = new ResourceTable();
            _tables[(key.Group, key.Resource)] = table;
        }

        return table;
    }

    private StoredObject? Find(StoreKey key) =>
        _tables.TryGetValue((key.Group, key.Resource), out var table) ? table.Find(key.TableKey) : null;

    private void AssignIdentity(JsonObject metadata, JsonObject obj)
    {
        metadata["uid"] ??= Guid.NewGuid().ToString();
        metadata["creationTimestamp"] ??= Now();
        ObjectLayout.Normalize(obj);
    }

    // A non-pod object marked for deletion disappears once its last finalizer is removed.
    private static bool IsFinalized(StoreKey key, JsonObject next)
    {
        var metadata = next.Obj("metadata");
        return key.Resource != "pods"
            && metadata?["deletionTimestamp"] is not null
            && (metadata.Arr("finalizers") is null || metadata.Arr("finalizers")!.Count == 0);
    }

    private static bool SameIgnoringManagedFields(JsonObject a, JsonObject b)
    {
        var left = a.CloneObject();
        var right = b.CloneObject();
        left.Metadata().Remove("managedFields");
        right.Metadata().Remove("managedFields");
        return JsonNode.DeepEquals(left, right);
    }
}
