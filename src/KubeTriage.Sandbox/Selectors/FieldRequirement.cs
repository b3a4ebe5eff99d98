namespace KubeTriage.Sandbox.Selectors;

/// One term of a field selector: field, equality or inequality, value.
internal sealed record FieldRequirement(string Field, bool Equal, string Value);
