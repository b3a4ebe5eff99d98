using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// Shared cell formatting of the server-side printers.
internal static class PrinterText
{
    public const string None = "<none>";

    public static long Int(JsonNode? node, string key) => JsonHelpers.AsLong((node as JsonObject)?[key]) ?? 0;

    public static string OrNone(string? value) => string.IsNullOrEmpty(value) ? None : value;

    public static JsonArray Containers(JsonObject obj, string specPath = "spec.template.spec")
    {
        JsonNode? node = obj;
        foreach (var part in specPath.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return (node as JsonObject).Arr("containers") ?? [];
    }

    public static string Names(JsonArray containers) => string.Join(",", containers.Select(c => c.Str("name")));

    public static string Images(JsonArray containers) => string.Join(",", containers.Select(c => c.Str("image")));
}
