using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get nodes columns.
internal sealed class NodePrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Status", "The status of the node"),
        new("Roles", "The roles of the node"),
        TableColumn.AgeColumn,
        new("Version", "Kubelet Version reported by the node."),
        new("Internal-IP", "List of addresses reachable to the node. Queried from cloud provider, if available.", 1),
        new("External-IP", "List of addresses reachable to the node. Queried from cloud provider, if available.", 1),
        new("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
        new("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
        new("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var status = obj.Obj("status");
        var info = status.Obj("nodeInfo");
        var addresses = status.Arr("addresses") ?? [];
        string Address(string type) => PrinterText.OrNone(addresses.FirstOrDefault(a => a.Str("type") == type).Str("address"));
        return
        [
            obj.Name(),
            NodeStatus(obj),
            Roles(obj),
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            info.Str("kubeletVersion") ?? "",
            Address("InternalIP"),
            Address("ExternalIP"),
            PrinterText.OrNone(info.Str("osImage")),
            PrinterText.OrNone(info.Str("kernelVersion")),
            PrinterText.OrNone(info.Str("containerRuntimeVersion")),
        ];
    }

    private static string NodeStatus(JsonObject node)
    {
        var ready = (node.Obj("status").Arr("conditions") ?? []).FirstOrDefault(c => c.Str("type") == "Ready");
        var text = ready is null ? "Unknown" : ready.Str("status") == "True" ? "Ready" : ready.Str("status") == "False" ? "NotReady" : "Unknown";
        return node.Obj("spec").Bool("unschedulable") ? text + ",SchedulingDisabled" : text;
    }

    private static string Roles(JsonObject node)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Obj("metadata").Obj("labels") ?? [])
        {
            if (key.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal) && key.Length > "node-role.kubernetes.io/".Length)
            {
                roles.Add(key["node-role.kubernetes.io/".Length..]);
            }
            else if (key == "kubernetes.io/role" && JsonHelpers.ScalarText(value) is { Length: > 0 } role)
            {
                roles.Add(role);
            }
        }

        return roles.Count == 0 ? PrinterText.None : string.Join(",", roles);
    }
}
