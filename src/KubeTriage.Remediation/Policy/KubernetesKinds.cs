namespace KubeTriage.Remediation.Policy;

/// <summary>Resolves the names kubectl accepts for a resource type (plural, singular, short, any case, with an API group) to a kind.</summary>
internal static class KubernetesKinds
{
    private static readonly Dictionary<string, KindInfo> Aliases = Build();

    /// <summary>Returns the canonical kind for a type as written (<c>deploy</c>, <c>Deployments.apps</c>); an unknown type comes back unchanged.</summary>
    public static string Canonicalize(string type)
        => Find(type)?.Kind ?? type;

    /// <summary>Returns whether the type names a kind in the built-in table.</summary>
    public static bool IsKnown(string type) => Find(type) is not null;

    /// <summary>Returns whether the type names a known cluster-scoped kind.</summary>
    public static bool IsClusterScoped(string type) => Find(type)?.ClusterScoped ?? false;

    private static KindInfo? Find(string type)
    {
        if (Aliases.TryGetValue(type, out var info))
        {
            return info;
        }

        // "deployments.apps" and "deployments.v1.apps": the resource is the part before the first dot.
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Aliases.TryGetValue(type[..dot], out info) ? info : null;
    }

    private static Dictionary<string, KindInfo> Build()
    {
        var table = new Dictionary<string, KindInfo>(StringComparer.OrdinalIgnoreCase);
        void Add(string kind, bool clusterScoped, params string[] names)
        {
            var info = new KindInfo(kind, clusterScoped);
            table[kind] = info;
            foreach (var name in names)
            {
                table[name] = info;
            }
        }

        Add("Pod", false, "pods", "po");
        Add("Service", false, "services", "svc");
        Add("Deployment", false, "deployments", "deploy");
        Add("StatefulSet", false, "statefulsets", "sts");
        Add("DaemonSet", false, "daemonsets", "ds");
        Add("ReplicaSet", false, "replicasets", "rs");
        Add("ReplicationController", false, "replicationcontrollers", "rc");
        Add("Job", false, "jobs");
        Add("CronJob", false, "cronjobs", "cj");
        Add("ConfigMap", false, "configmaps", "cm");
        Add("Secret", false, "secrets");
        Add("ServiceAccount", false, "serviceaccounts", "sa");
        Add("PersistentVolumeClaim", false, "persistentvolumeclaims", "pvc");
        Add("Ingress", false, "ingresses", "ing");
        Add("NetworkPolicy", false, "networkpolicies", "netpol");
        Add("HorizontalPodAutoscaler", false, "horizontalpodautoscalers", "hpa");
        Add("PodDisruptionBudget", false, "poddisruptionbudgets", "pdb");
        Add("Event", false, "events", "ev");
        Add("Endpoints", false, "ep");
        Add("EndpointSlice", false, "endpointslices");
        Add("LimitRange", false, "limitranges", "limits");
        Add("ResourceQuota", false, "resourcequotas", "quota");
        Add("Role", false, "roles");
        Add("RoleBinding", false, "rolebindings");
        Add("Lease", false, "leases");
        Add("ControllerRevision", false, "controllerrevisions");
        Add("PodTemplate", false, "podtemplates");
        Add("Namespace", true, "namespaces", "ns");
        Add("Node", true, "nodes", "no");
        Add("PersistentVolume", true, "persistentvolumes", "pv");
        Add("CustomResourceDefinition", true, "customresourcedefinitions", "crd", "crds");
        Add("ClusterRole", true, "clusterroles");
        Add("ClusterRoleBinding", true, "clusterrolebindings");
        Add("StorageClass", true, "storageclasses", "sc");
        Add("PriorityClass", true, "priorityclasses", "pc");
        Add("IngressClass", true, "ingressclasses");
        Add("ValidatingWebhookConfiguration", true, "validatingwebhookconfigurations");
        Add("MutatingWebhookConfiguration", true, "mutatingwebhookconfigurations");
        Add("APIService", true, "apiservices");
        Add("CertificateSigningRequest", true, "certificatesigningrequests", "csr");
        Add("VolumeAttachment", true, "volumeattachments");
        Add("CSIDriver", true, "csidrivers");
        Add("CSINode", true, "csinodes");
        Add("RuntimeClass", true, "runtimeclasses");
        Add("ComponentStatus", true, "componentstatuses", "cs");
        return table;
    }

    private sealed record KindInfo(string Kind, bool ClusterScoped);
}
