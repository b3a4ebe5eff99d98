namespace KubeTriage.Remediation.Kubectl;

/// <summary>What the positional arguments of a subcommand mean.</summary>
internal enum KubectlArgumentShape
{
    /// <summary>Not interpreted (read commands such as <c>logs</c>, <c>explain</c>, <c>auth can-i</c>).</summary>
    Free,

    /// <summary>Resource arguments: <c>TYPE NAME...</c>, <c>TYPE/NAME...</c>, <c>TYPE,TYPE NAME</c>.</summary>
    Resources,

    /// <summary>Resource arguments followed by specs with <c>=</c> or <c>:</c> or a trailing <c>-</c> (label, taint, set image).</summary>
    ResourcesThenSpecs,

    /// <summary>Resource arguments whose last word is a value (set serviceaccount).</summary>
    ResourcesThenValue,

    /// <summary>Names of objects of the subcommand's fixed kind (cordon NODE, certificate approve CSR).</summary>
    Names,

    /// <summary>The one name of the object created (create deployment NAME, run NAME).</summary>
    NewName,
}
