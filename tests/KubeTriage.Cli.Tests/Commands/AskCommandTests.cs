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

    [Fact]
    public async Task Ask_WithOpenAiCompatibleProvider_CoordinatorDelegatesAndReportsWithBreakdown()
    {
        const string report = """
            {"summary":"checkout is down because Secret checkout-db is missing.","rootCauses":[{"category":"MissingSecret","severity":"critical",
             "resource":{"kind":"Deployment","namespace":"shop","name":"checkout"},"title":"Secret checkout-db does not exist",
             "explanation":"The pods reference Secret checkout-db, which does not exist.","evidence":[{"source":"event","text":"Error: secret \"checkout-db\" not found"}],
             "affected":[{"kind":"Service","namespace":"shop","name":"checkout"}],"remediation":[{"description":"Create the Secret","command":"kubectl create secret generic checkout-db -n shop","risk":"confirm"}]}]}
            """;
        await using var llm = await ScriptedOpenAiServer.StartAsync(report);
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test-not-real", ["OPENAI_BASE_URL"] = llm.BaseUrl };

        var (code, console) = await TestConsole.RunWithEnvironmentAsync(env,
            "ask", "why is checkout failing?", "--snapshot", Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret"), "-o", "json");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        var body = JsonNode.Parse(console.Out)!;
        Assert.Equal("checkout is down because Secret checkout-db is missing.", body["report"]!["summary"]!.GetValue<string>());
        Assert.Equal("MissingSecret", body["report"]!["rootCauses"]![0]!["category"]!.GetValue<string>());
        Assert.Equal(3, body["metrics"]!["num_turns"]!.GetValue<int>());
        Assert.Equal(2, body["metrics"]!["breakdown"]!.AsArray().Count);
        Assert.Equal(3, llm.Requests.Count);

        // No Secret value of the cluster is ever sent to the model (tools show Secret keys only).
        var secretValues = Core.Snapshots.SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret")).State.OfKind("Secret")
            .SelectMany(s => Core.Model.JsonPath.Map(s.Raw, "data").Values).Where(v => v.Length >= 8).ToList();
        Assert.NotEmpty(secretValues);
        Assert.All(llm.Requests, r => Assert.All(secretValues, v => Assert.DoesNotContain(v, r.ToJsonString(), StringComparison.Ordinal)));
    }
}
