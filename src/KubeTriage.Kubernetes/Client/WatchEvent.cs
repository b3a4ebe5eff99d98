using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Represents one line of a watch stream.</summary>
public sealed record WatchEvent(WatchEventType Type, JsonObject Object)
{
    /// <summary>Gets the object's metadata.resourceVersion (for bookmarks, the resume point).</summary>
    public string? ResourceVersion => Json.GetMetadataString(Object, "resourceVersion");
}
