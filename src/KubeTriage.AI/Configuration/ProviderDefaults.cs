namespace KubeTriage.AI.Configuration;

/// <summary>Holds default endpoints and models per provider.</summary>
internal static class ProviderDefaults
{
    public const string AzureApiVersion = "2024-10-21";

    public static Uri BaseUrl(ProviderKind kind) => kind switch
    {
        ProviderKind.Anthropic => new Uri("https://api.anthropic.com/"),
        ProviderKind.OpenAI => new Uri("https://api.openai.com/v1/"),
        ProviderKind.Ollama => new Uri("http://127.0.0.1:11434/v1/"),
        ProviderKind.Gemini => new Uri("https://generativelanguage.googleapis.com/"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No fixed base URL."),
    };

    public static (string Coordinator, string Collector) Models(ProviderKind kind) => kind switch
    {
        ProviderKind.Anthropic => ("claude-sonnet-4-5", "claude-haiku-4-5"),
        ProviderKind.OpenAI or ProviderKind.AzureOpenAI => ("gpt-4.1", "gpt-4.1-mini"),
        ProviderKind.Ollama => ("llama3.1", "llama3.1"),
        ProviderKind.Gemini => ("gemini-2.5-pro", "gemini-2.5-flash"),
        ProviderKind.Bedrock => ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
