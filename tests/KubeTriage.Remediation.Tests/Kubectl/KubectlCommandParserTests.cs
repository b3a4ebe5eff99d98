using KubeTriage.Remediation.Kubectl;

namespace KubeTriage.Remediation.Tests.Kubectl;

public sealed class KubectlCommandParserTests
{
    private static KubectlCommand Parse(string line)
    {
        Assert.True(KubectlCommandParser.TryParse(line, out var command, out var rejection), rejection);
        return command;
    }

    private static string Refuse(string line)
    {
        Assert.False(KubectlCommandParser.TryParse(line, out _, out var rejection));
        return rejection;
    }

    [Fact]
    public void TryParse_RolloutRestart_DescribesTheMutation()
    {
        var command = Parse("kubectl -n shop rollout restart deployment/checkout");
        Assert.Equal(["-n", "shop", "rollout", "restart", "deployment/checkout"], command.Arguments);
        Assert.Equal("rollout restart", command.Subcommand);
        Assert.True(command.IsWrite);
        Assert.Equal("shop", command.Namespace);
        var mutation = Assert.Single(command.Mutations);
        Assert.Equal(("patch", "Deployment", "shop", "checkout", "rollout restart"), (mutation.Verb, mutation.Kind, mutation.Namespace, mutation.Name, mutation.Command));
    }

    [Theory]
    [InlineData("kubectl get -o yaml pods", "yaml")]
    [InlineData("kubectl get pods -oyaml", "yaml")]
    [InlineData("kubectl get pods -o=yaml", "yaml")]
    [InlineData("kubectl get pods --output yaml", "yaml")]
    [InlineData("kubectl get pods -Ao wide", "wide")]
    public void TryParse_OutputFlagForms_AreRead(string line, string output)
    {
        var command = Parse(line);
        Assert.False(command.IsWrite);
        Assert.Equal(output, command.OutputFormat);
    }

    [Theory]
    [InlineData("kubectl -n kube-system delete pod x")]
    [InlineData("kubectl delete pod x --namespace=kube-system")]
    [InlineData("kubectl delete pod x -nkube-system")]
    [InlineData("kubectl delete pod x -n=kube-system")]
    [InlineData("kubectl delete --namespace kube-system pod x")]
    [InlineData("kubectl -n shop delete pod x -n kube-system")]
    public void TryParse_NamespaceAnywhere_LastOneWins(string line)
        => Assert.Equal("kube-system", Assert.Single(Parse(line).Mutations).Namespace);

    [Fact]
    public void TryParse_ResourceForms_ResolveKindsAndNames()
    {
        Assert.Equal(["Pod/a", "Pod/b", "Pod/c"], Targets("kubectl delete pods a b c -n shop"));
        Assert.Equal(["Pod/a", "Service/b"], Targets("kubectl delete pod/a svc/b -n shop"));
        Assert.Equal(["Pod/x", "Service/x"], Targets("kubectl delete po,svc x -n shop"));
        Assert.Equal(["Deployment/web"], Targets("kubectl delete deployments.apps web -n shop"));
        Assert.Equal(["StatefulSet/db"], Targets("kubectl delete STS db -n shop"));
        Assert.Equal(["Pod/"], Targets("kubectl delete pods -l app=x -n shop"));

        static string[] Targets(string line) => [.. Parse(line).Mutations.Select(m => $"{m.Kind}/{m.Name}")];
    }

    [Fact]
    public void TryParse_Bulk_IsMarkedForThePolicy()
    {
        var all = Assert.Single(Parse("kubectl delete pods --all -n shop").Mutations);
        Assert.True(all.AllObjects);
        Assert.Null(all.Name);
        var everywhere = Assert.Single(Parse("kubectl delete pods -Al app=x").Mutations);
        Assert.True(everywhere.AllNamespaces);
        Assert.Equal("app=x", everywhere.LabelSelector);
        Assert.False(Assert.Single(Parse("kubectl delete pod x -n shop --all-namespaces=false").Mutations).AllNamespaces);
    }

    [Fact]
    public void TryParse_Scale_ExposesTheTargetReplicas()
    {
        var command = Parse("kubectl scale deploy/web --replicas=4 -n shop");
        Assert.Equal(4, command.ReplicasTarget);
        var mutation = Assert.Single(command.Mutations);
        Assert.Equal("scale", mutation.Verb);
        Assert.Null(mutation.ReplicaDelta);
    }

    [Theory]
    [InlineData("kubectl delete pod x -n shop --dry-run=server", KubectlDryRun.Server)]
    [InlineData("kubectl delete pod x -n shop --dry-run=client", KubectlDryRun.Client)]
    [InlineData("kubectl delete pod x -n shop --dry-run=none", KubectlDryRun.None)]
    [InlineData("kubectl delete pod x -n shop", KubectlDryRun.None)]
    public void TryParse_DryRun_StaysAWriteWithItsMode(string line, KubectlDryRun mode)
    {
        var command = Parse(line);
        Assert.True(command.IsWrite);
        Assert.Equal(mode, command.DryRun);
        Assert.Single(command.Mutations);
    }

    [Theory]
    [InlineData("kubectl delete pod x -n shop --force")]
    [InlineData("kubectl delete pod x -n shop --grace-period=0")]
    public void TryParse_ForcedDelete_IsMarked(string line)
    {
        var command = Parse(line);
        Assert.True(command.Force);
        Assert.True(Assert.Single(command.Mutations).Force);
    }

    [Fact]
    public void TryParse_ClusterScopedKind_HasNoNamespace()
        => Assert.Null(Assert.Single(Parse("kubectl delete node n1 -n shop").Mutations).Namespace);

    [Fact]
    public void TryParse_LocalFlagShadowsGlobal()
    {
        var command = Parse("kubectl create rolebinding r --role=x --user=me -n shop");
        Assert.Equal("RoleBinding", Assert.Single(command.Mutations).Kind);
        Assert.Contains("--user is not allowed", Refuse("kubectl get pods --user=me"), StringComparison.Ordinal);
    }

    [Fact]
    public void WithDefaultNamespace_PinsArgumentsAndMutations()
    {
        var command = Parse("kubectl delete pod x").WithDefaultNamespace("shop");
        Assert.Equal(["--namespace=shop", "delete", "pod", "x"], command.Arguments);
        Assert.Equal("shop", Assert.Single(command.Mutations).Namespace);
        var explicitNs = Parse("kubectl delete pod x -n web");
        Assert.Same(explicitNs, explicitNs.WithDefaultNamespace("shop"));
        Assert.Throws<ArgumentException>(() => explicitNs.WithDefaultNamespace("a b"));
    }

    [Theory]
    [InlineData("kubectl get pods --kubeconfig=/etc/kubernetes/admin.conf", "chosen by KubeTriage")]
    [InlineData("kubectl get pods -s https://x", "chosen by KubeTriage")]
    [InlineData("kubectl --token x get pods", "chosen by KubeTriage")]
    [InlineData("kubectl apply -f x.yaml", "manifest files")]
    [InlineData("kubectl delete -f x.yaml", "local files")]
    [InlineData("kubectl exec web -- sh", "session")]
    [InlineData("kubectl edit deploy web", "interactive")]
    [InlineData("kubectl krew list", "plugin")]
    [InlineData("/usr/bin/kubectl get pods", "not by a path")]
    [InlineData("kubectl config use-context prod", "local kubeconfig")]
    [InlineData("kubectl get secret db -o yaml", "Secret")]
    [InlineData("kubectl delete pod x --dry-run", "needs a value")]
    [InlineData("kubectl delete pod x -l app=x", "cannot be combined")]
    [InlineData("kubectl delete pods", "names no object")]
    [InlineData("kubectl get pods -w", "streams")]
    [InlineData("kubectl get pods -v=9", "levels above 5")]
    [InlineData("kubectl get pods -n -A", "looks like a flag")]
    [InlineData("kubectl scale deploy/web", "--replicas")]
    [InlineData("kubectl -A get pods", "before the subcommand")]
    public void TryParse_UnsafeCommand_IsRefusedWithAReason(string line, string reason)
        => Assert.Contains(reason, Refuse(line), StringComparison.Ordinal);

    [Fact]
    public void ToCommandLine_QuotesWhatNeedsIt()
    {
        var command = Parse("kubectl get pods -l 'app in (a,b)' -n shop");
        Assert.Equal("kubectl get pods -l 'app in (a,b)' -n shop", command.ToCommandLine());
    }
}
