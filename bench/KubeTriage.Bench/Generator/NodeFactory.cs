using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds healthy worker Nodes sized so the cluster's pods fit (which is why 24-CPU requests do not).</summary>
internal sealed class NodeFactory(Ids ids, CaptureClock clock)
{
    public const string Cpu = "16";
    public const string PodCapacity = "250";

    public sealed record NodePlan(int Index, string Name, string Ip);

    public static NodePlan Plan(int index)
    {
        var ip = $"10.20.{(index / 200) + 1}.{(index % 200) + 10}";
        return new NodePlan(index, $"ip-{ip.Replace('.', '-')}.eu-west-1.compute.internal", ip);
    }

    public JsonObject Build(NodePlan node)
    {
        var createdAgo = 86400.0 * ids.Between(20, 90);
        var heartbeat = clock.At(ids.Between(1, 40));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject
                {
                    ["alpha.kubernetes.io/provided-node-ip"] = node.Ip,
                    ["node.alpha.kubernetes.io/ttl"] = "0",
                    ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                },
                ["creationTimestamp"] = clock.At(createdAgo),
                ["labels"] = new JsonObject
                {
                    ["beta.kubernetes.io/arch"] = "amd64",
                    ["beta.kubernetes.io/instance-type"] = "m6i.4xlarge",
                    ["beta.kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["kubernetes.io/hostname"] = node.Name,
                    ["kubernetes.io/os"] = "linux",
                    ["node.kubernetes.io/instance-type"] = "m6i.4xlarge",
                    ["topology.kubernetes.io/region"] = "eu-west-1",
                    ["topology.kubernetes.io/zone"] = "eu-west-1" + "abc"[node.Index % 3],
                },
                ["name"] = node.Name,
                ["resourceVersion"] = ids.NextResourceVersion(),
                ["uid"] = ids.Uid(),
            },
            ["spec"] = new JsonObject
            {
                ["podCIDR"] = $"10.244.{node.Index}.0/24",
                ["podCIDRs"] = new JsonArray($"10.244.{node.Index}.0/24"),
                ["providerID"] = $"aws:///eu-west-1{"abc"[node.Index % 3]}/i-0{ids.HexString(16)}",
            },
            ["status"] = new JsonObject
            {
                ["addresses"] = new JsonArray(
                    new JsonObject { ["address"] = node.Ip, ["type"] = "InternalIP" },
                    new JsonObject { ["address"] = node.Name, ["type"] = "Hostname" },
                    new JsonObject { ["address"] = node.Name, ["type"] = "InternalDNS" }),
                ["allocatable"] = Resources("15890m", "63627304Ki"),
                ["capacity"] = Resources(Cpu, "65842456Ki"),
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", heartbeat, createdAgo),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", heartbeat, createdAgo),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", heartbeat, createdAgo),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", heartbeat, createdAgo - 30)),
                ["daemonEndpoints"] = new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = 10250 } },
                ["nodeInfo"] = new JsonObject
                {
                    ["architecture"] = "amd64",
                    ["bootID"] = ids.Uid(),
                    ["containerRuntimeVersion"] = "containerd://1.7.24",
                    ["kernelVersion"] = "6.1.119-129.201.amzn2023.x86_64",
                    ["kubeProxyVersion"] = "v1.31.4-eks-aeac579",
                    ["kubeletVersion"] = "v1.31.4-eks-aeac579",
                    ["machineID"] = ids.HexString(32),
                    ["operatingSystem"] = "linux",
                    ["osImage"] = "Amazon Linux 2023.6.20241212",
                    ["systemUUID"] = ids.Uid().ToUpperInvariant(),
                },
            },
        };
    }

    private static JsonObject Resources(string cpu, string memory) => new()
    {
        ["cpu"] = cpu,
        ["ephemeral-storage"] = "95491281146",
        ["hugepages-1Gi"] = "0",
        ["hugepages-2Mi"] = "0",
        ["memory"] = memory,
        ["pods"] = PodCapacity,
    };

    private JsonObject Condition(string type, string status, string reason, string message, string heartbeat, double transitionAgo) => new()
    {
        ["lastHeartbeatTime"] = heartbeat,
        ["lastTransitionTime"] = clock.At(transitionAgo),
        ["message"] = message,
        ["reason"] = reason,
        ["status"] = status,
        ["type"] = type,
    };

}
