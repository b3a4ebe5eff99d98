using System.Collections;

namespace KubeTriage.AI.Configuration;

/// <summary>Describes which LLM provider to call, where, with which credentials and models.</summary>
public sealed record ProviderConfiguration
{
    /// <summary>Gets the provider.</summary>
    public required ProviderKind Provider { get; init; }

    /// <summary>Gets the API key, or null where the provider needs none (Ollama, Bedrock).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets the endpoint: API base URL, Azure resource endpoint or Bedrock runtime endpoint.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Gets the Azure OpenAI api-version.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Gets the AWS region for Bedrock.</summary>
    public string? Region { get; init; }

    /// <summary>Gets static AWS credentials; when null Bedrock uses the AWS SDK default credential chain.</summary>
    public AwsStaticCredentials? AwsCredentials { get; init; }

    /// <summary>Gets the coordinator model (for Azure: the deployment name).</summary>
    public required string CoordinatorModel { get; init; }

    /// <summary>Gets the collector model (for Azure: the deployment name).</summary>
    public required string CollectorModel { get; init; }

    /// <summary>Gets the model a low-confidence collector is re-run with; null means the coordinator model.</summary>
    public string? CollectorEscalationModel { get; init; }

    /// <summary>Gets whether low-confidence collectors are re-run on a stronger model (KUBETRIAGE_COLLECTOR_ESCALATION_MODEL=off disables it).</summary>
    public bool EscalationEnabled => !string.Equals(CollectorEscalationModel, "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the model for an agent role.</summary>
    public string ModelFor(AgentRole role) => role switch
    {
        AgentRole.Coordinator => CoordinatorModel,
        AgentRole.CollectorEscalation => EscalationEnabled ? CollectorEscalationModel ?? CoordinatorModel : CollectorModel,
        _ => CollectorModel,
    };

    /// <summary>Reads the configuration from vendor environment variables, e.g. <see cref="Environment.GetEnvironmentVariables()"/>.</summary>
    /// <exception cref="ProviderConfigurationException">No provider, several without KUBETRIAGE_PROVIDER, or an unknown one.</exception>
    public static ProviderConfiguration FromEnvironment(IDictionary environment)
        => EnvironmentReader.Read(environment);
}
