using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Actions;

/// <summary>
/// Raises one container's memory limit in a workload's pod template (a strategic merge patch on the container by name),
/// never lowering it, and lowers the memory request only if it would exceed the new limit.
/// </summary>
internal sealed class RaiseMemoryLimitAction : PatchAction
{
    private readonly string? _container;
    private readonly double? _memory;
    private readonly double _factor;

    public RaiseMemoryLimitAction(SuggestedAction action, TimeProvider clock)
        : base(action, clock)
    {
        TargetReader.RequireKind(action.Target, action.Type, "Deployment", "StatefulSet", "DaemonSet");
        _container = action.Parameter(ActionParameters.Container);
        if (action.Parameter(ActionParameters.Memory) is { } memory)
        {
            _memory = Quantity.Parse(memory) is > 0 and var bytes ? bytes : throw new ArgumentException($"memory must be a quantity such as 1Gi, not '{memory}'");
        }

        _factor = MemoryLimits.ParseFactor(action.Parameter(ActionParameters.Factor));
    }

    protected override Task<PatchSpec> BuildAsync(IKubernetesClient client, JsonObject current, CancellationToken cancellationToken)
    {
        var target = $"{Action.Target.Kind} {Action.Target.Namespace}/{Action.Target.Name}";
        var (listName, container) = FindContainer(current, target);
        var name = container.Str("name")!;
        var limitText = container.Str("resources.limits.memory");
        var limit = Quantity.Parse(limitText);
        if (limit is null)
        {
            throw new ActionRefusedException($"container {name} of {target} has no memory limit to raise");
        }

        var newLimit = _memory is { } wanted ? Quantity.FormatMemory(wanted) : MemoryLimits.Raise(limit.Value, _factor);
        if (Quantity.Parse(newLimit) <= limit)
        {
            throw new ActionRefusedException($"the memory limit of container {name} of {target} is {limitText} already; {newLimit} would not raise it");
        }

        // An explicit value is bounded like the factor: a typo (1000Ti) must not reserve a node's worth of memory.
        if (Quantity.Parse(newLimit) > limit * MemoryLimits.MaxFactor)
        {
            throw new ActionRefusedException($"{newLimit} is more than {MemoryLimits.MaxFactor} times the current limit {limitText} of container {name} of {target}; raise it in steps");
        }

        var resources = new JsonObject { ["limits"] = new JsonObject { ["memory"] = newLimit } };
        if (Quantity.Parse(container.Str("resources.requests.memory")) > Quantity.Parse(newLimit))
        {
            resources["requests"] = new JsonObject { ["memory"] = newLimit };
        }

        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject { [listName] = new JsonArray(new JsonObject { ["name"] = name, ["resources"] = resources }) },
                },
            },
        };
        return Task.FromResult(new PatchSpec(PatchType.StrategicMerge, patch.ToJsonString(), $"Raise the memory limit of container {name} of {target} from {limitText} to {newLimit}"));
    }

    private (string ListName, JsonObject Container) FindContainer(JsonObject workload, string target)
    {
        var candidates = new[] { "containers", "initContainers" }
            .SelectMany(list => workload.Objects($"spec.template.spec.{list}").Select(c => (List: list, Container: c)))
            .ToList();
        if (_container is null)
        {
            var app = candidates.Where(c => c.List == "containers").ToList();
            return app.Count == 1 ? app[0] : throw new ActionRefusedException($"{target} has {app.Count} containers; name the one whose limit to raise");
        }

        return candidates.FirstOrDefault(c => c.Container.Str("name") == _container) is { Container: not null } found
            ? found
            : throw new ActionRefusedException($"{target} has no container named {_container}");
    }
}
