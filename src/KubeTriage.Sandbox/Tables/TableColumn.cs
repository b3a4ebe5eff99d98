using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tables;

/// A Table columnDefinition.
internal sealed record TableColumn(string Name, string Description, int Priority = 0, string Format = "", string Type = "string")
{
    public const string NameDescription = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names";

    public const string AgeDescription = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static TableColumn NameColumn { get; } = new("Name", NameDescription, Format: "name");

    public static TableColumn AgeColumn { get; } = new("Age", AgeDescription);

    // The wide-output columns every workload printer shares (kubectl -o wide).
    public static TableColumn ContainersColumn { get; } = new("Containers", "Names of each container in the template.", 1);

    public static TableColumn ImagesColumn { get; } = new("Images", "Images referenced by each container in the template.", 1);

    public static TableColumn PodSelectorColumn { get; } = new("Selector", "A label query over pods that should match the pod count.", 1);

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
