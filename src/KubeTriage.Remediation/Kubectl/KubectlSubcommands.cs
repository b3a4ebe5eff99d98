using static KubeTriage.Remediation.Kubectl.KubectlArgumentShape;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>The kubectl subcommands KubeTriage knows, with their flags (kubectl 1.30+); anything else is refused.</summary>
internal static class KubectlSubcommands
{
    public static readonly KubectlFlagSet Global = KubectlFlagSet.Of(null,
    [
        "namespace,n:v", "request-timeout:v", "v,v:v", "warnings-as-errors:b", "match-server-version:b", "disable-compression:b",
        "kubeconfig:v!", "context:v!", "cluster:v!", "user:v!", "server,s:v!", "token:v!", "username:v!", "password:v!",
        "as:v!", "as-group:v!", "as-uid:v!", "insecure-skip-tls-verify:b!", "certificate-authority:v!",
        "client-certificate:v!", "client-key:v!", "tls-server-name:v!", "cache-dir:v!", "profile:v!", "profile-output:v!",
        "vmodule:v!",
    ]);

    private static readonly string[] Output = ["output,o:v", "template:v", "allow-missing-template-keys:b", "show-managed-fields:b"];
    private static readonly string[] Files = ["filename,f:v!", "kustomize,k:v!", "recursive,R:b"];
    private static readonly string[] DryRun = ["dry-run:o=unchanged", "field-manager:v"];
    private static readonly string[] Select = ["selector,l:v", "all:b", "field-selector:v", "all-namespaces,A:b"];
    private static readonly string[] Create = ["save-config:b", "validate:o=strict", "edit:b!", "raw:v!", "windows-line-endings:b"];

    private static readonly Dictionary<string, KubectlSubcommand> Table = Build();

    /// <summary>Subcommands that only group others; <c>create</c> and <c>apply</c> also run alone with <c>-f</c>.</summary>
    private static readonly Dictionary<string, bool> Groups = new(StringComparer.Ordinal)
    {
        ["rollout"] = false,
        ["top"] = false,
        ["auth"] = false,
        ["config"] = false,
        ["set"] = false,
        ["certificate"] = false,
        ["create"] = true,
        ["create secret"] = false,
        ["create service"] = false,
        ["cluster-info"] = true,
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["top po"] = "top pod",
        ["top pods"] = "top pod",
        ["top no"] = "top node",
        ["top nodes"] = "top node",
        ["create deploy"] = "create deployment",
        ["create cm"] = "create configmap",
        ["create sa"] = "create serviceaccount",
        ["create ns"] = "create namespace",
        ["create resourcequota"] = "create quota",
        ["create pdb"] = "create poddisruptionbudget",
        ["create pc"] = "create priorityclass",
        ["create ing"] = "create ingress",
        ["create cj"] = "create cronjob",
        ["create svc"] = "create service",
    };

    /// <summary>Returns whether <paramref name="path"/> has subcommands, and whether it also runs by itself.</summary>
    public static bool IsGroup(string path, out bool runnable) => Groups.TryGetValue(path, out runnable);

    /// <summary>Returns the canonical path for an alias (<c>top po</c> is <c>top pod</c>).</summary>
    public static string Canonical(string path) => Aliases.GetValueOrDefault(path, path);

    /// <summary>Finds a subcommand by path (aliases resolved); null for unknown ones, which kubectl would run as plugins.</summary>
    public static KubectlSubcommand? Find(string path) => Table.GetValueOrDefault(Canonical(path));

    private static Dictionary<string, KubectlSubcommand> Build()
    {
        var t = new Dictionary<string, KubectlSubcommand>(StringComparer.Ordinal);
        void Read(string path, KubectlArgumentShape shape, params string[][] flags)
            => t[path] = new(path, KubectlAccess.Read, null, shape, KubectlFlagSet.Of(Global, flags));
        void Write(string path, string verb, KubectlArgumentShape shape, string? kind, params string[][] flags)
            => t[path] = new(path, KubectlAccess.Write, verb, shape, KubectlFlagSet.Of(Global, flags), kind);
        void Refuse(string reason, params string[] paths)
        {
            foreach (var path in paths)
            {
                t[path] = new(path, KubectlAccess.Refused, null, Free, Global, Refusal: $"kubectl {path} is not allowed: {reason}");
            }
        }

        Read("get", Resources, Output, Files, Select, ["chunk-size:v", "ignore-not-found:b", "label-columns,L:v", "no-headers:b",
            "output-watch-events:b", "raw:v!", "server-print:b", "show-kind:b", "show-labels:b", "sort-by:v", "subresource:v",
            "watch,w:b!", "watch-only:b!"]);
        Read("describe", Resources, Files, Select, ["chunk-size:v", "show-events:b"]);
        Read("logs", Free, ["all-containers:b", "all-pods:b", "container,c:v", "follow,f:b!", "ignore-errors:b",
            "insecure-skip-tls-verify-backend:b!", "limit-bytes:v", "max-log-requests:v", "pod-running-timeout:v", "prefix:b",
            "previous,p:b", "selector,l:v", "since:v", "since-time:v", "tail:v", "timestamps:b"]);
        string[] top = ["all-namespaces,A:b", "containers:b", "field-selector:v", "selector,l:v", "no-headers:b", "sort-by:v",
            "sum:b", "use-protocol-buffers:b", "show-capacity:b"];
        Read("top pod", Free, top);
        Read("top node", Free, top);
        Read("explain", Free, ["api-version:v", "recursive:b", "output,o:v"]);
        Read("api-resources", Free, ["api-group:v", "cached:b", "namespaced:b", "no-headers:b", "sort-by:v", "verbs:v",
            "categories:v", "output,o:v"]);
        Read("api-versions", Free);
        Read("version", Free, ["client:b", "output,o:v"]);
        Read("cluster-info", Free);
        Read("events", Free, ["all-namespaces,A:b", "chunk-size:v", "for:v", "no-headers:b", "types:v", "watch,w:b!"], Output);
        Read("auth can-i", Free, ["all-namespaces,A:b", "list:b", "no-headers:b", "quiet,q:b", "subresource:v"]);
        Read("auth whoami", Free, Output);
        Read("config view", Free, Output, ["flatten:b!", "minify:b", "raw:b!"]);
        Read("config get-contexts", Free, ["no-headers:b", "output,o:v"]);
        Read("config current-context", Free);
        Read("config get-clusters", Free);
        Read("config get-users", Free);
        Read("rollout status", Resources, Files, ["selector,l:v", "revision:v", "timeout:v", "watch,w:b"]);
        Read("rollout history", Resources, Files, Output, ["selector,l:v", "revision:v"]);
        Read("wait", Resources, Files, Output, Select, ["for:v", "timeout:v", "local:b!"]);

        Write("rollout restart", "patch", Resources, null, Files, Output, DryRun, ["selector,l:v"]);
        Write("rollout undo", "patch", Resources, null, Files, Output, ["dry-run:o=unchanged", "selector,l:v", "to-revision:v"]);
        Write("rollout pause", "patch", Resources, null, Files, Output, DryRun, ["selector,l:v"]);
        Write("rollout resume", "patch", Resources, null, Files, Output, DryRun, ["selector,l:v"]);
        Write("scale", "scale", Resources, null, Files, Output, Select, ["dry-run:o=unchanged", "current-replicas:v",
            "replicas:v", "resource-version:v", "timeout:v"]);
        Write("delete", "delete", Resources, null, Files, Output, Select, ["dry-run:o=unchanged", "cascade:o=background",
            "force:b", "grace-period:v", "ignore-not-found:b", "interactive,i:b!", "now:b", "raw:v!", "timeout:v", "wait:b"]);
        Write("patch", "patch", Resources, null, Files, Output, DryRun, ["local:b!", "patch,p:v", "patch-file:v!",
            "subresource:v", "type:v"]);
        string[] labels = ["list:b", "local:b!", "overwrite:b", "resource-version:v"];
        Write("label", "patch", ResourcesThenSpecs, null, Files, Output, DryRun, Select, labels);
        Write("annotate", "patch", ResourcesThenSpecs, null, Files, Output, DryRun, Select, labels);
        string[] set = ["all:b", "selector,l:v", "local:b!"];
        Write("set image", "patch", ResourcesThenSpecs, null, Files, Output, DryRun, set);
        Write("set env", "patch", ResourcesThenSpecs, null, Files, Output, DryRun, set, ["env,e:v", "containers,c:v",
            "from:v", "keys:v", "list:b", "overwrite:b", "prefix:v", "resolve:b!"]);
        Write("set resources", "patch", Resources, null, Files, Output, DryRun, set, ["containers,c:v", "limits:v", "requests:v"]);
        Write("set selector", "patch", ResourcesThenSpecs, null, Files, Output, DryRun, set, ["resource-version:v"]);
        Write("set serviceaccount", "patch", ResourcesThenValue, null, Files, Output, DryRun, set);
        Write("set subject", "patch", Resources, null, Files, Output, DryRun, set, ["serviceaccount:v", "user:v", "group:v"]);
        Write("taint", "patch", ResourcesThenSpecs, null, Output, DryRun, ["all:b", "selector,l:v", "overwrite:b", "validate:o=strict"]);
        Write("cordon", "patch", Names, "Node", ["dry-run:o=unchanged", "selector,l:v"]);
        Write("uncordon", "patch", Names, "Node", ["dry-run:o=unchanged", "selector,l:v"]);
        Write("drain", "patch", Names, "Node", ["dry-run:o=unchanged", "selector,l:v", "chunk-size:v", "delete-emptydir-data:b",
            "disable-eviction:b", "force:b", "grace-period:v", "ignore-daemonsets:b", "pod-selector:v",
            "skip-wait-for-delete-timeout:v", "timeout:v"]);
        Write("expose", "create", Resources, "Service", Files, Output, DryRun, Create, ["name:v", "port:v", "protocol:v",
            "target-port:v", "type:v", "selector:v", "labels,l:v", "external-ip:v", "load-balancer-ip:v", "session-affinity:v",
            "cluster-ip:v", "override-type:v", "overrides:v"]);
        Write("autoscale", "create", Resources, "HorizontalPodAutoscaler", Files, Output, DryRun, Create, ["name:v", "min:v",
            "max:v", "cpu-percent:v", "cpu:v", "memory:v"]);
        Write("run", "create", NewName, "Pod", Output, DryRun, Create, ["image:v", "port:v", "labels,l:v", "env:v", "restart:v",
            "command:b", "rm:b", "stdin,i:b!", "tty,t:b!", "attach:b!", "overrides:v", "annotations:v", "expose:b",
            "image-pull-policy:v", "privileged:b", "quiet,q:b", "pod-running-timeout:v", "leave-stdin-open:b!"]);
        Write("certificate approve", "update", Names, "CertificateSigningRequest", Files, Output, ["force:b"]);
        Write("certificate deny", "update", Names, "CertificateSigningRequest", Files, Output, ["force:b"]);
        string[] generator = ["image:v", "replicas:v", "port:v", "from:v", "schedule:v", "restart:v", "from-literal:v",
            "from-file:v!", "from-env-file:v!", "append-hash:b", "type:v", "cert:v!", "key:v!", "docker-server:v",
            "docker-username:v", "docker-password:v", "docker-email:v", "tcp:v", "clusterip:v", "node-port:v",
            "external-name:v", "verb:v", "resource:v", "resource-name:v", "aggregation-rule:v", "non-resource-url:v",
            "role:v", "clusterrole:v", "user:v", "group:v", "serviceaccount:v", "hard:v", "scopes:v", "selector:v",
            "min-available:v", "max-unavailable:v", "value:v", "global-default:b", "description:v", "preemption-policy:v",
            "class:v", "rule:v", "default-backend:v", "annotation:v"];
        foreach (var (path, kind) in new[]
        {
            ("deployment", "Deployment"), ("job", "Job"), ("cronjob", "CronJob"), ("configmap", "ConfigMap"),
            ("secret generic", "Secret"), ("secret tls", "Secret"), ("secret docker-registry", "Secret"),
            ("service clusterip", "Service"), ("service nodeport", "Service"), ("service loadbalancer", "Service"),
            ("service externalname", "Service"), ("namespace", "Namespace"), ("serviceaccount", "ServiceAccount"),
            ("role", "Role"), ("clusterrole", "ClusterRole"), ("rolebinding", "RoleBinding"),
            ("clusterrolebinding", "ClusterRoleBinding"), ("quota", "ResourceQuota"),
            ("poddisruptionbudget", "PodDisruptionBudget"), ("priorityclass", "PriorityClass"), ("ingress", "Ingress"),
        })
        {
            Write("create " + path, "create", NewName, kind, Output, DryRun, Create, generator);
        }

        Refuse("it mints a credential", "create token");
        Refuse("it is interactive", "edit");
        Refuse("it opens a session into a workload or the node", "exec", "attach", "port-forward", "proxy", "cp", "debug");
        Refuse("it changes the local kubeconfig", "config set", "config set-context", "config set-cluster", "config set-credentials",
            "config use-context", "config use", "config delete-context", "config delete-cluster", "config delete-user",
            "config rename-context", "config unset");
        Refuse("it writes every object and log of the cluster", "cluster-info dump");
        Refuse("it reads local manifest files", "kustomize", "diff", "auth reconcile", "apply", "replace", "create");
        Refuse("plugins run arbitrary programs", "plugin");
        Refuse("it does not talk to the cluster", "completion", "options", "help", "alpha", "events-watch");
        return t;
    }
}
