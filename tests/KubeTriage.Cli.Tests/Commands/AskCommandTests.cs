using System.Text.Json.Nodes;

namespace KubeTriage.Cli.Tests.Commands;

public sealed class AskCommandTests
{
    [Fact]
    public async Task Ask_WithoutLlm_EngineAnswersWithReportMetricsAndWarning()
    {
        var (code, console) = await TestConsole.RunAsync(
            "ask", "why is checkout failing?", "--snapshot", Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret"), "--no-llm", "-o", "json");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        var body = JsonNode.Parse(console.Out)!;
        Assert.Equal("MissingSecret", body["report"]!["rootCauses"]![0]!["category"]!.GetValue<string>());
        Assert.Contains(body["report"]!["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("LLM disabled", StringComparison.Ordinal));
        Assert.Equal(0, body["metrics"]!["num_turns"]!.GetValue<int>());
        Assert.NotNull(body["metrics"]!["usage"]!["input_tokens"]);
    }

    [Fact]
    public async Task Ask_MissingSnapshot_OneLineErrorExitFour()
    {
        var (code, console) = await TestConsole.RunAsync("ask", "anything", "--snapshot", "/nonexistent/kt-ask", "--no-llm");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith("error: snapshot directory", console.Error);
    }
}
