namespace KubeTriage.AI.Configuration;

/// <summary>Holds AWS credentials taken from the environment.</summary>
public sealed record AwsStaticCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <inheritdoc/>
    public override string ToString() => $"AwsStaticCredentials {{ AccessKeyId = {AccessKeyId[..Math.Min(4, AccessKeyId.Length)]}… }}";
}
