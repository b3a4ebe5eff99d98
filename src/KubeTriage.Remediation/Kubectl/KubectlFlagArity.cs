namespace KubeTriage.Remediation.Kubectl;

/// <summary>How a kubectl (pflag) flag takes its value.</summary>
internal enum KubectlFlagArity
{
    /// <summary>A boolean: bare means true; a value only as <c>--flag=false</c>.</summary>
    Bool,

    /// <summary>Needs a value: <c>--flag=v</c>, <c>--flag v</c>, <c>-fv</c>, <c>-f v</c>, <c>-f=v</c>.</summary>
    Value,

    /// <summary>An optional value, only as <c>--flag=v</c>; bare uses the default (<c>--dry-run</c>, <c>--cascade</c>).</summary>
    OptionalValue,
}
