using System.Globalization;
using KubeTriage.Core.Model;

namespace KubeTriage.Remediation.Actions;

/// <summary>Computes a raised memory limit: the current one times a factor, rounded up to 128Mi.</summary>
public static class MemoryLimits
{
    /// <summary>Gets the factor used when none is given.</summary>
    public const double DefaultFactor = 2;

    /// <summary>Returns the raised limit as a quantity (<c>1Gi</c>, <c>640Mi</c>), never below the current one.</summary>
    public static string Raise(double currentBytes, double factor = DefaultFactor)
        => Quantity.FormatMemory(Quantity.RoundUpMemory(Math.Max(currentBytes * Math.Max(factor, 1), currentBytes + 1)));

    /// <summary>The most a limit may grow in one action.</summary>
    internal const double MaxFactor = 4;

    internal static double ParseFactor(string? text)
    {
        if (text is null)
        {
            return DefaultFactor;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 1 && factor <= MaxFactor
            ? factor
            : throw new ArgumentException($"memory factor must be a number above 1 and at most 4, not '{text}'");
    }
}
