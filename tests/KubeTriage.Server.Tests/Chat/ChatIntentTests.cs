using KubeTriage.Server.Chat;

namespace KubeTriage.Server.Tests.Chat;

public sealed class ChatIntentTests
{
    [Theory]
    [InlineData("List my pods in the duploservices-andy namespace", "duploservices-andy", "kubectl get pods -n duploservices-andy")]
    [InlineData("Why is my deployment not scaling in the production namespace?", "production", "kubectl get deployments -n production")]
    [InlineData("show events for namespace: shop", "shop", "kubectl get events --sort-by=.lastTimestamp -n shop")]
    [InlineData("pods -n Payments please", "payments", "kubectl get pods -n payments")]
    public void Read_FindsTheNamespaceAndTheKinds(string content, string ns, string firstCommand)
    {
        var intent = ChatIntent.Read(content);

        Assert.Equal(ns, intent.Namespace);
        Assert.Equal(firstCommand, intent.Reads[0]);
    }

    [Fact]
    public void Read_FailedPodsInAllNamespaces_ListsClusterWideAndDiagnoses()
    {
        var intent = ChatIntent.Read("Check for failed pods in all namespaces");

        Assert.True(intent.AllNamespaces);
        Assert.True(intent.Diagnose);
        Assert.Equal(["kubectl get pods -A", "kubectl get events --sort-by=.lastTimestamp -A"], intent.Reads);
    }

    [Fact]
    public void Read_AKubectlCommand_IsSuggestedAsItIs()
    {
        var intent = ChatIntent.Read("  kubectl get pods -n shop; rm -rf /");

        Assert.Equal(["kubectl get pods -n shop; rm -rf /"], intent.Reads);
        Assert.False(intent.Diagnose);
    }

    [Fact]
    public void Read_NodesQuestion_ListsNodesOnly()
    {
        Assert.Equal(["kubectl get nodes"], ChatIntent.Read("are my nodes ok?").Reads);
    }
}
