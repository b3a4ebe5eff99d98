using System.Globalization;

namespace KubeTriage.Core.Model;

/// <summary>Parses and formats Kubernetes resource quantities (memory in bytes, CPU in millicores).</summary>
public static class Quantity
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    [
        ("Ki", 1024d), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("m", 1e-3),
    ];

    /// <summary>Returns the quantity as a number of base units (bytes, cores), or null when unparseable.</summary>
    public static double? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return n * factor;
            }
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    /// <summary>Formats bytes as Mi or Gi, the way people write memory limits.</summary>
    public static string FormatMemory(double bytes)
    {
        var mi = bytes / (1024 * 1024);
        return mi >= 1024 && mi % 1024 == 0
            ? ((long)(mi / 1024)).ToString(CultureInfo.InvariantCulture) + "Gi"
            : ((long)Math.Ceiling(mi)).ToString(CultureInfo.InvariantCulture) + "Mi";
    }

    /// <summary>Rounds a memory amount up to the next multiple of 128Mi.</summary>
    public static double RoundUpMemory(double bytes)
    {
        const double step = 128d * 1024 * 1024;
        return Math.Ceiling(bytes / step) * step;
    }
}
