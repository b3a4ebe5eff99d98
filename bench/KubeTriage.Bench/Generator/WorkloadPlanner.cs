namespace KubeTriage.Bench.Generator;

/// <summary>Decides every Deployment up front: namespace, name, replicas, timeline, which ones are broken and how, and where pods run.</summary>
internal sealed class WorkloadPlanner(ClusterShape shape, Ids ids, IReadOnlyList<NodeFactory.NodePlan> nodes)
{
    private const double Day = 86400;
    private readonly int[] _podsOnNode = new int[nodes.Count];
    private int _nextNode;

    public IReadOnlyList<string> Namespaces { get; } = [.. Enumerable.Range(0, shape.Namespaces)
        .Select(i => i < Names.Namespaces.Count ? Names.Namespaces[i] : $"{Names.Namespaces[i % Names.Namespaces.Count]}-{i / Names.Namespaces.Count}")];

    public List<WorkloadPlan> Plan()
    {
        var faults = PickBroken();
        var replicas = SpreadReplicas();
        var plans = new List<WorkloadPlan>(shape.Deployments);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shape.Deployments; i++)
        {
            var ns = Namespaces[(int)((long)i * Namespaces.Count / shape.Deployments)];
            var name = UniqueName(ns, usedNames);
            var fault = faults.TryGetValue(i, out var f) ? f : (FaultKind?)null;
            var plan = Workload(ns, name, replicas[i], fault);
            AddPods(plan);
            plans.Add(plan);
        }

        return plans;
    }

    // The broken set is drawn at random, then the fault kinds rotate over it so each kind appears about equally often.
    private Dictionary<int, FaultKind> PickBroken()
    {
        var indices = Enumerable.Range(0, shape.Deployments).ToArray();
        ids.Random.Shuffle(indices);
        var faults = new Dictionary<int, FaultKind>();
        for (var k = 0; k < Math.Min(shape.BrokenDeployments, indices.Length); k++)
        {
            faults[indices[k]] = FaultKinds.Rotation[k % FaultKinds.Rotation.Count];
        }

        return faults;
    }

    // About Pods/Deployments each, varied in pairs (+d, -d) so the total is exact.
    private int[] SpreadReplicas()
    {
        var baseCount = shape.Pods / shape.Deployments;
        var replicas = new int[shape.Deployments];
        for (var i = 0; i < replicas.Length; i += 2)
        {
            var d = ids.Between(0, Math.Min(3, baseCount - 1));
            replicas[i] = baseCount + d;
            if (i + 1 < replicas.Length)
            {
                replicas[i + 1] = baseCount - d;
            }
            else
            {
                replicas[i] = baseCount;
            }
        }

        for (var i = 0; i < shape.Pods - (baseCount * shape.Deployments); i++)
        {
            replicas[i]++;
        }

        return replicas;
    }

    private string UniqueName(string ns, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = $"{ids.OneOf(Names.Nouns)}-{ids.OneOf(Names.Roles)}" + (attempt > 20 ? $"-{attempt}" : "");
            if (used.Add(ns + "/" + name))
            {
                return name;
            }
        }
    }

    private WorkloadPlan Workload(string ns, string name, int replicas, FaultKind? fault)
    {
        var createdAgo = Day * ids.Between(3, 200);
        double rolloutAgo;
        if (fault?.BreaksPods() == true)
        {
            // A bad rollout 20-90 minutes ago: long past the 10-minute progress deadline.
            rolloutAgo = ids.Between(20 * 60, 90 * 60);
        }
        else
        {
            rolloutAgo = ids.Chance(0.6) ? ids.Between(3600, (int)(23 * 3600)) : ids.Between((int)Day, (int)(14 * Day));
        }

        rolloutAgo = Math.Min(rolloutAgo, createdAgo);
        var (major, minor, patch) = (ids.Between(1, 9), ids.Between(0, 30), ids.Between(0, 12));
        var tag = fault == FaultKind.ImagePullNotFound ? $"{major}.{minor + 1}.0-rc1" : $"{major}.{minor}.{patch}";
        return new WorkloadPlan
        {
            Namespace = ns,
            Name = name,
            Uid = ids.Uid(),
            TemplateHash = ids.TemplateHash(),
            ReplicaSetUid = ids.Uid(),
            ServiceUid = ids.Uid(),
            Image = $"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{ns}/{name}:{tag}",
            Replicas = replicas,
            RolloutAgo = rolloutAgo,
            CreatedAgo = createdAgo,
            Fault = fault,
            UsesConfigMap = ids.Chance(0.5),
            UsesSecret = ids.Chance(0.3),
            IsPython = fault switch
            {
                FaultKind.AppCrash => true,
                FaultKind.OomKilled => false,
                _ => ids.Chance(0.4),
            },
        };
    }

    private void AddPods(WorkloadPlan plan)
    {
        for (var j = 0; j < plan.Replicas; j++)
        {
            var created = plan.RolloutAgo - (j * 2.5);
            var scheduled = plan.Fault != FaultKind.InsufficientCpu;
            var node = scheduled ? NextNode() : null;
            var healthy = !plan.PodsFail;
            var recoveredRestart = healthy && created > 2 * Day && ids.Chance(0.004);
            plan.Pods.Add(new PodPlan
            {
                Name = $"{plan.ReplicaSet}-{ids.PodSuffix()}",
                Uid = ids.Uid(),
                Node = node?.Name,
                HostIp = node?.Ip,
                PodIp = node is null ? null : $"10.244.{node.Index}.{++_podsOnNode[node.Index] + 1}",
                CreatedAgo = created,
                RecoveredRestart = recoveredRestart,
                RecoveredProbe = healthy && ids.Chance(0.02),
                RecoveredScheduling = healthy && ids.Chance(0.003),
                RestartCount = recoveredRestart ? 1 : plan.Fault is FaultKind.AppCrash or FaultKind.OomKilled ? ids.Between(6, 15) : 0,
            });
        }
    }

    // Round-robin with a random stride, like a spread scheduler; no node passes 250 pods (its capacity).
    private NodeFactory.NodePlan NextNode()
    {
        _nextNode = (_nextNode + ids.Between(1, 3)) % nodes.Count;
        for (var tried = 0; _podsOnNode[_nextNode] >= 240 && tried < nodes.Count; tried++)
        {
            _nextNode = (_nextNode + 1) % nodes.Count;
        }

        return nodes[_nextNode];
    }
}
