using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeTriage.AI.Configuration;

/// <summary>The <c>llm:</c> section of <c>~/.kubetriage/config.yaml</c> (or the file KUBETRIAGE_CONFIG names); JSON is valid YAML too.</summary>
/// <remarks>Other top-level sections belong to other parts of KubeTriage and are left alone; inside <c>llm:</c> an unknown key is an error.</remarks>
internal sealed class ConfigFile
{
    public string? Provider { get; set; }

    public string? CoordinatorModel { get; set; }

    public string? CollectorModel { get; set; }

    public string? CollectorEscalationModel { get; set; }

    public string? ManagementContext { get; set; }

    public long? MaxInputTokens { get; set; }

    public int? CallTimeoutSeconds { get; set; }

    public int? InvestigationTimeoutSeconds { get; set; }

    public Dictionary<string, ModelEntry> Models { get; set; } = [];

    public static ConfigFile Read(string path)
    {
        try
        {
            var root = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>?>(File.ReadAllText(path));
            if (root?.GetValueOrDefault("llm") is not { } section)
            {
                return new ConfigFile();
            }

            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            return deserializer.Deserialize<ConfigFile?>(new SerializerBuilder().Build().Serialize(section)) ?? new ConfigFile();
        }
        catch (YamlException ex)
        {
            // Unknown keys fail too: a typo in a model name or price must not be silently ignored.
            throw new ProviderConfigurationException($"{path}: {(ex.InnerException ?? ex).Message}");
        }
    }

    /// <summary>A model's prices (USD per million tokens) and context window.</summary>
    internal sealed class ModelEntry
    {
        public decimal Input { get; set; }

        public decimal Output { get; set; }

        public decimal CacheWrite { get; set; }

        public decimal CacheRead { get; set; }

        public int? ContextWindow { get; set; }
    }
}
