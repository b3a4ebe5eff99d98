namespace KubeTriage.AI.Configuration;

/// <summary>Reports a missing, ambiguous or invalid LLM provider configuration.</summary>
public sealed class ProviderConfigurationException(string message) : Exception(message);
