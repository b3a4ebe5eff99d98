namespace KubeTriage.Sandbox.Discovery;

/// Discovery tables of the builtin API groups, in the order the recorded server lists them.
internal static class GroupResources
{
    private static readonly string[] s_create = ["create"];

    public static IReadOnlyList<ResourceInfo> Build()
    {
        var all = new List<ResourceInfo>();
        all.AddRange(new ResourceTableBuilder("apiregistration.k8s.io", "v1")
            .Add("apiservices", "APIService", namespaced: false, categories: "api-extensions", subresources: "status").Resources);
        all.AddRange(new ResourceTableBuilder("apps", "v1")
            .Add("controllerrevisions", "ControllerRevision")
            .Add("daemonsets", "DaemonSet", shortNames: "ds", categories: "all", subresources: "status")
            .Add("deployments", "Deployment", shortNames: "deploy", categories: "all", subresources: "scale=autoscaling/v1/Scale;status")
            .Add("replicasets", "ReplicaSet", shortNames: "rs", categories: "all", subresources: "scale=autoscaling/v1/Scale;status")
            .Add("statefulsets", "StatefulSet", shortNames: "sts", categories: "all", subresources: "scale=autoscaling/v1/Scale;status")
            .Resources);
        all.AddRange(new ResourceTableBuilder("events.k8s.io", "v1").Add("events", "Event", shortNames: "ev").Resources
            .Select(r => r with { StorageGroup = "" }));
        all.AddRange(new ResourceTableBuilder("authentication.k8s.io", "v1")
            .Add("tokenreviews", "TokenReview", namespaced: false, verbs: s_create, storage: false).Resources);
        all.AddRange(new ResourceTableBuilder("authorization.k8s.io", "v1")
            .Add("localsubjectaccessreviews", "LocalSubjectAccessReview", verbs: s_create, storage: false)
            .Add("selfsubjectaccessreviews", "SelfSubjectAccessReview", namespaced: false, verbs: s_create, storage: false)
            .Add("selfsubjectrulesreviews", "SelfSubjectRulesReview", namespaced: false, verbs: s_create, storage: false)
            .Add("subjectaccessreviews", "SubjectAccessReview", namespaced: false, verbs: s_create, storage: false)
            .Resources);
        foreach (var version in new[] { "v2", "v1", "v2beta2" })
        {
            all.AddRange(new ResourceTableBuilder("autoscaling", version)
                .Add("horizontalpodautoscalers", "HorizontalPodAutoscaler", shortNames: "hpa", categories: "all", subresources: "status").Resources);
        }

        all.AddRange(new ResourceTableBuilder("batch", "v1")
            .Add("cronjobs", "CronJob", shortNames: "cj", categories: "all", subresources: "status")
            .Add("jobs", "Job", categories: "all", subresources: "status")
            .Resources);
        all.AddRange(new ResourceTableBuilder("certificates.k8s.io", "v1")
            .Add("certificatesigningrequests", "CertificateSigningRequest", namespaced: false, shortNames: "csr", subresources: "approval;status")
            .Resources);
        all.AddRange(new ResourceTableBuilder("networking.k8s.io", "v1")
            .Add("ingressclasses", "IngressClass", namespaced: false)
            .Add("ingresses", "Ingress", shortNames: "ing", subresources: "status")
            .Add("networkpolicies", "NetworkPolicy", shortNames: "netpol", subresources: "status")
            .Resources);
        all.AddRange(new ResourceTableBuilder("policy", "v1")
            .Add("poddisruptionbudgets", "PodDisruptionBudget", shortNames: "pdb", subresources: "status").Resources);
        all.AddRange(new ResourceTableBuilder("rbac.authorization.k8s.io", "v1")
            .Add("clusterrolebindings", "ClusterRoleBinding", namespaced: false)
            .Add("clusterroles", "ClusterRole", namespaced: false)
            .Add("rolebindings", "RoleBinding")
            .Add("roles", "Role")
            .Resources);
        all.AddRange(new ResourceTableBuilder("storage.k8s.io", "v1")
            .Add("csidrivers", "CSIDriver", namespaced: false)
            .Add("csinodes", "CSINode", namespaced: false)
            .Add("csistoragecapacities", "CSIStorageCapacity")
            .Add("storageclasses", "StorageClass", namespaced: false, shortNames: "sc")
            .Add("volumeattachments", "VolumeAttachment", namespaced: false, subresources: "status")
            .Resources);
        all.AddRange(new ResourceTableBuilder("storage.k8s.io", "v1beta1").Add("csistoragecapacities", "CSIStorageCapacity").Resources);
        all.AddRange(new ResourceTableBuilder("admissionregistration.k8s.io", "v1")
            .Add("mutatingwebhookconfigurations", "MutatingWebhookConfiguration", namespaced: false, categories: "api-extensions")
            .Add("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", namespaced: false, categories: "api-extensions")
            .Resources);
        all.AddRange(new ResourceTableBuilder("apiextensions.k8s.io", "v1")
            .Add("customresourcedefinitions", "CustomResourceDefinition", namespaced: false, shortNames: "crd,crds", categories: "api-extensions", subresources: "status")
            .Resources);
        all.AddRange(new ResourceTableBuilder("scheduling.k8s.io", "v1")
            .Add("priorityclasses", "PriorityClass", namespaced: false, shortNames: "pc").Resources);
        all.AddRange(new ResourceTableBuilder("coordination.k8s.io", "v1").Add("leases", "Lease").Resources);
        all.AddRange(new ResourceTableBuilder("node.k8s.io", "v1").Add("runtimeclasses", "RuntimeClass", namespaced: false).Resources);
        all.AddRange(new ResourceTableBuilder("discovery.k8s.io", "v1").Add("endpointslices", "EndpointSlice").Resources);
        foreach (var version in new[] { "v1beta2", "v1beta1" })
        {
            all.AddRange(new ResourceTableBuilder("flowcontrol.apiserver.k8s.io", version)
                .Add("flowschemas", "FlowSchema", namespaced: false, subresources: "status")
                .Add("prioritylevelconfigurations", "PriorityLevelConfiguration", namespaced: false, subresources: "status")
                .Resources);
        }

        // Gateway API ships as CRDs in real clusters, so it is served like custom resources.
        all.AddRange(new ResourceTableBuilder("gateway.networking.k8s.io", "v1")
            .Add("gatewayclasses", "GatewayClass", namespaced: false, shortNames: "gc", categories: "gateway-api", subresources: "status")
            .Add("gateways", "Gateway", shortNames: "gtw", categories: "gateway-api", subresources: "status")
            .Add("grpcroutes", "GRPCRoute", categories: "gateway-api", subresources: "status")
            .Add("httproutes", "HTTPRoute", categories: "gateway-api", subresources: "status")
            .Resources
            .Select(r => r with { IsCustom = true, SingularName = r.Kind.ToLowerInvariant() }));
        return all;
    }
}
