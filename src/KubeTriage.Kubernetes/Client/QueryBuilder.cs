using System.Globalization;
using System.Text;

namespace KubeTriage.Kubernetes;

/// <summary>Appends percent-encoded query parameters, skipping unset ones.</summary>
internal sealed class QueryBuilder(string path)
{
    private readonly StringBuilder _text = new(path);
    private bool _first = true;

    public QueryBuilder Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        _text.Append(_first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public QueryBuilder Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder AddFlag(string name, bool value) => value ? Add(name, "true") : this;

    public override string ToString() => _text.ToString();
}
