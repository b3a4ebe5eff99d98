namespace KubeTriage.Sandbox.Discovery;

/// The core/v1 discovery table of the recorded 1.25 apiserver.
internal static class CoreResources
{
    public static IReadOnlyList<ResourceInfo> Build()
    {
        string[] create = ["create"];
        string[] noCollection = ["create", "delete", "get", "list", "patch", "update", "watch"];
        return new ResourceTableBuilder("", "v1")
            .Add("bindings", "Binding", verbs: create, storage: false)
            .Add("componentstatuses", "ComponentStatus", namespaced: false, shortNames: "cs", verbs: ["get", "list"], storage: false)
            .Add("configmaps", "ConfigMap", shortNames: "cm")
            .Add("endpoints", "Endpoints", shortNames: "ep")
            .Add("events", "Event", shortNames: "ev")
            .Add("limitranges", "LimitRange", shortNames: "limits")
            .Add("namespaces", "Namespace", namespaced: false, shortNames: "ns", subresources: "finalize:update;status", verbs: noCollection)
            .Add("nodes", "Node", namespaced: false, shortNames: "no", subresources: "proxy=NodeProxyOptions:create,delete,get,patch,update;status")
            .Add("persistentvolumeclaims", "PersistentVolumeClaim", shortNames: "pvc", subresources: "status")
            .Add("persistentvolumes", "PersistentVolume", namespaced: false, shortNames: "pv", subresources: "status")
            .Add("pods", "Pod", shortNames: "po", categories: "all", subresources:
                "attach=PodAttachOptions:create,get;binding=Binding:create;ephemeralcontainers;eviction=policy/v1/Eviction:create;" +
                "exec=PodExecOptions:create,get;log=Pod:get;portforward=PodPortForwardOptions:create,get;" +
                "proxy=PodProxyOptions:create,delete,get,patch,update;status")
            .Add("podtemplates", "PodTemplate")
            .Add("replicationcontrollers", "ReplicationController", shortNames: "rc", categories: "all", subresources: "scale=autoscaling/v1/Scale;status")
            .Add("resourcequotas", "ResourceQuota", shortNames: "quota", subresources: "status")
            .Add("secrets", "Secret")
            .Add("serviceaccounts", "ServiceAccount", shortNames: "sa", subresources: "token=authentication.k8s.io/v1/TokenRequest:create")
            .Add("services", "Service", shortNames: "svc", categories: "all", subresources: "proxy=ServiceProxyOptions:create,delete,get,patch,update;status")
            .Resources;
    }
}
