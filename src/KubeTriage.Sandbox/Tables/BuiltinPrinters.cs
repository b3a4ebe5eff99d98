using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// Printers of the kinds whose columns fit in a line each: configmaps, secrets, namespaces, pvcs, ingresses.
internal static class BuiltinPrinters
{
    public static IRowPrinter ConfigMap { get; } = new SimplePrinter(
        SimplePrinter.Name,
        (new TableColumn("Data", "Data contains the configuration data."), (o, _) => (long)((o.Obj("data")?.Count ?? 0) + (o.Obj("binaryData")?.Count ?? 0))),
        SimplePrinter.Age);

    public static IRowPrinter Secret { get; } = new SimplePrinter(
        SimplePrinter.Name,
        (new TableColumn("Type", "The type of the secret"), (o, _) => o.Str("type") ?? "Opaque"),
        (new TableColumn("Data", "The number of data entries in the secret"), (o, _) => (long)(o.Obj("data")?.Count ?? 0)),
        SimplePrinter.Age);

    public static IRowPrinter Namespace { get; } = new SimplePrinter(
        SimplePrinter.Name,
        (new TableColumn("Status", "The status of the namespace"), (o, _) => o.Obj("status").Str("phase") ?? "Active"),
        SimplePrinter.Age);

    public static IRowPrinter PersistentVolumeClaim { get; } = new SimplePrinter(
        SimplePrinter.Name,
        (new TableColumn("Status", "Phase represents the current phase of PersistentVolumeClaim."), (o, _) => o.Obj("status").Str("phase") ?? "Pending"),
        (new TableColumn("Volume", "VolumeName is the binding reference to the PersistentVolume backing this claim."), (o, _) => o.Obj("spec").Str("volumeName") ?? ""),
        (new TableColumn("Capacity", "Capacity represents the actual resources of the underlying volume."), (o, _) => JsonHelpers.ScalarText(o.Obj("status").Obj("capacity")?["storage"]) ?? ""),
        (new TableColumn("Access Modes", "AccessModes contains the desired access modes the volume should have."), (o, _) => AccessModes(o)),
        (new TableColumn("StorageClass", "StorageClassName is the name of the StorageClass required by the claim."), (o, _) => o.Obj("spec").Str("storageClassName") ?? ""),
        SimplePrinter.Age,
        (new TableColumn("VolumeMode", "volumeMode defines what type of volume is required by the claim.", 1), (o, _) => o.Obj("spec").Str("volumeMode") ?? "Filesystem"));

    public static IRowPrinter Ingress { get; } = new SimplePrinter(
        SimplePrinter.Name,
        (new TableColumn("Class", "ingressClassName is the name of an IngressClass cluster resource."), (o, _) => PrinterText.OrNone(o.Obj("spec").Str("ingressClassName"))),
        (new TableColumn("Hosts", "Hosts that incoming requests are matched against before the ingress rule"), (o, _) => Hosts(o)),
        (new TableColumn("Address", "Address is a list containing ingress points for the load-balancer"), (o, _) => string.Join(",", (o.Obj("status").Obj("loadBalancer").Arr("ingress") ?? []).Select(i => i.Str("ip") ?? i.Str("hostname")))),
        (new TableColumn("Ports", "Ports of TLS configurations that open"), (o, _) => o.Obj("spec").Arr("tls") is { Count: > 0 } ? "80, 443" : "80"),
        SimplePrinter.Age);

    private static string AccessModes(JsonObject pvc)
    {
        var modes = (pvc.Obj("status").Arr("accessModes") ?? pvc.Obj("spec").Arr("accessModes") ?? []).Select(JsonHelpers.ScalarText);
        return string.Join(",", modes.Select(m => m switch
        {
            "ReadWriteOnce" => "RWO",
            "ReadOnlyMany" => "ROX",
            "ReadWriteMany" => "RWX",
            "ReadWriteOncePod" => "RWOP",
            _ => m,
        }));
    }

    private static string Hosts(JsonObject ingress)
    {
        var hosts = (ingress.Obj("spec").Arr("rules") ?? []).Select(r => r.Str("host")).Where(h => !string.IsNullOrEmpty(h)).ToList();
        return hosts.Count == 0 ? "*" : string.Join(",", hosts);
    }
}
