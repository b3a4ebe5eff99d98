using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tools;

/// <summary>Holds the outcome of <see cref="ToolLoop.RunAsync"/>.</summary>
/// <param name="Messages">The conversation including every model turn and tool result added by the loop.</param>
/// <param name="FinalResponse">The last model response.</param>
/// <param name="Turns">How many model calls were made.</param>
/// <param name="HitTurnLimit">True when the model still asked for tools after the last allowed turn.</param>
/// <param name="Usage">The usage summed over all turns.</param>
public sealed record ToolLoopResult(
    IReadOnlyList<ChatMessage> Messages, ChatResponse FinalResponse, int Turns, bool HitTurnLimit, UsageDetails Usage);
