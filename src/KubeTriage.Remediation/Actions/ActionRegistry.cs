using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Remediation.Actions;

/// <summary>Builds the action implementation for a description, by its type name.</summary>
/// <remarks>Immutable and thread-safe. An approval stores the <see cref="SuggestedAction"/> (see <see cref="ActionJson"/>) and rebuilds the action here.</remarks>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, Func<SuggestedAction, IRemediationAction>> _factories;

    /// <summary>Creates the registry of the built-in actions.</summary>
    /// <param name="clock">The clock for restartedAt stamps and execution times; null uses the system clock.</param>
    public ActionRegistry(TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        _factories = new Dictionary<string, Func<SuggestedAction, IRemediationAction>>(StringComparer.Ordinal)
        {
            [ActionTypes.RestartPod] = a => new RestartPodAction(a, time),
            [ActionTypes.RolloutRestart] = a => new RolloutRestartAction(a, time),
            [ActionTypes.Scale] = a => new ScaleAction(a, time),
            [ActionTypes.Rollback] = a => new RollbackAction(a, time),
            [ActionTypes.DeleteFailedPods] = a => new DeleteFailedPodsAction(a, time),
            [ActionTypes.RaiseMemoryLimit] = a => new RaiseMemoryLimitAction(a, time),
            [ActionTypes.SuspendCronJob] = a => new CronJobSuspendAction(a, time),
            [ActionTypes.ResumeCronJob] = a => new CronJobSuspendAction(a, time),
        };
    }

    /// <summary>Gets the registry of the built-in actions on the system clock.</summary>
    public static ActionRegistry Default { get; } = new();

    /// <summary>Gets the type names this registry builds.</summary>
    public IReadOnlyCollection<string> Types => _factories.Keys;

    /// <summary>Returns whether a type name is known.</summary>
    public bool IsKnown(string type) => _factories.ContainsKey(type);

    /// <summary>Builds the action; throws <see cref="ArgumentException"/> for an unknown type, a wrong target kind or a bad parameter.</summary>
    public IRemediationAction Create(SuggestedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        TargetNames.Validate(action.Target);
        return _factories.TryGetValue(action.Type, out var factory)
            ? factory(action)
            : throw new ArgumentException($"unknown remediation action type '{action.Type}' (known: {string.Join(", ", _factories.Keys)})", nameof(action));
    }

    /// <summary>Builds the action from its JSON description.</summary>
    public IRemediationAction Create(string json) => Create(ActionJson.Deserialize(json));
}
