using System.Text;
using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds Namespaces, ServiceAccounts, ConfigMaps and Secrets: the objects pods reference by name.</summary>
internal sealed class ConfigFactory(Ids ids, ObjectMeta meta)
{
    private const string FakeCa = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIbenchbenchMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNVBAMTCmt1YmVybmV0ZXMw\n-----END CERTIFICATE-----\n";

    public JsonObject Namespace(string name, double createdAgo) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = meta.Build(name, null, createdAgo, new JsonObject { ["kubernetes.io/metadata.name"] = name }),
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    public JsonObject ServiceAccount(string ns, double createdAgo) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = meta.Build("default", ns, createdAgo),
    };

    public JsonObject RootCa(string ns, double createdAgo) => new()
    {
        ["apiVersion"] = "v1",
        ["data"] = new JsonObject { ["ca.crt"] = FakeCa },
        ["kind"] = "ConfigMap",
        ["metadata"] = meta.Build("kube-root-ca.crt", ns, createdAgo,
            annotations: new JsonObject { ["kubernetes.io/description"] = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." }),
    };

    public JsonObject AppConfig(WorkloadPlan plan) => new()
    {
        ["apiVersion"] = "v1",
        ["data"] = new JsonObject
        {
            ["CACHE_TTL_SECONDS"] = "300",
            ["FEATURE_FLAGS"] = "new-checkout,async-export",
            ["HTTP_TIMEOUT_MS"] = "2500",
            ["UPSTREAM_URL"] = $"http://{plan.Name}.{plan.Namespace}.svc.cluster.local",
        },
        ["kind"] = "ConfigMap",
        ["metadata"] = meta.Build($"{plan.Name}-config", plan.Namespace, plan.CreatedAgo, PodTemplates.Labels(plan, withHash: false)),
    };

    public JsonObject Credentials(WorkloadPlan plan) => new()
    {
        ["apiVersion"] = "v1",
        ["data"] = new JsonObject
        {
            ["password"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(ids.HexString(24))),
            ["username"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(plan.Name.Replace('-', '_'))),
        },
        ["kind"] = "Secret",
        ["metadata"] = meta.Build($"{plan.Name}-credentials", plan.Namespace, plan.CreatedAgo, PodTemplates.Labels(plan, withHash: false)),
        ["type"] = "Opaque",
    };
}
