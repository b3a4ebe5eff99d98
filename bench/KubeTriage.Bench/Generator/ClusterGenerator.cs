using System.Diagnostics;

namespace KubeTriage.Bench.Generator;

/// <summary>Writes a deterministic synthetic cluster (seeded) into a snapshot directory, with known faults planted in it.</summary>
internal static class ClusterGenerator
{
    public static GeneratedCluster Generate(ClusterShape shape, string directory)
    {
        var stopwatch = Stopwatch.StartNew();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var ids = new Ids(shape.Seed);
        var clock = new CaptureClock(shape.CaptureTime);
        var meta = new ObjectMeta(ids, clock);
        var nodes = Enumerable.Range(0, shape.Nodes).Select(NodeFactory.Plan).ToList();
        var planner = new WorkloadPlanner(shape, ids, nodes);
        var plans = planner.Plan();

        var events = new EventFactory(ids, clock);
        var config = new ConfigFactory(ids, meta);
        var workloads = new WorkloadFactory(meta, clock);
        var pods = new PodFactory(ids, clock, meta, nodes.Count);
        var services = new ServiceFactory(meta, clock);
        var workloadEvents = new WorkloadEvents(events, ids, nodes.Count);
        var logs = new LogFactory(clock);
        var eventCount = 0;
        int objects, logCount;
        using (var writer = new SnapshotWriter(directory))
        {
            var nodeFactory = new NodeFactory(ids, clock);
            foreach (var node in nodes)
            {
                writer.Add("nodes.json", nodeFactory.Build(node));
            }

            foreach (var ns in Names.SystemNamespaces.Concat(planner.Namespaces))
            {
                var age = 86400.0 * ids.Between(200, 400);
                writer.Add("namespaces.json", config.Namespace(ns, age));
                writer.Add("config.json", config.ServiceAccount(ns, age));
                writer.Add("config.json", config.RootCa(ns, age));
            }

            foreach (var plan in plans)
            {
                writer.Add("workloads.json", workloads.Deployment(plan));
                writer.Add("workloads.json", workloads.ReplicaSet(plan));
                if (plan.UsesConfigMap)
                {
                    writer.Add("config.json", config.AppConfig(plan));
                }

                if (plan.UsesSecret)
                {
                    writer.Add("config.json", config.Credentials(plan));
                }

                writer.Add("services.json", services.Service(plan));
                writer.Add("services.json", services.Endpoints(plan));
                foreach (var pod in plan.Pods)
                {
                    writer.Add("pods.json", pods.Build(plan, pod));
                    if (plan.Fault is FaultKind.AppCrash or FaultKind.OomKilled)
                    {
                        writer.AddLog(plan.Namespace, pod.Name, plan.Container, previous: true, logs.PreviousLog(plan, ids.Between(20, 200)));
                    }
                }

                foreach (var ev in workloadEvents.For(plan))
                {
                    writer.Add("events.json", ev);
                    eventCount++;
                }
            }

            foreach (var ev in new ChurnEvents(events, ids, nodes).Fill(plans, shape.Events))
            {
                writer.Add("events.json", ev);
                eventCount++;
            }

            objects = writer.Objects;
            logCount = writer.Logs;
        }

        var faults = plans.Where(p => p.Fault is not null)
            .Select(p => new PlantedFault(p.Fault!.Value, p.Namespace, p.Name, p.ReplicaSet))
            .ToList();
        var bytes = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        return new GeneratedCluster(directory, faults, planner.Namespaces.Count + Names.SystemNamespaces.Count, nodes.Count, plans.Count,
            plans.Sum(p => p.Pods.Count), eventCount, objects, logCount, bytes, stopwatch.Elapsed);
    }
}
