namespace KubeTriage.Sandbox;

/// <summary>Rights granted by a <see cref="SandboxGrant"/>, modelled on the default ClusterRoles view, edit and admin.</summary>
public enum SandboxRole
{
    /// <summary>get, list and watch on everything except secrets.</summary>
    View,

    /// <summary>Every verb on everything except RBAC objects.</summary>
    Edit,

    /// <summary>Every verb on everything.</summary>
    Admin,
}
