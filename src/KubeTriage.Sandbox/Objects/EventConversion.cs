using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Objects;

/// core/v1 Event and events.k8s.io/v1 Event are one stored object seen through two schemas.
internal static class EventConversion
{
    // (core field, events.k8s.io field), in events.k8s.io/v1 struct order.
    private static readonly (string Core, string Events)[] s_fields =
    [
        ("eventTime", "eventTime"),
        ("series", "series"),
        ("reportingComponent", "reportingController"),
        ("reportingInstance", "reportingInstance"),
        ("action", "action"),
        ("reason", "reason"),
        ("involvedObject", "regarding"),
        ("related", "related"),
        ("message", "note"),
        ("type", "type"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ];

    public static JsonObject ToEventsV1(JsonObject core)
    {
        var result = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "events.k8s.io/v1",
            ["metadata"] = core["metadata"]?.DeepClone(),
        };
        foreach (var (coreField, eventsField) in s_fields)
        {
            if (core.TryGetPropertyValue(coreField, out var value) && (value is not null || coreField == "eventTime"))
            {
                result[eventsField] = value?.DeepClone();
            }
        }

        return result;
    }

    public static JsonObject ToCore(JsonObject events)
    {
        var result = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "v1",
            ["metadata"] = events["metadata"]?.DeepClone(),
        };
        foreach (var (coreField, eventsField) in s_fields)
        {
            if (events.TryGetPropertyValue(eventsField, out var value))
            {
                result[coreField] = value?.DeepClone();
            }
        }

        return result;
    }
}
