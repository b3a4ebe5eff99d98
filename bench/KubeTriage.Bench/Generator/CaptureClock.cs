using System.Globalization;

namespace KubeTriage.Bench.Generator;

/// <summary>Formats timestamps relative to the capture time the way the API server does.</summary>
internal sealed class CaptureClock(DateTimeOffset captureTime)
{
    public DateTimeOffset CaptureTime { get; } = captureTime;

    /// <summary>RFC 3339 with whole seconds, as in metadata and status fields.</summary>
    public string At(double secondsAgo)
        => CaptureTime.AddSeconds(-secondsAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 with microseconds, as in eventTime and series.lastObservedTime.</summary>
    public string AtMicro(double secondsAgo)
        => CaptureTime.AddSeconds(-secondsAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The hex suffix of an event name: Kubernetes uses the creation time in Unix nanoseconds.</summary>
    public string EventSuffix(double secondsAgo, int salt)
    {
        var nanos = (CaptureTime.AddSeconds(-secondsAgo).ToUnixTimeMilliseconds() * 1_000_000) + salt;
        return nanos.ToString("x", CultureInfo.InvariantCulture);
    }
}
