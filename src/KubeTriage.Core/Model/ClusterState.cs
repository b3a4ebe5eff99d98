namespace KubeTriage.Core.Model;

/// <summary>Holds everything collected from one cluster (live or from a snapshot), indexed for analyzers.</summary>
/// <remarks>Immutable after construction and safe to read from several threads.</remarks>
public sealed class ClusterState
{
    private readonly Dictionary<string, List<KubeObject>> _byKind = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, KubeObject> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Namespace, string Name), KubeObject> _byRef = new(RefKeyComparer.Instance);
    private readonly Dictionary<string, List<KubeObject>> _childrenByOwnerUid = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Pod, string Container, bool Previous), ContainerLog> _logs = new();
    private readonly Dictionary<(string Kind, string Namespace), List<KubeObject>> _byKindNamespace = new();
    private readonly Lazy<Dictionary<string, List<KubeObject>>> _podsByNode;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Purpose, ObjectRef Object), object> _memo = new();

    /// <summary>Indexes objects and logs. Duplicate objects (same kind/namespace/name) keep the last one seen.</summary>
    public ClusterState(IEnumerable<KubeObject> objects, IEnumerable<ContainerLog> logs, string source = "snapshot")
    {
        Source = source;
        var all = objects as IReadOnlyCollection<KubeObject> ?? [.. objects];
        _byRef.EnsureCapacity(all.Count);
        _byUid.EnsureCapacity(all.Count);
        foreach (var obj in all)
        {
            var key = (obj.Kind, obj.Namespace ?? "", obj.Name);
            if (_byRef.TryGetValue(key, out var existing))
            {
                _byKind[existing.Kind].Remove(existing);
            }

            _byRef[key] = obj;
            if (!_byKind.TryGetValue(obj.Kind, out var list))
            {
                _byKind[obj.Kind] = list = [];
            }

            list.Add(obj);
            if (obj.Uid.Length > 0)
            {
                _byUid[obj.Uid] = obj;
            }
        }

        // Two independent halves, run side by side: ordering and owner indexes, and the event index.
        EventView[] views = [];
        Dictionary<(string Kind, string Namespace, string Name), IReadOnlyList<EventView>> eventsByObject = [];
        IndexObjects();
        (views, eventsByObject) = IndexEvents(OfKind("Event"));
        Events = views;
        EventsByObject = eventsByObject;

        _podsByNode = new Lazy<Dictionary<string, List<KubeObject>>>(() => OfKind("Pod")
            .GroupBy(p => p.Raw.Str("spec.nodeName") ?? "")
            .ToDictionary(g => g.Key, g => g.ToList()));

        foreach (var log in logs)
        {
            _logs[(log.Namespace, log.Pod, log.Container, log.Previous)] = log;
        }
    }

    /// <summary>Gets where the data came from ("snapshot", or a cluster name).</summary>
    public string Source { get; }

    // Deterministic order whatever order the source delivered objects in (parallel lists, file order).
    // Events are the bulk of a cluster and are only reached through their involved object, so they skip this.
    private void IndexObjects()
    {
        foreach (var list in _byKind.Values.Where(l => l.Count > 0 && l[0].Kind != "Event"))
        {
            list.Sort(static (a, b) =>
            {
                var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
                return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
            });
            foreach (var group in list.GroupBy(o => o.Namespace ?? ""))
            {
                _byKindNamespace[(list[0].Kind.ToLowerInvariant(), group.Key)] = [.. group];
            }
        }

        foreach (var obj in _byRef.Values.Where(o => o.Kind != "Event"))
        {
            foreach (var owner in obj.OwnerReferences)
            {
                if (!_childrenByOwnerUid.TryGetValue(owner.Uid, out var children))
                {
                    _childrenByOwnerUid[owner.Uid] = children = [];
                }

                children.Add(obj);
            }
        }
    }

    // Events ordered by time (then name) so every consumer sees the same order offline and live.
    private static (EventView[] Views, Dictionary<(string Kind, string Namespace, string Name), IReadOnlyList<EventView>> ByObject) IndexEvents(IReadOnlyList<KubeObject> events)
    {
        var views = new EventView[events.Count];
        Parallel.For(0, events.Count, i => views[i] = new EventView(events[i]));
        Array.Sort(views, static (a, b) =>
        {
            var byTime = Nullable.Compare(a.LastSeen, b.LastSeen);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Object.Name, b.Object.Name);
        });
        var byObject = new Dictionary<(string Kind, string Namespace, string Name), IReadOnlyList<EventView>>();
        foreach (var view in views)
        {
            var key = (view.InvolvedKind, view.InvolvedNamespace ?? "", view.InvolvedName);
            if (!byObject.TryGetValue(key, out var list))
            {
                byObject[key] = list = new List<EventView>();
            }

            ((List<EventView>)list).Add(view);
        }

        return (views, byObject);
    }

    /// <summary>Gets every object.</summary>
    public IEnumerable<KubeObject> All => _byRef.Values;

    /// <summary>Gets every Event, core/v1 and events.k8s.io/v1 alike.</summary>
    public IReadOnlyList<EventView> Events { get; }

    private Dictionary<(string Kind, string Namespace, string Name), IReadOnlyList<EventView>> EventsByObject { get; }

    /// <summary>Gets every container log held.</summary>
    public IEnumerable<ContainerLog> Logs => _logs.Values;

    /// <summary>Gets the number of container logs held.</summary>
    public int LogCount => _logs.Count;

    /// <summary>Returns the objects of one kind (case-insensitive).</summary>
    public IReadOnlyList<KubeObject> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>Returns the objects of a kind (case-insensitive) in one namespace.</summary>
    public IReadOnlyList<KubeObject> InNamespace(string kind, string? ns)
        => _byKindNamespace.GetValueOrDefault((kind.ToLowerInvariant(), ns ?? "")) ?? (IReadOnlyList<KubeObject>)[];

    /// <summary>Returns the pods of a namespace that are not finished (Succeeded/Failed) and carry label key=value.</summary>
    /// <remarks>An index built once per namespace: Services, PDBs and policies select pods by labels many times.</remarks>
    public IReadOnlyList<KubeObject> ActivePodsWithLabel(string? ns, string key, string value)
    {
        var index = Memo("active-pods-by-label", new ObjectRef("Namespace", null, ns ?? ""), () =>
            InNamespace("Pod", ns)
                .Where(p => p.Raw.Str("status.phase") is not ("Succeeded" or "Failed"))
                .SelectMany(p => p.Labels.Select(l => (Label: l.Key + "=" + l.Value, Pod: p)))
                .GroupBy(x => x.Label, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Pod).ToList(), StringComparer.Ordinal));
        return index.GetValueOrDefault(key + "=" + value) ?? (IReadOnlyList<KubeObject>)[];
    }

    /// <summary>Returns the pods scheduled to a node.</summary>
    public IReadOnlyList<KubeObject> PodsOnNode(string node) => _podsByNode.Value.GetValueOrDefault(node) ?? [];

    /// <summary>Computes a value about an object once per diagnosis (selected pods of a Service, say) and caches it.</summary>
    /// <remarks>Safe to call from several analyzers at once; the factory may run twice under a race, with the same result.</remarks>
    public T Memo<T>(string purpose, ObjectRef obj, Func<T> factory)
        where T : class
        => (T)_memo.GetOrAdd((purpose, obj), _ => factory());

    /// <summary>Finds an object by kind, namespace and name.</summary>
    public KubeObject? Find(string kind, string? ns, string name)
        => _byRef.GetValueOrDefault((kind, ns ?? "", name));

    /// <summary>Finds an object by reference.</summary>
    public KubeObject? Find(ObjectRef reference) => Find(reference.Kind, reference.Namespace, reference.Name);

    /// <summary>Finds an object by uid.</summary>
    public KubeObject? FindByUid(string uid) => _byUid.GetValueOrDefault(uid);

    /// <summary>Returns the objects whose ownerReferences name this object.</summary>
    public IReadOnlyList<KubeObject> ChildrenOf(KubeObject owner)
        => owner.Uid.Length > 0 && _childrenByOwnerUid.TryGetValue(owner.Uid, out var c) ? c : [];

    /// <summary>Returns the owner named by a reference, matched by uid, else by kind and name in the same namespace.</summary>
    public KubeObject? OwnerOf(KubeObject obj, OwnerRef owner)
        => FindByUid(owner.Uid) ?? Find(owner.Kind, obj.Namespace, owner.Name);

    /// <summary>Returns the events about one object, oldest first.</summary>
    public IReadOnlyList<EventView> EventsFor(KubeObject obj)
        => EventsByObject.GetValueOrDefault((obj.Kind, obj.Namespace ?? "", obj.Name)) ?? [];

    /// <summary>Returns a container's log, if collected.</summary>
    public ContainerLog? Log(string ns, string pod, string container, bool previous)
        => _logs.GetValueOrDefault((ns, pod, container, previous));

    /// <summary>Returns the namespaces seen among the objects.</summary>
    public IEnumerable<string> Namespaces => _byRef.Values.Select(o => o.Namespace).OfType<string>().Distinct();
}
