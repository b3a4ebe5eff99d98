namespace KubeTriage.Storage;

/// <summary>What started an investigation; stored as lowercase text.</summary>
public enum InvestigationSource
{
    /// <summary>A request to the HTTP API.</summary>
    Api,

    /// <summary>A streaming request to the HTTP API.</summary>
    Stream,

    /// <summary>An Alertmanager alert.</summary>
    Alert,

    /// <summary>A generic webhook.</summary>
    Webhook,

    /// <summary>The command line.</summary>
    Cli,
}
