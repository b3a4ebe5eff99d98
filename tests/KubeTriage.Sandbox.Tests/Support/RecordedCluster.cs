using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Support;

/// The objects of the README's "Objects created beforehand" table, rebuilt from the recorded bodies
/// (pods, event, widget, deployment) or from the table's description (the rest).
internal static class RecordedCluster
{
    public const string CrashingPod = "checkout-6d4b9c7f5d-q9w4z";
    public const string RunningPod = "checkout-6d4b9c7f5d-7xk2p";
    public const string ViewerToken = "viewer-token";
    public const string AdminToken = "admin-token";

    public static IReadOnlyList<SandboxUser> Users { get; } =
    [
        SandboxUser.Admin("admin", AdminToken),
        SandboxUser.Viewer("viewer", ViewerToken, "team-a"),
    ];

    public static IReadOnlyList<SandboxLog> Logs { get; } =
    [
        new("shop", CrashingPod, "app", Previous: true, "starting checkout 1.4.2\nconnecting to payments\npanic: PAYMENT_GATEWAY_URL unreachable\n"),
        new("shop", CrashingPod, "app", Previous: false, "starting checkout 1.4.2\nconnecting to payments\n"),
        new("shop", RunningPod, "app", Previous: false, "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\n"),
    ];

    public static SandboxOptions Options() => new() { Objects = Objects(), Logs = Logs, Users = Users };

    public static List<JsonObject> Objects()
    {
        var objects = new List<JsonObject>
        {
            Parse("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"shop","uid":"62755e9d-e221-437d-875b-2276d9276305","resourceVersion":"190","creationTimestamp":"2026-11-21T23:27:50Z","labels":{"kubernetes.io/metadata.name":"shop"}},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}"""),
            Parse("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"team-a","resourceVersion":"150","creationTimestamp":"2026-11-21T23:20:00Z","labels":{"kubernetes.io/metadata.name":"team-a"}},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}"""),
            Parse("""{"kind":"Node","apiVersion":"v1","metadata":{"name":"node-1","resourceVersion":"195","creationTimestamp":"2026-11-21T23:27:51Z","labels":{"kubernetes.io/arch":"amd64","kubernetes.io/hostname":"node-1","kubernetes.io/os":"linux","node-role.kubernetes.io/worker":""}},"spec":{},"status":{"capacity":{"cpu":"4","memory":"16310220Ki","pods":"110"},"allocatable":{"cpu":"4","memory":"16310220Ki","pods":"110"},"conditions":[{"type":"MemoryPressure","status":"False","lastHeartbeatTime":"2026-11-21T23:27:52Z","lastTransitionTime":"2026-11-21T23:27:52Z","reason":"KubeletHasSufficientMemory","message":"kubelet has sufficient memory available"},{"type":"DiskPressure","status":"False","lastHeartbeatTime":"2026-11-21T23:27:52Z","lastTransitionTime":"2026-11-21T23:27:52Z","reason":"KubeletHasNoDiskPressure","message":"kubelet has no disk pressure"},{"type":"PIDPressure","status":"False","lastHeartbeatTime":"2026-11-21T23:27:52Z","lastTransitionTime":"2026-11-21T23:27:52Z","reason":"KubeletHasSufficientPID","message":"kubelet has sufficient PID available"},{"type":"Ready","status":"True","lastHeartbeatTime":"2026-11-21T23:27:52Z","lastTransitionTime":"2026-11-21T23:27:52Z","reason":"KubeletReady","message":"kubelet is posting ready status"}],"daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},"nodeInfo":{"machineID":"","systemUUID":"","bootID":"","kernelVersion":"6.1.0","osImage":"Debian GNU/Linux 12 (bookworm)","containerRuntimeVersion":"containerd://1.6.24","kubeletVersion":"v1.25.0","kubeProxyVersion":"v1.25.0","operatingSystem":"linux","architecture":"amd64"}}}"""),
            Deployment(),
            Parse("""{"kind":"ReplicaSet","apiVersion":"apps/v1","metadata":{"name":"checkout-6d4b9c7f5d","namespace":"shop","uid":"1d227983-5cb6-498b-a819-dc7d8eadc78b","resourceVersion":"212","generation":1,"creationTimestamp":"2026-11-21T23:27:58Z","labels":{"app":"checkout","pod-template-hash":"6d4b9c7f5d"},"annotations":{"deployment.kubernetes.io/desired-replicas":"2","deployment.kubernetes.io/max-replicas":"3","deployment.kubernetes.io/revision":"1"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"checkout","uid":"aac48949-bfe2-410a-bfb8-f8f9f61e7413","controller":true,"blockOwnerDeletion":true}]},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"checkout","pod-template-hash":"6d4b9c7f5d"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"checkout","pod-template-hash":"6d4b9c7f5d"}},"spec":{"containers":[{"name":"app","image":"ghcr.io/example/checkout:1.4.2"}]}}},"status":{"replicas":2,"fullyLabeledReplicas":2,"readyReplicas":1,"availableReplicas":1,"observedGeneration":1}}"""),
            Parse("""{"kind":"Service","apiVersion":"v1","metadata":{"name":"checkout","namespace":"shop","resourceVersion":"200","creationTimestamp":"2026-11-21T23:27:59Z","labels":{"app":"checkout"}},"spec":{"ports":[{"protocol":"TCP","port":80,"targetPort":"http"}],"selector":{"app":"checkout"},"clusterIP":"10.0.0.23","clusterIPs":["10.0.0.23"],"type":"ClusterIP","sessionAffinity":"None","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack","internalTrafficPolicy":"Cluster"},"status":{"loadBalancer":{}}}"""),
            Parse("""{"kind":"Endpoints","apiVersion":"v1","metadata":{"name":"checkout","namespace":"shop","resourceVersion":"213","creationTimestamp":"2026-11-21T23:28:02Z","labels":{"app":"checkout"}},"subsets":[{"addresses":[{"ip":"10.244.1.17","nodeName":"node-1","targetRef":{"kind":"Pod","namespace":"shop","name":"checkout-6d4b9c7f5d-7xk2p","uid":"ac72fa76-6d19-479c-b7f5-1f0134d1d7b7"}}],"notReadyAddresses":[{"ip":"10.244.1.18","nodeName":"node-1","targetRef":{"kind":"Pod","namespace":"shop","name":"checkout-6d4b9c7f5d-q9w4z","uid":"7c7e9540-3c96-4d3b-b699-6904ca68dd62"}}],"ports":[{"name":"http","port":8080,"protocol":"TCP"}]}]}"""),
            Parse("""{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"checkout-config","namespace":"shop","resourceVersion":"201","creationTimestamp":"2026-11-21T23:27:56Z"},"data":{"LOG_LEVEL":"info","PAYMENT_GATEWAY_URL":"https://payments.example.com"}}"""),
            Parse("""{"kind":"Secret","apiVersion":"v1","metadata":{"name":"checkout-db","namespace":"shop","resourceVersion":"202","creationTimestamp":"2026-11-21T23:27:56Z"},"data":{"DB_PASSWORD":"ZHVtbXk=","DB_USER":"Y2hlY2tvdXQ="},"type":"Opaque"}"""),
            Parse("""{"kind":"CustomResourceDefinition","apiVersion":"apiextensions.k8s.io/v1","metadata":{"name":"widgets.example.com","resourceVersion":"196","generation":1,"creationTimestamp":"2026-11-21T23:27:53Z"},"spec":{"group":"example.com","names":{"plural":"widgets","singular":"widget","shortNames":["wg"],"kind":"Widget","listKind":"WidgetList"},"scope":"Namespaced","versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},"subresources":{"status":{}},"additionalPrinterColumns":[{"name":"Size","type":"integer","jsonPath":".spec.size"},{"name":"Ready","type":"string","jsonPath":".status.conditions[?(@.type==\"Ready\")].status"},{"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}]}],"conversion":{"strategy":"None"}},"status":{"acceptedNames":{"plural":"widgets","singular":"widget","shortNames":["wg"],"kind":"Widget","listKind":"WidgetList"},"storedVersions":["v1"]}}"""),
        };
        objects.AddRange(Items("02-pods-list", "v1", "Pod"));
        objects.AddRange(Items("04-events-core-v1", "v1", "Event"));
        objects.AddRange(Items("09-widgets-list", null, null));
        return objects;
    }

    private static JsonObject Deployment()
    {
        // The dry-run reply of the first merge patch is the recorded Deployment plus that patch: undo the patch.
        var deployment = WireExchange.Load("07-deployment-patch-merge-dryrun").ResponseBody!.DeepClone().AsObject();
        var metadata = deployment["metadata"]!.AsObject();
        metadata.Remove("annotations");
        metadata["generation"] = 1;
        deployment["spec"]!["revisionHistoryLimit"] = 10;
        return deployment;
    }

    private static IEnumerable<JsonObject> Items(string file, string? apiVersion, string? kind)
    {
        foreach (var item in WireExchange.Load(file).ResponseBody!["items"]!.AsArray())
        {
            var copy = item!.DeepClone().AsObject();
            if (kind is not null)
            {
                var withType = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion };
                foreach (var (key, value) in copy.ToList())
                {
                    copy.Remove(key);
                    withType[key] = value;
                }

                copy = withType;
            }

            yield return copy;
        }
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
