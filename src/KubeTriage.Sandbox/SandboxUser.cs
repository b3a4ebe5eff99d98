namespace KubeTriage.Sandbox;

/// <summary>A user authenticated by a static bearer token. Members of <c>system:masters</c> may do anything.</summary>
public sealed record SandboxUser(string Name, string Token, IReadOnlyList<string> Groups, IReadOnlyList<SandboxGrant> Grants)
{
    /// <summary>The group that bypasses authorization, as in a real cluster.</summary>
    public const string MastersGroup = "system:masters";

    /// <summary>A cluster administrator.</summary>
    public static SandboxUser Admin(string name, string token) => new(name, token, [MastersGroup, "system:authenticated"], []);

    /// <summary>Read access (ClusterRole view) in the given namespaces only.</summary>
    public static SandboxUser Viewer(string name, string token, params string[] namespaces) =>
        new(name, token, ["system:authenticated"], namespaces.Select(ns => new SandboxGrant(ns, SandboxRole.View)).ToList());

    /// <summary>Write access (ClusterRole edit) in the given namespaces only.</summary>
    public static SandboxUser Editor(string name, string token, params string[] namespaces) =>
        new(name, token, ["system:authenticated"], namespaces.Select(ns => new SandboxGrant(ns, SandboxRole.Edit)).ToList());
}
