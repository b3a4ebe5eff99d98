using System.Text.Json;

namespace KubeTriage.Core.Model.Views;

/// <summary>A typed view of a Pod for analyzers.</summary>
public sealed class PodView(KubeObject pod)
{
    /// <summary>Gets the underlying object.</summary>
    public KubeObject Object { get; } = pod;

    /// <summary>Gets status.phase.</summary>
    public string Phase => Object.Raw.Str("status.phase") ?? "Unknown";

    /// <summary>Gets status.reason (for example Evicted).</summary>
    public string? Reason => Object.Raw.Str("status.reason");

    /// <summary>Gets status.message.</summary>
    public string? Message => Object.Raw.Str("status.message");

    /// <summary>Gets spec.nodeName.</summary>
    public string? NodeName => Object.Raw.Str("spec.nodeName");

    /// <summary>Gets status.podIP.</summary>
    public string? PodIP => Object.Raw.Str("status.podIP");

    /// <summary>Gets whether the pod finished (Succeeded or Failed) and will not run again.</summary>
    public bool IsTerminal => Phase is "Succeeded" or "Failed";

    /// <summary>Gets whether the pod is being deleted.</summary>
    public bool IsTerminating => Object.Raw.At("metadata.deletionTimestamp").Exists();

    /// <summary>Gets whether the pod's Ready condition is True.</summary>
    public bool IsReady => Condition("Ready").Str("status") == "True";

    /// <summary>Returns a status condition by type.</summary>
    public JsonElement Condition(string type) => Object.Raw.Objects("status.conditions").FirstOrDefault(c => c.Str("type") == type);

    /// <summary>Gets the init container statuses, in order.</summary>
    public IEnumerable<ContainerStatusView> InitContainers => Object.Raw.Objects("status.initContainerStatuses").Select(c => new ContainerStatusView(c, true));

    /// <summary>Gets the app container statuses.</summary>
    public IEnumerable<ContainerStatusView> Containers => Object.Raw.Objects("status.containerStatuses").Select(c => new ContainerStatusView(c, false));

    /// <summary>Returns a container's spec (init or app) by name.</summary>
    public JsonElement ContainerSpec(string name)
        => Object.Raw.Objects("spec.containers").Concat(Object.Raw.Objects("spec.initContainers")).FirstOrDefault(c => c.Str("name") == name);

    /// <summary>Gets every container spec (app containers first).</summary>
    public IEnumerable<JsonElement> ContainerSpecs => Object.Raw.Objects("spec.containers").Concat(Object.Raw.Objects("spec.initContainers"));
}
