using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tools;

/// <summary>Lets a caller watch and stop a <see cref="ToolLoop"/>: progress reporting and budgets.</summary>
public sealed class ToolLoopHooks
{
    /// <summary>Gets or sets what runs before each tool call (e.g. streaming progress); awaited, so keep it short.</summary>
    public Func<FunctionCallContent, Task>? OnToolCall { get; init; }

    /// <summary>Gets or sets a check made before every model call after the first; true ends the loop (e.g. a spent token budget).</summary>
    public Func<bool>? ShouldStop { get; init; }
}
