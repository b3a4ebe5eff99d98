using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;

namespace KubeTriage.Sandbox.Storage;

/// The in-memory etcd: objects by key, one global resourceVersion counter and a bounded change
/// history that watches resume from. Every read hands out a deep copy taken under the lock.
internal sealed class ObjectStore(TimeProvider clock)
{
    private const int HistoryLimit = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<StoreKey, JsonObject> _objects = [];
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
            _objects[key] = obj;
        }
    }

    /// <summary>Like a freshly restarted apiserver, the watch window begins at the current revision.</summary>
    public void FinishSeeding()
    {
        lock (_gate)
        {
            _windowStart = _resourceVersion;
        }
    }

    public bool Exists(StoreKey key)
    {
        lock (_gate)
        {
            return _objects.ContainsKey(key);
        }
    }

    public JsonObject? Get(StoreKey key)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(key, out var obj) ? obj.CloneObject() : null;
        }
    }

    /// <summary>All objects of a resource (in one namespace, or all when null), ordered like etcd keys.</summary>
    public (List<KeyValuePair<StoreKey, JsonObject>> Items, long ResourceVersion) List(string group, string resource, string? ns)
    {
        lock (_gate)
        {
            var items = _objects
                .Where(e => e.Key.Group == group && e.Key.Resource == resource && (ns is null || e.Key.Namespace == ns))
                .OrderBy(e => e.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Name, StringComparer.Ordinal)
                .Select(e => new KeyValuePair<StoreKey, JsonObject>(e.Key, e.Value.CloneObject()))
                .ToList();
            return (items, _resourceVersion);
        }
    }

    public JsonObject Create(StoreKey key, JsonObject obj, bool dryRun)
    {
        lock (_gate)
        {
            if (_objects.ContainsKey(key))
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
            _objects[key] = obj;
            Publish("ADDED", key, obj, null);
            return obj.CloneObject();
        }
    }

    /// <summary>Atomic read-modify-write. <paramref name="change"/> receives a copy and returns the new object;
    /// an unchanged result (ignoring managedFields) is not a write and keeps the resourceVersion.</summary>
    public JsonObject Update(StoreKey key, Func<JsonObject, JsonObject> change, bool dryRun)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current))
            {
                throw Statuses.NotFound(key.Group, key.Resource, key.Name);
            }

            var next = change(current.CloneObject());
            var metadata = next.Metadata();
            metadata["uid"] = current.Obj("metadata")?["uid"]?.DeepClone();
            metadata["creationTimestamp"] = current.Obj("metadata")?["creationTimestamp"]?.DeepClone();
            metadata["resourceVersion"] = current.Obj("metadata")?["resourceVersion"]?.DeepClone();
            ObjectLayout.Normalize(next);
            if (SameIgnoringManagedFields(current, next) || dryRun)
            {
                return SameIgnoringManagedFields(current, next) ? current.CloneObject() : next;
            }

            metadata["resourceVersion"] = Format(++_resourceVersion);
            if (IsFinalized(key, next))
            {
                _objects.Remove(key);
                Publish("DELETED", key, next, current);
                return next.CloneObject();
            }

            _objects[key] = next;
            Publish("MODIFIED", key, next, current);
            return next.CloneObject();
        }
    }

    /// <summary>Removes an object; the returned copy carries the deletion's resourceVersion.</summary>
    public JsonObject Remove(StoreKey key, bool dryRun, string? expectedUid = null)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current))
            {
                throw Statuses.NotFound(key.Group, key.Resource, key.Name);
            }

            if (expectedUid is not null && current.Obj("metadata").Str("uid") != expectedUid)
            {
                throw Statuses.Failure(
                    409,
                    $"Precondition failed: UID in precondition: {expectedUid}, UID in object meta: {current.Obj("metadata").Str("uid")}",
                    "Conflict",
                    new JsonObject { ["name"] = key.Name, ["kind"] = key.Resource });
            }

            var removed = current.CloneObject();
            if (dryRun)
            {
                return removed;
            }

            _objects.Remove(key);
            removed.Metadata()["resourceVersion"] = Format(++_resourceVersion);
            Publish("DELETED", key, removed, current);
            return removed.CloneObject();
        }
    }

    /// <summary>Subscribes to a resource and, atomically, returns either the current objects (no start RV)
    /// or the history after <paramref name="fromResourceVersion"/>. Throws 410 when that is outside the window.</summary>
    public (List<StoreEvent> Initial, long StartResourceVersion, WatchSubscription Subscription) Watch(string group, string resource, long? fromResourceVersion)
    {
        lock (_gate)
        {
            if (fromResourceVersion is { } from && from < _windowStart)
            {
                throw Statuses.Expired($"too old resource version: {from} ({_windowStart})");
            }

            var subscription = new WatchSubscription(group, resource, Unsubscribe);
            _subscriptions.Add(subscription);
            List<StoreEvent> initial;
            if (fromResourceVersion is { } since)
            {
                initial = _history
                    .Where(e => e.ResourceVersion > since && e.Key.Group == group && e.Key.Resource == resource)
                    .Select(e => e with { Object = e.Object.CloneObject(), Previous = e.Previous?.CloneObject() })
                    .ToList();
            }
            else
            {
                initial = _objects
                    .Where(e => e.Key.Group == group && e.Key.Resource == resource)
                    .OrderBy(e => e.Key.Namespace, StringComparer.Ordinal)
                    .ThenBy(e => e.Key.Name, StringComparer.Ordinal)
                    .Select(e => new StoreEvent("ADDED", e.Key, e.Value.CloneObject(), _resourceVersion, null))
                    .ToList();
            }

            return (initial, fromResourceVersion ?? _resourceVersion, subscription);
        }
    }

    public static string Format(long resourceVersion) => resourceVersion.ToString(CultureInfo.InvariantCulture);

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private void Publish(string type, StoreKey key, JsonObject obj, JsonObject? previous)
    {
        var change = new StoreEvent(type, key, obj.CloneObject(), _resourceVersion, previous?.CloneObject());
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
                subscription.Publish(change with { Object = obj.CloneObject(), Previous = previous?.CloneObject() });
            }
        }
    }

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
