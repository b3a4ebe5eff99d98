using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds each workload's Service and the Endpoints the endpoints controller would have written for it.</summary>
internal sealed class ServiceFactory(ObjectMeta meta, CaptureClock clock)
{
    private int _nextClusterIp = 10;

    public JsonObject Service(WorkloadPlan plan)
    {
        var ip = $"172.20.{_nextClusterIp / 250}.{(_nextClusterIp % 250) + 1}";
        _nextClusterIp++;
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = meta.Build(plan.Name, plan.Namespace, plan.CreatedAgo, PodTemplates.Labels(plan, withHash: false), uid: plan.ServiceUid),
            ["spec"] = new JsonObject
            {
                ["clusterIP"] = ip,
                ["clusterIPs"] = new JsonArray(ip),
                ["internalTrafficPolicy"] = "Cluster",
                ["ipFamilies"] = new JsonArray("IPv4"),
                ["ipFamilyPolicy"] = "SingleStack",
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["protocol"] = "TCP", ["targetPort"] = "http" }),
                ["selector"] = Selector(plan),
                ["sessionAffinity"] = "None",
                ["type"] = "ClusterIP",
            },
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        };
    }

    public JsonObject Endpoints(WorkloadPlan plan)
    {
        var labels = PodTemplates.Labels(plan, withHash: false);
        labels["endpoints.kubernetes.io/managed-by"] = "endpoint-controller";
        var endpoints = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = meta.Build(plan.Name, plan.Namespace, plan.CreatedAgo, labels,
                new JsonObject { ["endpoints.kubernetes.io/last-change-trigger-time"] = clock.At(Math.Max(60, plan.RolloutAgo - 30)) }),
        };

        // A selector that matches nothing leaves an Endpoints object without subsets, as the controller writes it.
        var pods = plan.Fault == FaultKind.ServiceSelectorMismatch ? [] : plan.Pods.Where(p => p.PodIp is not null).ToList();
        if (pods.Count == 0)
        {
            return endpoints;
        }

        var addresses = new JsonArray([.. pods.Select(p => Address(plan, p))]);
        var subset = new JsonObject { [plan.PodsFail ? "notReadyAddresses" : "addresses"] = addresses };
        subset["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = PodTemplates.ContainerPort, ["protocol"] = "TCP" });
        endpoints["subsets"] = new JsonArray(subset);
        return endpoints;
    }

    // The planted typo: the Service also requires a label no pod carries, so it selects nothing.
    private static JsonObject Selector(WorkloadPlan plan)
    {
        var selector = new JsonObject { ["app"] = plan.Name };
        if (plan.Fault == FaultKind.ServiceSelectorMismatch)
        {
            selector["track"] = "stable";
        }

        return selector;
    }

    private static JsonObject Address(WorkloadPlan plan, PodPlan pod) => new()
    {
        ["ip"] = pod.PodIp,
        ["nodeName"] = pod.Node,
        ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = pod.Name, ["namespace"] = plan.Namespace, ["uid"] = pod.Uid },
    };
}
