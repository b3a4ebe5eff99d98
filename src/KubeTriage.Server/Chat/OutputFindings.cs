namespace KubeTriage.Server.Chat;

/// <summary>What the deterministic reader saw in a command's output: lines for the answer and follow-up commands to suggest.</summary>
internal sealed class OutputFindings
{
    public List<string> Observations { get; } = [];

    public List<string> FollowUps { get; } = [];

    public void Suggest(string command)
    {
        if (!FollowUps.Contains(command, StringComparer.Ordinal))
        {
            FollowUps.Add(command);
        }
    }
}
