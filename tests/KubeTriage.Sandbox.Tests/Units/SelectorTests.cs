using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Selectors;

namespace KubeTriage.Sandbox.Tests.Units;

public sealed class SelectorTests
{
    private static readonly JsonObject s_pod = JsonNode.Parse("""{"metadata":{"name":"p","labels":{"app":"checkout","tier":"web"}},"status":{"phase":"Running"}}""")!.AsObject();

    [Theory]
    [InlineData("app=checkout", true)]
    [InlineData("app==checkout,tier!=db", true)]
    [InlineData("app in (checkout, cart)", true)]
    [InlineData("tier notin (web)", false)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing", true)]
    [InlineData("", true)]
    public void LabelSelector_Operators_MatchLikeApimachinery(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(s_pod));
    }

    [Fact]
    public void LabelSelector_UnclosedSet_ThrowsRecordedMessage()
    {
        var error = Assert.Throws<ApiException>(() => LabelSelector.Parse("app in (checkout"));
        Assert.Equal(400, error.Code);
        Assert.Equal("unable to parse requirement: found '', expected: ',' or ')'", error.Message);
    }

    [Fact]
    public void FieldSelector_UnknownField_ThrowsRecordedMessage()
    {
        var error = Assert.Throws<ApiException>(() => FieldSelector.Parse("metadata.labels.app=checkout", "pods"));
        Assert.Equal("field label not supported: metadata.labels.app", error.Message);
    }

    [Fact]
    public void FieldSelector_PhaseAndName_Matches()
    {
        Assert.True(FieldSelector.Parse("status.phase=Running,metadata.name!=q", "pods").Matches(s_pod));
    }
}
