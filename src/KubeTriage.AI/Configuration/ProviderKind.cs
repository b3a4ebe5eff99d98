namespace KubeTriage.AI.Configuration;

/// <summary>Names the LLM back ends KubeTriage can talk to.</summary>
public enum ProviderKind
{
    /// <summary>Anthropic Messages API.</summary>
    Anthropic,

    /// <summary>OpenAI Chat Completions, or any compatible server through OPENAI_BASE_URL (vLLM, LM Studio).</summary>
    OpenAI,

    /// <summary>Azure OpenAI deployments.</summary>
    AzureOpenAI,

    /// <summary>Ollama through its OpenAI-compatible /v1 endpoint.</summary>
    Ollama,

    /// <summary>Google Gemini API.</summary>
    Gemini,

    /// <summary>AWS Bedrock Converse API.</summary>
    Bedrock,
}
