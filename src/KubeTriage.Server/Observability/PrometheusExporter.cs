using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace KubeTriage.Server.Observability;

/// <summary>Aggregates the server's instruments with a <see cref="MeterListener"/> and writes the Prometheus text format.</summary>
/// <remarks>prometheus-net is not available here; counters and histograms (sum/count) are all /metrics needs.</remarks>
internal sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), double> _sums = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), long> _counts = new();
    private readonly ConcurrentDictionary<string, (string Type, string Help)> _meta = new();

    public PrometheusExporter(ServerMetrics metrics)
    {
        // Only this server's meter instance: another server in the same process (tests) keeps its own counts.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                _meta[instrument.Name] = (instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal) ? "summary" : "counter", instrument.Description ?? instrument.Name);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var (name, (type, help)) in _meta.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var metric = type == "counter" ? name + "_total" : name;
            text.Append("# HELP ").Append(metric).Append(' ').AppendLine(help);
            text.Append("# TYPE ").Append(metric).Append(' ').AppendLine(type);
            foreach (var ((_, labels), sum) in _sums.Where(s => s.Key.Name == name).OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                if (type == "counter")
                {
                    text.Append(metric).Append(labels).Append(' ').AppendLine(sum.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(name).Append("_sum").Append(labels).Append(' ').AppendLine(sum.ToString(CultureInfo.InvariantCulture));
                    text.Append(name).Append("_count").Append(labels).Append(' ').AppendLine(_counts.GetValueOrDefault((name, labels)).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = (instrument.Name, Labels(tags));
        _sums.AddOrUpdate(key, value, (_, old) => old + value);
        _counts.AddOrUpdate(key, 1, (_, old) => old + 1);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var parts = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = (tag.Value?.ToString() ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            parts.Add($"{tag.Key}=\"{value}\"");
        }

        parts.Sort(StringComparer.Ordinal);
        return "{" + string.Join(",", parts) + "}";
    }
}
