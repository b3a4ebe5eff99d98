using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Remediation.Actions;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class ActionJsonTests
{
    [Fact]
    public void Serialize_Scale_WritesTheContractShape()
    {
        var action = new SuggestedAction
        {
            Type = ActionTypes.Scale,
            Target = new ObjectRef("Deployment", "shop", "checkout"),
            Parameters = new Dictionary<string, string> { [ActionParameters.Replicas] = "3" },
        };

        Assert.Equal("{\"type\":\"scale\",\"target\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"checkout\"},\"parameters\":{\"replicas\":\"3\"}}", ActionJson.Serialize(action));
    }

    public static TheoryData<string> Types => [.. ActionTypes.All];

    [Theory]
    [MemberData(nameof(Types))]
    public void Deserialize_EveryType_RoundTripsAndRebuildsTheAction(string type)
    {
        var target = type switch
        {
            ActionTypes.RestartPod => new ObjectRef("Pod", "shop", "checkout-1-abcde"),
            ActionTypes.DeleteFailedPods => new ObjectRef("Namespace", null, "shop"),
            ActionTypes.SuspendCronJob or ActionTypes.ResumeCronJob => new ObjectRef("CronJob", "shop", "nightly"),
            _ => new ObjectRef("Deployment", "shop", "checkout"),
        };
        var parameters = type switch
        {
            ActionTypes.Scale => new Dictionary<string, string> { [ActionParameters.Replicas] = "4" },
            ActionTypes.RaiseMemoryLimit => new Dictionary<string, string> { [ActionParameters.Container] = "app", [ActionParameters.Memory] = "1Gi" },
            _ => new Dictionary<string, string>(),
        };
        var original = new SuggestedAction { Type = type, Target = target, Parameters = parameters };

        var json = ActionJson.Serialize(original);
        var rebuilt = ActionRegistry.Default.Create(json);

        Assert.Equal(original.ToString(), rebuilt.Action.ToString());
        Assert.Equal(json, ActionJson.Serialize(rebuilt.Action));
    }

    [Fact]
    public void Deserialize_WithoutParameters_GivesEmptyParameters()
    {
        var action = ActionJson.Deserialize("{\"type\":\"rollback\",\"target\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"checkout\"}}");

        Assert.Empty(action.Parameters);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"scale\"}")]
    public void Deserialize_NotADescription_ThrowsFormatException(string json)
        => Assert.Throws<FormatException>(() => ActionJson.Deserialize(json));

    [Theory]
    [InlineData("{\"type\":\"drain-node\",\"target\":{\"kind\":\"Node\",\"name\":\"worker-1\"}}")]
    [InlineData("{\"type\":\"scale\",\"target\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"checkout\"},\"parameters\":{\"replicas\":\"-1\"}}")]
    [InlineData("{\"type\":\"rollback\",\"target\":{\"kind\":\"StatefulSet\",\"namespace\":\"shop\",\"name\":\"db\"}}")]
    [InlineData("{\"type\":\"raise-memory-limit\",\"target\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"checkout\"},\"parameters\":{\"memory\":\"lots\"}}")]
    public void Create_UnknownTypeOrBadParameters_ThrowsArgumentException(string json)
        => Assert.Throws<ArgumentException>(() => ActionRegistry.Default.Create(json));
}
