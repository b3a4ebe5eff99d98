using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Selectors;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get services columns.
internal sealed class ServicePrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Type", "type determines how the Service is exposed. Defaults to ClusterIP."),
        new("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly."),
        new("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
        new("Port(s)", "The list of ports that are exposed by this service."),
        TableColumn.AgeColumn,
        new("Selector", "Route service traffic to pods with label keys and values matching this selector.", 1),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj.Obj("spec");
        var type = spec.Str("type") ?? "ClusterIP";
        var ports = (spec.Arr("ports") ?? []).Select(p =>
        {
            var protocol = p.Str("protocol") ?? "TCP";
            var nodePort = PrinterText.Int(p, "nodePort");
            return nodePort > 0 && type is "NodePort" or "LoadBalancer"
                ? $"{PrinterText.Int(p, "port")}:{nodePort}/{protocol}"
                : $"{PrinterText.Int(p, "port")}/{protocol}";
        }).ToList();
        return
        [
            obj.Name(),
            type,
            type == "ExternalName" ? PrinterText.None : PrinterText.OrNone(spec.Str("clusterIP")),
            ExternalIp(obj, type),
            ports.Count == 0 ? PrinterText.None : string.Join(",", ports),
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            SelectorText.FormatMap(spec.Obj("selector")),
        ];
    }

    private static string ExternalIp(JsonObject obj, string type)
    {
        var spec = obj.Obj("spec");
        var external = (spec.Arr("externalIPs") ?? []).Select(JsonHelpers.ScalarText).ToList();
        switch (type)
        {
            case "ExternalName":
                return spec.Str("externalName") ?? PrinterText.None;
            case "LoadBalancer":
                var ingress = (obj.Obj("status").Obj("loadBalancer").Arr("ingress") ?? []).Select(i => i.Str("ip") ?? i.Str("hostname")).ToList();
                external.AddRange(ingress);
                return external.Count == 0 ? "<pending>" : string.Join(",", external);
            default:
                return external.Count == 0 ? PrinterText.None : string.Join(",", external);
        }
    }
}
