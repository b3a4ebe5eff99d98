using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;

namespace KubeTriage.Sandbox.Objects;

/// Converts between the stored form of an object and the form served for a resource version.
internal static class ObjectViews
{
    public static JsonObject ToServed(JsonObject stored, ResourceInfo resource)
    {
        if (resource.Group == "events.k8s.io")
        {
            return EventConversion.ToEventsV1(stored);
        }

        // Multi-version groups (autoscaling v1/v2, CRD versions) share storage; no schema conversion.
        stored["apiVersion"] = resource.ApiVersion;
        stored["kind"] = resource.Kind;
        ObjectLayout.Normalize(stored);
        return stored;
    }

    public static JsonObject ToStored(JsonObject served, ResourceInfo resource)
    {
        var stored = resource.Group == "events.k8s.io" ? EventConversion.ToCore(served) : served;
        if (resource.Group != "events.k8s.io")
        {
            stored["apiVersion"] = resource.ApiVersion;
            stored["kind"] = resource.Kind;
        }

        ObjectLayout.Normalize(stored);
        return stored;
    }

    /// <summary>List items of builtin kinds carry no kind/apiVersion; custom resources keep them.</summary>
    public static JsonObject AsListItem(JsonObject served, ResourceInfo resource)
    {
        if (!resource.IsCustom)
        {
            served.Remove("kind");
            served.Remove("apiVersion");
        }

        return served;
    }
}
