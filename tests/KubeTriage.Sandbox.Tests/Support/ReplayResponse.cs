using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Support;

/// What the sandbox answered to a replayed request.
internal sealed record ReplayResponse(int Status, string? ContentType, string Text)
{
    /// <summary>The body parsed like the recordings: JSON when it parses, a list of lines for watches, else the text.</summary>
    public JsonNode? Body { get; init; }
}
