#!/usr/bin/env python3
"""Regenerates the scenario snapshots under scenarios/.

    python3 scenarios/generate.py            # all scenarios
    python3 scenarios/generate.py NAME ...   # only these

Each scenario function builds a small cluster with k8sgen.Snap and writes it as
`kubectl get ... -o yaml` Lists (one scenario as -o json, one as a multi-document
stream, one in the `kubectl cluster-info dump` layout), plus container logs and
scenario.yaml. Output is deterministic (seeded by the scenario name).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from k8sgen import Snap, dump_yaml, owner_ref, _clean  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = {}
H = 3600
D = 86400


def scenario(fn):
    SCENARIOS[fn.__name__.replace("_", "-")] = fn
    return fn


# =========================================================================== base cluster
def base(s, workers=2, cp=True, names=None, mem_ki=16365384, cpu="4", worker_overrides=None, ns=(), ns_labels=None):
    """Nodes, system namespaces, kube-system add-ons, the `kubernetes` Service."""
    s.workers = []
    p = s.profile
    worker_overrides = worker_overrides or {}
    if p == "kubeadm":
        names = names or (["cp-1"] + [f"worker-{i + 1}" for i in range(workers)])
        cpn = names[0]
        s.cp_name = cpn
        s.node(cpn, "10.10.0.10", "10.244.0.0/24", role="control-plane", cpu="2", memory_ki=4025140, ago=120 * D)
        for i, n in enumerate(names[1:]):
            kw = dict(cpu=cpu, memory_ki=mem_ki, ago=(118 - i) * D)
            kw.update(worker_overrides.get(n, {}))
            s.node(n, f"10.10.0.{21 + i}", f"10.244.{i + 1}.0/24", **kw)
            s.workers.append(n)
    elif p == "eks":
        zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
        subnets = [(32, 63), (64, 95), (96, 127)]
        names = names or []
        for i in range(workers):
            z = zones[i % 3]
            lo, hi = subnets[i % 3]
            third = s.rng.randint(lo, hi)
            ip = f"10.0.{third}.{s.rng.randint(10, 250)}"
            n = names[i] if i < len(names) else f"ip-{ip.replace('.', '-')}.eu-west-1.compute.internal"
            kw = dict(cpu=cpu, memory_ki=mem_ki, ago=(21 - i) * D, zone=z, pods="58")
            kw.update(worker_overrides.get(i, {}))
            s.node(n, ip, "", **kw)
            s.nodes[n]["spec"].pop("podCIDR", None)
            s.workers.append(n)
        s.scheduler_instance = "default-scheduler-ip-172-16-61-204.eu-west-1.compute.internal"
    else:  # gke
        pool = f"gke-prod-default-pool-{s.hexs(8)}"
        for i in range(workers):
            n = f"{pool}-{s.rand(4, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
            kw = dict(cpu=cpu, memory_ki=mem_ki, ago=(9 - i) * D, alloc_mem_ki=int(mem_ki * 0.8))
            kw.update(worker_overrides.get(i, {}))
            s.node(n, f"10.132.0.{s.rng.randint(2, 60)}", f"10.48.{i}.0/24", **kw)
            s.workers.append(n)
        s.scheduler_instance = "gke-7e1c2ab04ff44f7fa5b9-5c7a-bd0a-vm"
    for n in list(s.nodes):
        s.node_image(n, [f"{_reg(s)}/kube-proxy@sha256:{s.hexs(64)}", f"{_reg(s)}/kube-proxy:{s.version}"], 30_221_914)
        s.node_image(n, [f"{_reg(s)}/pause@sha256:{s.hexs(64)}", f"{_reg(s)}/pause:3.10"], 320_368)
    for n in ("default", "kube-node-lease", "kube-public", "kube-system"):
        s.namespace(n, ago=120 * D if p == "kubeadm" else 22 * D)
    for n in ns:
        s.namespace(n, ago=60 * D if p == "kubeadm" else 20 * D, labels=(ns_labels or {}).get(n))
    # kubernetes service (no selector, endpoints maintained by the apiserver)
    kip = {"eks": "172.20.0.1", "gke": "34.118.224.1"}.get(p, "10.96.0.1")
    svc = s.service("default", "kubernetes", None, [{"name": "https", "port": 443, "targetPort": 6443 if p == "kubeadm" else 443}],
                    ago=120 * D if p == "kubeadm" else 22 * D, labels={"component": "apiserver", "provider": "kubernetes"}, cluster_ip=kip)
    apis = ["10.10.0.10"] if p == "kubeadm" else (["10.0.47.112", "10.0.83.9"] if p == "eks" else ["172.16.0.2"])
    s.obj("services.yaml", "v1", "Endpoints", "kubernetes", "default", ago=120 * D if p == "kubeadm" else 22 * D,
          labels={"endpointslice.kubernetes.io/skip-mirror": "true"},
          subsets=[{"addresses": [{"ip": a} for a in apis], "ports": [{"name": "https", "port": 6443 if p == "kubeadm" else 443, "protocol": "TCP"}]}])
    kube_system(s)


def _reg(s):
    return {"eks": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks", "gke": "gke.gcr.io"}.get(s.profile, "registry.k8s.io")


def kube_system(s):
    p = s.profile
    ks = "kube-system"
    nodes = list(s.nodes)
    age = 118 * D if p == "kubeadm" else 21 * D
    if p == "kubeadm":
        cp = s.cp_name
        node = s.nodes[cp]
        for comp, img, port in (("etcd", "registry.k8s.io/etcd:3.5.15-0", None),
                                ("kube-apiserver", f"registry.k8s.io/kube-apiserver:{s.version}", 6443),
                                ("kube-controller-manager", f"registry.k8s.io/kube-controller-manager:{s.version}", None),
                                ("kube-scheduler", f"registry.k8s.io/kube-scheduler:{s.version}", None)):
            c = s.container(comp, img, command=[comp] + {
                "etcd": ["--advertise-client-urls=https://10.10.0.10:2379", "--data-dir=/var/lib/etcd", "--listen-client-urls=https://127.0.0.1:2379,https://10.10.0.10:2379"],
                "kube-apiserver": ["--advertise-address=10.10.0.10", "--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction", "--service-cluster-ip-range=10.96.0.0/12"],
                "kube-controller-manager": ["--allocate-node-cidrs=true", "--cluster-cidr=10.244.0.0/16", "--leader-elect=true", "--use-service-account-credentials=true"],
                "kube-scheduler": ["--authentication-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1", "--leader-elect=true"]}[comp],
                resources={"requests": {"cpu": {"etcd": "100m", "kube-apiserver": "250m", "kube-controller-manager": "200m", "kube-scheduler": "100m"}[comp]} | ({"memory": "100Mi"} if comp == "etcd" else {})},
                liveness={"failureThreshold": 8, "httpGet": {"host": "127.0.0.1" if comp != "kube-apiserver" else "10.10.0.10", "path": "/livez" if comp == "kube-apiserver" else "/healthz" if comp != "etcd" else "/livez",
                                                             "port": {"etcd": 2381, "kube-apiserver": 6443, "kube-controller-manager": 10257, "kube-scheduler": 10259}[comp],
                                                             "scheme": "HTTP" if comp == "etcd" else "HTTPS"}, "initialDelaySeconds": 10, "timeoutSeconds": 15})
            spec = s.pod_template_spec([c], host_network=True, priority_class="system-node-critical", dns_policy="ClusterFirst", security={"seccompProfile": {"type": "RuntimeDefault"}})
            spec["tolerations"] = [{"effect": "NoExecute", "operator": "Exists"}]
            t = {"metadata": {"labels": {"component": comp, "tier": "control-plane"},
                              "annotations": {"kubernetes.io/config.hash": s.hexs(32), "kubernetes.io/config.mirror": s.hexs(32),
                                              "kubernetes.io/config.seen": s.at(20 * D) .replace("Z", ".412739528Z"), "kubernetes.io/config.source": "file"}},
                 "spec": spec}
            pod = s.make_pod(ks, f"{comp}-{cp}", t, node, {"node": cp, "ago": 21 * D, "automount": False,
                                                           "all": {"s": "running", "started": 20 * D, "restarts": 1, "last": {"exit": 255, "reason": "Unknown", "started": 21 * D - 40, "finished": 20 * D + 30}}})
            pod["metadata"]["ownerReferences"][0].pop("blockOwnerDeletion")
            pod["spec"]["tolerations"] = [{"effect": "NoExecute", "operator": "Exists"}]
    # coredns / kube-dns
    img = {"eks": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.2"}.get(p, "registry.k8s.io/coredns/coredns:v1.11.3")
    c = s.container("coredns", img, args=["-conf", "/etc/coredns/Corefile"],
                    ports=[{"containerPort": 53, "name": "dns", "protocol": "UDP"}, {"containerPort": 53, "name": "dns-tcp"}, {"containerPort": 9153, "name": "metrics"}],
                    resources={"limits": {"memory": "170Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}},
                    readiness={"httpGet": {"path": "/ready", "port": 8181}},
                    liveness={"httpGet": {"path": "/health", "port": 8080}, "initialDelaySeconds": 60, "timeoutSeconds": 5, "failureThreshold": 5},
                    mounts=[{"mountPath": "/etc/coredns", "name": "config-volume", "readOnly": True}],
                    security={"allowPrivilegeEscalation": False, "capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}, "readOnlyRootFilesystem": True})
    spec = s.pod_template_spec([c], sa="coredns", priority_class="system-cluster-critical", dns_policy="Default",
                               node_selector={"kubernetes.io/os": "linux"},
                               tolerations=[{"key": "CriticalAddonsOnly", "operator": "Exists"}, {"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}],
                               volumes=[{"configMap": {"items": [{"key": "Corefile", "path": "Corefile"}], "name": "coredns"}, "name": "config-volume"}])
    spec["affinity"] = {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [{"podAffinityTerm": {"labelSelector": {"matchExpressions": [{"key": "k8s-app", "operator": "In", "values": ["kube-dns"]}]}, "topologyKey": "kubernetes.io/hostname"}, "weight": 100}]}}
    cn = s.workers[:2] if len(s.workers) >= 2 else s.workers * 2
    s.configmap(ks, "coredns", {"Corefile": ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n"}, ago=age)
    s.deployment(ks, "coredns", 2, spec, [{"node": cn[0], "ago": 20 * D - 300}, {"node": cn[1], "ago": 20 * D - 320}], ago=age,
                 labels={"k8s-app": "kube-dns"}, template_labels={"k8s-app": "kube-dns"},
                 strategy={"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}, "type": "RollingUpdate"})
    s.service(ks, "kube-dns", {"k8s-app": "kube-dns"}, [{"name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53},
                                                         {"name": "dns-tcp", "port": 53, "targetPort": 53}, {"name": "metrics", "port": 9153, "targetPort": 9153}],
              ago=age, cluster_ip=s.dns_ip, labels={"k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"},
              annotations={"prometheus.io/port": "9153", "prometheus.io/scrape": "true"})
    # kube-proxy
    kp_img = {"eks": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.31.3-minimal-eksbuild.2",
              "gke": f"gke.gcr.io/kube-proxy-amd64:{s.version}-gke.1206000"}.get(p, f"registry.k8s.io/kube-proxy:{s.version}")
    c = s.container("kube-proxy", kp_img, command=["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
                    env=[{"name": "NODE_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}}],
                    resources={"requests": {"cpu": "100m"}} if p != "kubeadm" else {}, security={"privileged": True},
                    mounts=[{"mountPath": "/var/lib/kube-proxy", "name": "kube-proxy"}, {"mountPath": "/run/xtables.lock", "name": "xtables-lock"},
                            {"mountPath": "/lib/modules", "name": "lib-modules", "readOnly": True}])
    spec = s.pod_template_spec([c], sa="kube-proxy", host_network=True, priority_class="system-node-critical", dns_policy="ClusterFirst",
                               node_selector={"kubernetes.io/os": "linux"}, tolerations=[{"operator": "Exists"}],
                               volumes=[{"configMap": {"name": "kube-proxy"}, "name": "kube-proxy"},
                                        {"hostPath": {"path": "/run/xtables.lock", "type": "FileOrCreate"}, "name": "xtables-lock"},
                                        {"hostPath": {"path": "/lib/modules", "type": ""}, "name": "lib-modules"}])
    s.daemonset(ks, "kube-proxy", spec, {n: {"ago": 20 * D - 100 - i * 13} for i, n in enumerate(nodes)}, ago=age, labels={"k8s-app": "kube-proxy"})
    if p == "eks":
        c1 = s.container("aws-node", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0-eksbuild.1",
                         ports=[{"containerPort": 61678, "name": "metrics"}], resources={"requests": {"cpu": "25m"}},
                         env=[{"name": "ENABLE_PREFIX_DELEGATION", "value": "false"}, {"name": "WARM_ENI_TARGET", "value": "1"},
                              {"name": "MY_NODE_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}}],
                         readiness={"exec": {"command": ["/app/grpc-health-probe", "-addr=:50051", "-connect-timeout=5s", "-rpc-timeout=5s"]}, "initialDelaySeconds": 1, "timeoutSeconds": 10},
                         liveness={"exec": {"command": ["/app/grpc-health-probe", "-addr=:50051", "-connect-timeout=5s", "-rpc-timeout=5s"]}, "initialDelaySeconds": 60, "timeoutSeconds": 10},
                         security={"capabilities": {"add": ["NET_ADMIN", "NET_RAW"]}})
        c2 = s.container("aws-eks-nodeagent", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.5-eksbuild.1",
                         args=["--enable-ipv6=false", "--enable-network-policy=false", "--metrics-bind-addr=:8162", "--health-probe-bind-addr=:8163"],
                         resources={"requests": {"cpu": "25m"}}, security={"capabilities": {"add": ["NET_ADMIN"]}, "privileged": True})
        init = s.container("aws-vpc-cni-init", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni-init:v1.19.0-eksbuild.1",
                           resources={"requests": {"cpu": "25m"}}, security={"privileged": True})
        spec = s.pod_template_spec([c1, c2], init=[init], sa="aws-node", host_network=True, priority_class="system-node-critical",
                                   tolerations=[{"operator": "Exists"}])
        s.daemonset(ks, "aws-node", spec, {n: {"ago": 20 * D - 90 - i * 11} for i, n in enumerate(nodes)}, ago=age, labels={"k8s-app": "aws-node"})


# =========================================================================== workload helpers
def res(cpu="100m", mem="128Mi", lim_mem="256Mi", lim_cpu=None):
    r = {"requests": {"cpu": cpu, "memory": mem}}
    if lim_mem or lim_cpu:
        r["limits"] = {}
        if lim_cpu:
            r["limits"]["cpu"] = lim_cpu
        if lim_mem:
            r["limits"]["memory"] = lim_mem
    return r


def http_probe(path, port="http", **kw):
    d = {"httpGet": {"path": path, "port": port}}
    d.update(kw)
    return d


def healthy_app(s, ns, name, image, port=8080, replicas=2, ago=12 * D, pod_ago=None, svc_port=80, cname=None,
                env=None, resources=None, probe="/healthz", svc=True, labels=None, extra_containers=None, nodes=None,
                restarts=None, sa=None, file_svc="services.yaml"):
    c = s.container(cname or name, image, ports=[{"containerPort": port, "name": "http"}], env=env,
                    resources=resources or res(), readiness=http_probe(probe) if probe else None,
                    liveness=http_probe(probe, initialDelaySeconds=10, periodSeconds=20) if probe else None)
    spec = s.pod_template_spec([c] + (extra_containers or []), sa=sa)
    nodes = nodes or s.workers
    pod_ago = pod_ago or ago - 30
    pods = []
    for i in range(replicas):
        st = {"node": nodes[i % len(nodes)], "ago": pod_ago - i * 7}
        if restarts and i < len(restarts) and restarts[i]:
            st["all"] = restarts[i]
        pods.append(st)
    dep, rs = s.deployment(ns, name, replicas, spec, pods, ago=ago, labels=labels or {"app": name})
    sv = None
    if svc:
        sv = s.service(ns, name, dict(dep["spec"]["selector"]["matchLabels"]), [{"name": "http", "port": svc_port, "targetPort": "http"}], ago=ago, file=file_svc)
    return dep, rs, sv


def crash_state(restarts, exit_code=1, reason="Error", last_start=95, last_end=92, backoff="5m0s", ready=False, message=None):
    last = {"exit": exit_code, "reason": reason, "started": last_start, "finished": last_end}
    if message:
        last["message"] = message
    return {"s": "waiting", "reason": "CrashLoopBackOff", "restarts": restarts,
            "message": f"back-off {backoff} restarting failed container={{c}} pod={{pod}}_{{ns}}({{uid}})", "last": last}


def fix_backoff_msgs(pod):
    """Fill the container name into CrashLoopBackOff messages."""
    for cs in pod["status"].get("containerStatuses", []) + pod["status"].get("initContainerStatuses", []):
        w = cs["state"].get("waiting")
        if w and "message" in w:
            w["message"] = w["message"].replace("{c}", cs["name"])


def crash_events(s, pod, cname="app", first=1800, restarts=7, last=60, bo_first=None, bo_count=None, pulled_first=None, init=False):
    fp = f"spec.{'initContainers' if init else 'containers'}{{{cname}}}"
    c = [x for x in pod["spec"].get("initContainers", []) + pod["spec"]["containers"] if x["name"] == cname][0]
    md = pod["metadata"]
    fix_backoff_msgs(pod)
    s.event(pod, "Pulled", f'Container image "{c["image"]}" already present on machine', first=first, last=last + 5, count=restarts + 1, field_path=fp)
    s.event(pod, "Created", f"Created container: {cname}", first=first, last=last + 5, count=restarts + 1, field_path=fp)
    s.event(pod, "Started", f"Started container: {cname}", first=first, last=last + 5, count=restarts + 1, field_path=fp)
    s.event(pod, "BackOff", f"Back-off restarting failed container {cname} in pod {md['name']}_{md['namespace']}({md['uid']})",
            type_="Warning", first=bo_first or first - 12, last=last, count=bo_count or max(2, restarts * 4 + 3), field_path=fp)


def scheduled(s, pod, ago):
    s.sched_event(pod, "Scheduled", f"Successfully assigned {pod['metadata']['namespace']}/{pod['metadata']['name']} to {pod['spec']['nodeName']}", ago, type_="Normal")


def ts_log(s, ago, fmt="%Y-%m-%dT%H:%M:%S.{ms}Z"):
    import datetime as dt
    t = s.T - dt.timedelta(seconds=ago)
    return t.strftime(fmt).replace("{ms}", "%03d" % s.rng.randint(0, 999))


# a few snapshots use other shapes kubectl produces: `-o json` Lists and multi-document YAML streams
FORMATS = {"missing-secret": "json", "pending-insufficient-memory": "json", "imagepull-registry-unreachable": "stream", "healthy-completed-jobs": "stream"}


def write(s, sc, fmt="yaml"):
    s.write(ROOT, sc, fmt=FORMATS.get(s.name, fmt))


# =========================================================================== helpers for pull / config errors
def pull_fail_events(s, pod, cname, image, err, first, last, count_pull, count_backoff):
    fp = f"spec.containers{{{cname}}}"
    s.event(pod, "Pulling", f'Pulling image "{image}"', first=first, last=last + 20, count=count_pull, field_path=fp)
    s.event(pod, "Failed", f'Failed to pull image "{image}": {err}', type_="Warning", first=first - 1, last=last + 19, count=count_pull, field_path=fp)
    s.event(pod, "Failed", "Error: ErrImagePull", type_="Warning", first=first - 1, last=last + 19, count=count_pull, field_path=fp)
    s.event(pod, "BackOff", f'Back-off pulling image "{image}"', first=first - 3, last=last, count=count_backoff, field_path=fp)
    s.event(pod, "Failed", "Error: ImagePullBackOff", type_="Warning", first=first - 3, last=last, count=count_backoff, field_path=fp)


def config_error_events(s, pod, cname, msg, first, last, count):
    fp = f"spec.containers{{{cname}}}"
    img = [c for c in pod["spec"]["containers"] if c["name"] == cname][0]["image"]
    s.event(pod, "Pulled", f'Container image "{img}" already present on machine', first=first, last=last, count=count, field_path=fp)
    s.event(pod, "Failed", f"Error: {msg}", type_="Warning", first=first, last=last, count=count, field_path=fp)


def dep_scaled_event(s, dep, rs, frm, to, ago, down=False):
    s.event(dep, "ScalingReplicaSet", f"Scaled {'down' if down else 'up'} replica set {rs['metadata']['name']} from {frm} to {to}",
            component="deployment-controller", first=ago)


def std_neighbours(s, ns, names=("frontend", "cart"), images=None, resources=None):
    images = images or {}
    out = []
    for i, n in enumerate(names):
        out.append(healthy_app(s, ns, n, images.get(n, f"ghcr.io/acme/{n}:1.{4 + i}.{s.rng.randint(0, 9)}"), ago=(30 - 5 * i) * D,
                               pod_ago=(3 + i) * D, resources=resources))
    return out


# =========================================================================== 1-2 crash loops
@scenario
def crashloop_app_error():
    s = Snap("crashloop-app-error", "2026-11-21T10:02:14Z", profile="kubeadm")
    base(s, ns=["shop"])
    std_neighbours(s, "shop")
    c = s.container("app", "ghcr.io/acme/orders:3.7.0", ports=[{"containerPort": 8000, "name": "http"}],
                    command=["gunicorn", "orders.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2"],
                    env=[{"name": "DJANGO_SETTINGS_MODULE", "value": "orders.settings"},
                         {"name": "ORDER_RETENTION_DAYS", "valueFrom": {"configMapKeyRef": {"key": "ORDER_RETENTION_DAYS", "name": "orders-config"}}}],
                    resources=res("200m", "256Mi", "512Mi"), readiness=http_probe("/health/ready"), liveness=http_probe("/health/live", initialDelaySeconds=15))
    s.configmap("shop", "orders-config", {"ORDER_RETENTION_DAYS": "30d", "LOG_LEVEL": "info"}, ago=35 * 60)
    spec = s.pod_template_spec([c])
    pods = [{"node": "worker-1", "ago": 34 * 60, "all": crash_state(9, 3, last_start=98, last_end=96)},
            {"node": "worker-2", "ago": 34 * 60, "all": crash_state(9, 3, last_start=131, last_end=129)}]
    old = {"template_spec": s.pod_template_spec([dict(c, image="ghcr.io/acme/orders:3.6.2")]), "replicas": 0, "pods": [], "revision": 1, "ago": 41 * D}
    dep, rs = s.deployment("shop", "orders", 2, spec, pods, ago=41 * D, revision=2, rs_ago=34 * 60, old_rs=[old],
                           conditions=[{"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.", "lastTransitionTime": s.at(34 * 60 - 30)},
                                       {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated", "message": f'ReplicaSet "{"{rs}"}" is progressing.', "lastTransitionTime": s.at(34 * 60), "lastUpdateTime": s.at(34 * 60)}])
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.'
    old_rs = dep["_rslist"][0]
    s.service("shop", "orders", {"app": "orders"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=41 * D)
    dep_scaled_event(s, dep, rs, 0, 1, 34 * 60)
    dep_scaled_event(s, dep, old_rs, 2, 1, 34 * 60 - 1, down=True)
    dep_scaled_event(s, dep, rs, 1, 2, 34 * 60 - 1)
    dep_scaled_event(s, dep, old_rs, 1, 0, 34 * 60 - 2, down=True)
    s.rs_events(rs, rs["_podlist"])
    for p, bo in zip(rs["_podlist"], (41, 44)):
        scheduled(s, p, int(p["metadata"]["creationTimestamp"] and 34 * 60))
        s.event(p, "Pulling", 'Pulling image "ghcr.io/acme/orders:3.7.0"', first=34 * 60 - 1, field_path="spec.containers{app}")
        s.event(p, "Pulled", 'Successfully pulled image "ghcr.io/acme/orders:3.7.0" in 4.817s (4.817s including waiting). Image size: 71203881 bytes.', first=34 * 60 - 6, field_path="spec.containers{app}")
        crash_events(s, p, "app", first=34 * 60 - 7, restarts=9, last=20, bo_count=bo)
    for i, p in enumerate(rs["_podlist"]):
        name = p["metadata"]["name"]
        for prev, ago in ((True, 131 + 300 if i else 98 + 300), (False, 131 if i else 98)):
            t = lambda d: ts_log(s, ago - d, "[%Y-%m-%d %H:%M:%S +0000]")
            s.log("shop", name, "app", f"""{t(0)} [1] [INFO] Starting gunicorn 23.0.0
{t(0)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)
{t(0)} [1] [INFO] Using worker: sync
{t(0)} [7] [INFO] Booting worker with pid: 7
{t(0)} [8] [INFO] Booting worker with pid: 8
{t(1)} [7] [ERROR] Exception in worker process
Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker
    worker.init_process()
  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in init_process
    self.load_wsgi()
  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 147, in load_wsgi
    self.wsgi = self.app.wsgi()
                ^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/base.py", line 66, in wsgi
    self.callable = self.load()
                    ^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 57, in load
    return self.load_wsgiapp()
           ^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 47, in load_wsgiapp
    return util.import_app(self.app_uri)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 370, in import_app
    mod = importlib.import_module(module)
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module
    return _bootstrap._gcd_import(name[level:], package, level)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import
  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load
  File "<frozen importlib._bootstrap>", line 1331, in _find_and_load_unlocked
  File "<frozen importlib._bootstrap>", line 935, in _load_unlocked
  File "<frozen importlib._bootstrap_external>", line 995, in exec_module
  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed
  File "/app/orders/wsgi.py", line 14, in <module>
    application = get_wsgi_application()
                  ^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/django/core/wsgi.py", line 12, in get_wsgi_application
    django.setup(set_prefix=False)
  File "/usr/local/lib/python3.12/site-packages/django/__init__.py", line 19, in setup
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
                      ^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/django/conf/__init__.py", line 81, in __getattr__
    self._setup(name)
  File "/usr/local/lib/python3.12/site-packages/django/conf/__init__.py", line 68, in _setup
    self._wrapped = Settings(settings_module)
                    ^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/site-packages/django/conf/__init__.py", line 166, in __init__
    mod = importlib.import_module(self.SETTINGS_MODULE)
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module
    return _bootstrap._gcd_import(name[level:], package, level)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/orders/settings.py", line 58, in <module>
    ORDER_RETENTION_DAYS = int(os.environ["ORDER_RETENTION_DAYS"])
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
ValueError: invalid literal for int() with base 10: '30d'
{t(1)} [7] [INFO] Worker exiting (pid: 7)
{t(1)} [8] [ERROR] Exception in worker process
Traceback (most recent call last):
  File "/app/orders/settings.py", line 58, in <module>
    ORDER_RETENTION_DAYS = int(os.environ["ORDER_RETENTION_DAYS"])
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
ValueError: invalid literal for int() with base 10: '30d'
{t(1)} [8] [INFO] Worker exiting (pid: 8)
{t(2)} [1] [ERROR] Worker (pid:7) exited with code 3
{t(2)} [1] [ERROR] Worker (pid:8) was sent SIGTERM!
{t(2)} [1] [ERROR] Shutting down: Master
{t(2)} [1] [ERROR] Reason: Worker failed to boot.
""", previous=prev)
    write(s, {"title": "Orders API crash-loops: Django settings cannot parse ORDER_RETENTION_DAYS",
              "description": "After the rollout of orders 3.7.0 both pods exit with code 3 (gunicorn 'Worker failed to boot'); the previous log shows a Python ValueError raised while importing settings. The neighbours frontend and cart are healthy.",
              "expect": [{"category": "AppCrash", "resource": "Deployment/shop/orders"}], "maxRootCauses": 1})


@scenario
def crashloop_go_panic():
    s = Snap("crashloop-go-panic", "2026-11-21T09:47:03Z", profile="eks")
    base(s, workers=3, ns=["payments"])
    healthy_app(s, "payments", "payments-gateway", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-gateway:2024.11.3", ago=60 * D, pod_ago=6 * D)
    healthy_app(s, "payments", "fraud-scoring", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud-scoring:0.19.4", ago=33 * D, pod_ago=6 * D - 400, replicas=3)
    img = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger:2.8.1"
    c = s.container("ledger", img, ports=[{"containerPort": 8080, "name": "http"}, {"containerPort": 9090, "name": "metrics"}],
                    env=[{"name": "LEDGER_DB_HOST", "value": "ledger-db.payments.svc.cluster.local"}, {"name": "GOMEMLIMIT", "value": "230MiB"}],
                    env_from=[{"configMapRef": {"name": "ledger-config"}}],
                    resources=res("100m", "128Mi", "256Mi"), readiness=http_probe("/readyz"), liveness=http_probe("/livez", initialDelaySeconds=5))
    s.configmap("payments", "ledger-config", {"LEDGER_REGION": "eu-west-1", "LEDGER_SETTLEMENT_CRON": "*/15 * * * *"}, ago=60 * D)
    spec = s.pod_template_spec([c], sa="ledger")
    s.obj("config.yaml", "v1", "ServiceAccount", "ledger", "payments", ago=60 * D,
          annotations={"eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/ledger-irsa"})
    w = s.workers
    pods = [{"node": w[0], "ago": 52 * 60, "all": crash_state(14, 2, last_start=71, last_end=70)},
            {"node": w[1], "ago": 52 * 60 - 3, "all": crash_state(14, 2, last_start=188, last_end=187)},
            {"node": w[2], "ago": 52 * 60 - 3, "all": crash_state(13, 2, last_start=12, last_end=11)}]
    dep, rs = s.deployment("payments", "ledger", 3, spec, pods, ago=60 * D, revision=7, rs_ago=52 * 60, generation=7,
                           conditions=[{"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.", "lastTransitionTime": s.at(52 * 60 - 40)},
                                       {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable", "message": "", "lastTransitionTime": s.at(60 * D)}])
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.'
    dep["status"]["conditions"][1]["lastUpdateTime"] = s.at(52 * 60 - 10)
    s.service("payments", "ledger", {"app": "ledger"}, [{"name": "http", "port": 80, "targetPort": "http"}, {"name": "metrics", "port": 9090, "targetPort": "metrics"}], ago=60 * D)
    s.service("payments", "ledger-db", None, [{"name": "postgres", "port": 5432}], ago=60 * D, type_="ExternalName")
    s.get("Service", "payments", "ledger-db")["spec"] = {"externalName": "ledger-prod.cluster-c9xk2hq1w7ab.eu-west-1.rds.amazonaws.com", "sessionAffinity": "None", "type": "ExternalName"}
    for p in rs["_podlist"]:
        crash_events(s, p, "ledger", first=52 * 60 - 8, restarts=p["status"]["containerStatuses"][0]["restartCount"], last=8, bo_count=230)
    for p in rs["_podlist"]:
        n = p["metadata"]["name"]
        for prev, ago in ((True, 400), (False, 70)):
            t = lambda d: ts_log(s, ago - d)
            s.log("payments", n, "ledger", f"""{{"level":"info","ts":"{t(0)}","caller":"cmd/main.go:41","msg":"starting ledger","version":"2.8.1","commit":"9c1e4f7"}}
{{"level":"info","ts":"{t(0)}","caller":"config/load.go:63","msg":"configuration loaded","region":"eu-west-1","settlementCron":"*/15 * * * *"}}
{{"level":"info","ts":"{t(0)}","caller":"db/pool.go:77","msg":"connected to postgres","host":"ledger-db.payments.svc.cluster.local","maxConns":20}}
{{"level":"info","ts":"{t(0)}","caller":"settlement/scheduler.go:52","msg":"registering settlement providers","count":3}}
panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x30 pc=0xb3f1a4]

goroutine 1 [running]:
github.com/acme/ledger/internal/settlement.(*Scheduler).Register(0xc0001f4a80, {{0x1a4c2e0, 0xc00031e1b0}})
	/src/internal/settlement/scheduler.go:61 +0x64
github.com/acme/ledger/internal/settlement.NewScheduler(0xc0003a6000, {{0xc000418e10, 0x3, 0x3}})
	/src/internal/settlement/scheduler.go:45 +0x1c5
main.run({{0x1a61f28, 0xc0000c4050}})
	/src/cmd/ledger/main.go:88 +0x6f2
main.main()
	/src/cmd/ledger/main.go:44 +0x2d
""", previous=prev)
    write(s, {"title": "Ledger service panics with a nil pointer dereference at start-up",
              "description": "All three ledger pods crash-loop with exit code 2; the log ends in a Go runtime panic (nil pointer dereference) in settlement.(*Scheduler).Register. Other payments services are healthy.",
              "expect": [{"category": "AppCrash", "resource": "Deployment/payments/ledger"}], "maxRootCauses": 1})


# =========================================================================== 3-4 OOM
@scenario
def oomkilled_java():
    s = Snap("oomkilled-java", "2026-11-21T10:11:40Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["reporting"], mem_ki=16393244)
    healthy_app(s, "reporting", "report-ui", "europe-west1-docker.pkg.dev/acme-prod-4411/apps/report-ui:5.2.0", port=3000, ago=90 * D, pod_ago=8 * D)
    img = "europe-west1-docker.pkg.dev/acme-prod-4411/apps/report-api:7.4.1"
    c = s.container("report-api", img, ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "JAVA_TOOL_OPTIONS", "value": "-XX:MaxRAMPercentage=90.0 -XX:+UseG1GC"}, {"name": "SPRING_PROFILES_ACTIVE", "value": "prod"}],
                    resources={"limits": {"cpu": "1", "memory": "512Mi"}, "requests": {"cpu": "500m", "memory": "512Mi"}},
                    readiness=http_probe("/actuator/health/readiness", initialDelaySeconds=20),
                    liveness=http_probe("/actuator/health/liveness", initialDelaySeconds=60))
    spec = s.pod_template_spec([c])
    w = s.workers
    pods = [{"node": w[0], "ago": 3 * H, "all": crash_state(6, 137, "OOMKilled", last_start=233, last_end=141)},
            {"node": w[1], "ago": 3 * H - 40, "all": {"s": "running", "started": 95, "ready": True, "restarts": 6,
                                                      "last": {"exit": 137, "reason": "OOMKilled", "started": 1490, "finished": 97}}, "ready_since": 70}]
    dep, rs = s.deployment("reporting", "report-api", 2, spec, pods, ago=90 * D, revision=12, rs_ago=3 * H + 30, generation=12)
    s.service("reporting", "report-api", {"app": "report-api"}, [{"name": "http", "port": 8080, "targetPort": "http"}], ago=90 * D)
    p0, p1 = rs["_podlist"]
    crash_events(s, p0, "report-api", first=3 * H - 100, restarts=6, last=30, bo_count=9)
    s.event(p1, "Pulled", f'Container image "{img}" already present on machine', first=2 * H, last=97, count=6, field_path="spec.containers{report-api}")
    s.event(p1, "Created", "Created container: report-api", first=2 * H, last=97, count=6, field_path="spec.containers{report-api}")
    s.event(p1, "Started", "Started container: report-api", first=2 * H, last=96, count=6, field_path="spec.containers{report-api}")
    s.event(p1, "BackOff", f"Back-off restarting failed container report-api in pod {p1['metadata']['name']}_reporting({p1['metadata']['uid']})", type_="Warning", first=2 * H - 10, last=150, count=5, field_path="spec.containers{report-api}")
    for p, (prev_ago, cur_ago) in zip((p0, p1), ((1800, 233), (1490, 95))):
        for prev, ago in ((True, prev_ago), (False, cur_ago)):
            t = lambda d: ts_log(s, ago - d, "%Y-%m-%dT%H:%M:%S.{ms}Z")
            crashed = prev or p is p0
            body = f"""Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=90.0 -XX:+UseG1GC

  .   ____          _            __ _ _
 /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\
( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\
 \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )
  '  |____| .__|_| |_|_| |_\\__, | / / / /
 =========|_|==============|___/=/_/_/_/

 :: Spring Boot ::                (v3.3.5)

{t(0)}  INFO 1 --- [report-api] [           main] c.a.reporting.ReportApiApplication       : Starting ReportApiApplication v7.4.1 using Java 21.0.5 with PID 1 (/app/report-api.jar started by app in /app)
{t(0)}  INFO 1 --- [report-api] [           main] c.a.reporting.ReportApiApplication       : The following 1 profile is active: "prod"
{t(4)}  INFO 1 --- [report-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)
{t(9)}  INFO 1 --- [report-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.
{t(14)}  INFO 1 --- [report-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'
{t(14)}  INFO 1 --- [report-api] [           main] c.a.reporting.ReportApiApplication       : Started ReportApiApplication in 14.212 seconds (process running for 15.03)
{t(31)}  INFO 1 --- [report-api] [nio-8080-exec-3] c.a.reporting.export.ExportController    : export requested: report=quarterly-revenue format=xlsx rows=1843220
{t(33)}  INFO 1 --- [report-api] [   export-pool-1] c.a.reporting.export.XlsxExporter        : loading rows into workbook (streaming=false)
"""
            if crashed:
                body += f"""{t(58)}  WARN 1 --- [report-api] [   export-pool-1] c.a.reporting.export.XlsxExporter        : workbook size 412000 rows so far, heap used 401M of 460M
{t(80)}  WARN 1 --- [report-api] [ool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s).
"""
            s.log("reporting", p["metadata"]["name"], "report-api", body, previous=prev)
    write(s, {"title": "report-api is OOMKilled by its 512Mi memory limit",
              "description": "The JVM is told to use 90% of a 512Mi container for heap; xlsx exports push the process over the limit and the kernel kills it (OOMKilled, exit 137, 6 restarts).",
              "expect": [{"category": "OOMKilled", "resource": "Deployment/reporting/report-api"}], "maxRootCauses": 1})


@scenario
def oomkilled_statefulset():
    s = Snap("oomkilled-statefulset", "2026-11-21T09:58:27Z", profile="kubeadm")
    base(s, ns=["cache", "shop"])
    s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "local-path", ago=118 * D,
          annotations={"storageclass.kubernetes.io/is-default-class": "true"}, provisioner="rancher.io/local-path",
          reclaimPolicy="Delete", volumeBindingMode="WaitForFirstConsumer")
    healthy_app(s, "shop", "catalog", "ghcr.io/acme/catalog:2.2.0", ago=50 * D, pod_ago=4 * D,
                env=[{"name": "REDIS_URL", "value": "redis://redis.cache.svc.cluster.local:6379/0"}])
    c = s.container("redis", "redis:7.4.1-alpine", command=["redis-server", "/etc/redis/redis.conf"],
                    ports=[{"containerPort": 6379, "name": "redis"}], resources={"limits": {"memory": "256Mi"}, "requests": {"cpu": "100m", "memory": "256Mi"}},
                    readiness={"exec": {"command": ["redis-cli", "ping"]}, "timeoutSeconds": 2, "periodSeconds": 5},
                    mounts=[{"mountPath": "/data", "name": "data"}, {"mountPath": "/etc/redis", "name": "config"}])
    s.configmap("cache", "redis-config", {"redis.conf": "appendonly no\nsave 900 1\nsave 300 100\ndir /data\nmaxmemory 0\nprotected-mode no\n"}, ago=70 * D)
    spec = s.pod_template_spec([c], volumes=[{"configMap": {"name": "redis-config"}, "name": "config"}])
    vct = [{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "2Gi"}}, "storageClassName": "local-path", "volumeMode": "Filesystem"},
            "status": {"phase": "Pending"}}]
    sts = s.statefulset("cache", "redis", 1, spec, [{"node": "worker-1", "ago": 6 * D, "all": crash_state(4, 137, "OOMKilled", last_start=245, last_end=166, backoff="1m20s")}],
                        "redis", ago=70 * D, vct=vct, pvc_storage_class="local-path")
    pod = s.pods[("cache", "redis-0")]
    s.service("cache", "redis", {"app": "redis"}, [{"name": "redis", "port": 6379, "targetPort": "redis"}], ago=70 * D, headless=True)
    crash_events(s, pod, "redis", first=22 * 60, restarts=4, last=40, bo_count=11)
    for prev, ago in ((True, 700), (False, 245)):
        t = lambda d: ts_log(s, ago - d, "%d %b %Y %H:%M:%S.{ms}")
        s.log("cache", "redis-0", "redis", f"""1:C {t(0)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.
1:C {t(0)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
1:C {t(0)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started
1:C {t(0)} * Configuration loaded
1:M {t(0)} * monotonic clock: POSIX clock_gettime
1:M {t(0)} * Running mode=standalone, port=6379.
1:M {t(0)} * Server initialized
1:M {t(0)} * Loading RDB produced by version 7.4.1
1:M {t(0)} * RDB age 14 seconds
1:M {t(0)} * RDB memory usage when created 238.71 Mb
1:M {t(61)} * Done loading RDB, keys loaded: 1622107, keys expired: 0.
1:M {t(61)} * DB loaded from disk: 61.033 seconds
1:M {t(61)} * Ready to accept connections tcp
1:M {t(74)} * 100 changes in 300 seconds. Saving...
1:M {t(74)} * Background saving started by pid 24
""", previous=prev)
    write(s, {"title": "Redis StatefulSet pod is OOMKilled (no maxmemory, 256Mi limit)",
              "description": "redis-0 restarts with reason OOMKilled / exit 137: the dataset is ~240MB and a background save forks, pushing the container over its 256Mi limit. maxmemory is 0 (unlimited).",
              "expect": [{"category": "OOMKilled", "resource": "StatefulSet/cache/redis"}], "maxRootCauses": 1})

def broken_deploy(s, ns, name, containers, states, ago_dep, pod_ago, revision=1, spec_kw=None, old=None, labels=None, generation=None, conditions=None, svc_port=None):
    spec = s.pod_template_spec(containers, **(spec_kw or {}))
    pods = []
    for i, st in enumerate(states):
        st = dict(st)
        st.setdefault("node", s.workers[i % len(s.workers)])
        st.setdefault("ago", pod_ago - i * 2)
        pods.append(st)
    dep, rs = s.deployment(ns, name, len(states), spec, pods, ago=ago_dep, revision=revision, rs_ago=pod_ago + 1 if revision > 1 else ago_dep,
                           old_rs=old, labels=labels, generation=generation, conditions=conditions)
    if svc_port:
        s.service(ns, name, dict(dep["spec"]["selector"]["matchLabels"]), [{"name": "http", "port": svc_port, "targetPort": "http"}], ago=ago_dep)
    if revision == 1 and ago_dep - pod_ago < 120:
        dep_scaled_event(s, dep, rs, 0, len(states), ago_dep - 1)
        s.rs_events(rs, rs["_podlist"])
    for p in rs["_podlist"]:
        age = (s.T - __import__("k8sgen")._parse(p["metadata"]["creationTimestamp"])).total_seconds()
        if age < 3600 and p["spec"].get("nodeName"):
            scheduled(s, p, age)
    return dep, rs


def unavailable_conditions(s, rs_name, ago, progressing="NewReplicaSetAvailable"):
    msg = {"NewReplicaSetAvailable": f'ReplicaSet "{rs_name}" has successfully progressed.',
           "ReplicaSetUpdated": f'ReplicaSet "{rs_name}" is progressing.',
           "NewReplicaSetCreated": f'Created new replica set "{rs_name}"'}[progressing]
    return [{"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.",
             "lastTransitionTime": s.at(ago), "lastUpdateTime": s.at(ago)},
            {"type": "Progressing", "status": "True", "reason": progressing, "message": msg, "lastTransitionTime": s.at(ago), "lastUpdateTime": s.at(ago - 1)}]


def fix_rs_name_in_conditions(dep, rs):
    for c in dep["status"]["conditions"]:
        c["message"] = c["message"].replace("{rs}", rs["metadata"]["name"])


def prev_image(img):
    repo, tag = img.rsplit(":", 1)
    parts = tag.split(".")
    if len(parts) == 3 and parts[1].isdigit():
        parts[1] = str(max(0, int(parts[1]) - 1))
        parts[2] = "7"
    return repo + ":" + ".".join(parts)


# =========================================================================== 5-7 image pulls
def _pull_scenario(s, ns, name, image, err, title, desc, cat_expect, pull_secrets=None, port=8080, containers_extra=None, neighbours=("frontend", "cart"), ago=23 * 60):
    base(s, ns=[ns])
    std_neighbours(s, ns, neighbours)
    c = s.container(name, image, ports=[{"containerPort": port, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
    backoff_msg = f'Back-off pulling image "{image}": ErrImagePull: {err}'
    states = [{"all": {"s": "waiting", "reason": "ImagePullBackOff", "message": backoff_msg}},
              {"all": {"s": "waiting", "reason": "ErrImagePull", "message": err}}]
    dep, rs = broken_deploy(s, ns, name, [c], states, ago, ago - 1, spec_kw={"pull_secrets": pull_secrets} if pull_secrets else None,
                            conditions=unavailable_conditions(s, "{rs}", ago - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    for i, p in enumerate(rs["_podlist"]):
        pull_fail_events(s, p, name, image, err, first=ago - 3 - i, last=14 + 40 * i, count_pull=7 - i, count_backoff=96 - 3 * i)
    write(s, {"title": title, "description": desc, "expect": [{"category": "ImagePullFailure", "resource": f"Deployment/{ns}/{name}"}], "maxRootCauses": 1})
    return s


@scenario
def imagepull_tag_not_found():
    s = Snap("imagepull-tag-not-found", "2026-11-21T10:04:51Z", profile="kubeadm")
    img = "ghcr.io/acme/storefront:2.14.0-rc1"
    err = (f'rpc error: code = NotFound desc = failed to pull and unpack image "{img}": failed to resolve reference "{img}": {img}: not found')
    _pull_scenario(s, "web", "storefront", img, err, "storefront cannot start: image tag 2.14.0-rc1 does not exist",
                   "The new storefront Deployment references ghcr.io/acme/storefront:2.14.0-rc1, which the registry does not have (the tag is 2.14.0-rc.1). Pods sit in ErrImagePull/ImagePullBackOff.",
                   "ImagePullFailure", neighbours=("frontend", "search"))


@scenario
def imagepull_unauthorized():
    s = Snap("imagepull-unauthorized", "2026-11-21T09:52:08Z", profile="eks")
    s.workers = []
    img = "registry.gitlab.com/acme/billing/invoice-worker:1.9.3"
    err = (f'rpc error: code = Unknown desc = failed to pull and unpack image "{img}": failed to resolve reference "{img}": '
           'failed to authorize: failed to fetch oauth token: unexpected status from GET request to '
           'https://gitlab.com/jwt/auth?scope=repository%3Aacme%2Fbilling%2Finvoice-worker%3Apull&service=container_registry: 401 Unauthorized')
    _pull_scenario(s, "billing", "invoice-worker", img, err, "invoice-worker image pull is unauthorized (no imagePullSecrets)",
                   "The image lives in a private GitLab registry. A docker-registry Secret gitlab-registry exists in the namespace but the pod spec has no imagePullSecrets and the default ServiceAccount does not list it, so containerd pulls anonymously and gets 401 Unauthorized.",
                   "ImagePullFailure", neighbours=("billing-api", "invoice-ui"))
    # add the unused pull secret and rewrite
    s.secret("billing", "gitlab-registry", {".dockerconfigjson": json.dumps({"auths": {"registry.gitlab.com": {"username": "gitlab+deploy-token-1841", "password": "gldt-REDACTED", "auth": "Z2l0bGFiK2RlcGxveS10b2tlbi0xODQxOmdsZHQtUkVEQUNURUQ="}}}, separators=(",", ":"))},
             type_="kubernetes.io/dockerconfigjson", ago=40 * D)
    s.obj("config.yaml", "v1", "ServiceAccount", "default", "billing", ago=20 * D)
    write(s, yaml_load(os.path.join(ROOT, s.name, "scenario.yaml")))


def yaml_load(p):
    import yaml
    with open(p) as f:
        return yaml.safe_load(f)


@scenario
def imagepull_registry_unreachable():
    s = Snap("imagepull-registry-unreachable", "2026-11-21T10:09:33Z", profile="kubeadm")
    img = "registry.internal.example/platform/audit-log:3.2.0"
    err = (f'rpc error: code = Unknown desc = failed to pull and unpack image "{img}": failed to resolve reference "{img}": '
           'failed to do request: Head "https://registry.internal.example/v2/platform/audit-log/manifests/3.2.0": '
           'dial tcp: lookup registry.internal.example on 10.10.0.2:53: no such host')
    _pull_scenario(s, "platform", "audit-log", img, err, "audit-log image cannot be pulled: registry host does not resolve",
                   "The nodes' resolver (10.10.0.2) cannot resolve registry.internal.example, so containerd fails before contacting the registry.",
                   "ImagePullFailure", neighbours=("policy-api", "notifications"))


# =========================================================================== 8-12 config / secret references
def _config_scenario(s, ns, name, container, err, title, desc, expect, setup=None, neighbours=("frontend", "cart"), ago=18 * 60,
                     volumes=None, mount_err=None, revision=1):
    base(s, ns=[ns])
    std_neighbours(s, ns, neighbours)
    if setup:
        setup(s)
    if mount_err:
        states = [{"all": {"s": "waiting", "reason": "ContainerCreating"}, "sandbox": False}, {"all": {"s": "waiting", "reason": "ContainerCreating"}, "sandbox": False}]
    else:
        states = [{"all": {"s": "waiting", "reason": "CreateContainerConfigError", "message": err}}, {"all": {"s": "waiting", "reason": "CreateContainerConfigError", "message": err}}]
    old = None
    if revision > 1:
        old = [{"template_spec": s.pod_template_spec([dict(container, image=prev_image(container["image"]))], volumes=volumes), "replicas": 2,
                "pods": [{"node": s.workers[0], "ago": 6 * D}, {"node": s.workers[1], "ago": 6 * D - 5}], "revision": revision - 1, "ago": 30 * D}]
    dep, rs = broken_deploy(s, ns, name, [container], states, ago if revision == 1 else 30 * D, ago - 1, spec_kw={"volumes": volumes} if volumes else None,
                            revision=revision, old=old, generation=revision,
                            conditions=unavailable_conditions(s, "{rs}", ago - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    for i, p in enumerate(rs["_podlist"]):
        if mount_err:
            s.event(p, "FailedMount", mount_err, type_="Warning", first=ago - 2 - i, last=40 + 30 * i, count=16 - i)
        else:
            config_error_events(s, p, container["name"], err, first=ago - 3 - i, last=11 + 7 * i, count=85 - 2 * i)
    write(s, {"title": title, "description": desc, "expect": expect, "maxRootCauses": 1})
    return s, dep, rs


@scenario
def missing_configmap():
    s = Snap("missing-configmap", "2026-11-21T10:00:49Z", profile="kubeadm")
    c = s.container("web", "ghcr.io/acme/web:4.1.0", ports=[{"containerPort": 8080, "name": "http"}], env_from=[{"configMapRef": {"name": "web-settings"}}],
                    resources=res(), readiness=http_probe("/healthz"))
    _config_scenario(s, "shop", "web", c, 'configmap "web-settings" not found', "web pods cannot start: ConfigMap web-settings is missing",
                     "The web Deployment loads its environment with envFrom configMapRef web-settings; the ConfigMap was never created in namespace shop (the team created web-config instead).",
                     [{"category": "MissingConfigMap", "resource": "Deployment/shop/web"}],
                     setup=lambda s: s.configmap("shop", "web-config", {"LOG_LEVEL": "info", "API_URL": "http://api.shop.svc.cluster.local"}, ago=25 * 60))


@scenario
def missing_configmap_key():
    s = Snap("missing-configmap-key", "2026-11-21T09:44:12Z", profile="gke", version="v1.31.5")
    s.workers = []
    c = s.container("web", "europe-west1-docker.pkg.dev/acme-prod-4411/apps/web:4.2.0", ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "LOG_LEVEL", "valueFrom": {"configMapKeyRef": {"key": "LOG_LEVEL", "name": "web-config"}}},
                         {"name": "FEATURE_FLAGS", "valueFrom": {"configMapKeyRef": {"key": "FEATURE_FLAGS", "name": "web-config"}}}],
                    resources=res(), readiness=http_probe("/healthz"))
    _config_scenario(s, "shop", "web", c, "couldn't find key FEATURE_FLAGS in ConfigMap shop/web-config",
                     "web rollout stuck: key FEATURE_FLAGS missing from ConfigMap web-config",
                     "Revision 5 of web reads FEATURE_FLAGS from ConfigMap web-config, which exists but only has LOG_LEVEL and API_URL. New pods fail with CreateContainerConfigError while the old ReplicaSet keeps serving.",
                     [{"category": "MissingConfigMap", "resource": "Deployment/shop/web"}], revision=5,
                     setup=lambda s: s.configmap("shop", "web-config", {"LOG_LEVEL": "info", "API_URL": "http://api.shop.svc.cluster.local"}, ago=80 * D))


@scenario
def missing_secret():
    s = Snap("missing-secret", "2026-11-21T10:06:02Z", profile="eks")
    s.workers = []
    c = s.container("billing-api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing-api:3.0.2", ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "DB_HOST", "value": "billing-db.cluster-c9xk2hq1w7ab.eu-west-1.rds.amazonaws.com"},
                         {"name": "DB_USER", "valueFrom": {"secretKeyRef": {"key": "username", "name": "db-credentials"}}},
                         {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"key": "password", "name": "db-credentials"}}}],
                    resources=res("250m", "256Mi", "512Mi"), readiness=http_probe("/healthz"))
    _config_scenario(s, "billing", "billing-api", c, 'secret "db-credentials" not found', "billing-api cannot start: Secret db-credentials is missing",
                     "The Deployment reads DB_USER/DB_PASSWORD from Secret db-credentials, which does not exist in namespace billing (External Secrets never synced it).",
                     [{"category": "MissingSecret", "resource": "Deployment/billing/billing-api"}], neighbours=("invoice-ui", "pdf-renderer"))


@scenario
def missing_secret_key():
    s = Snap("missing-secret-key", "2026-11-21T09:57:45Z", profile="kubeadm")
    c = s.container("billing-api", "ghcr.io/acme/billing-api:3.0.2", ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "DB_USER", "valueFrom": {"secretKeyRef": {"key": "DB_USER", "name": "db-credentials"}}},
                         {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"key": "DB_PASSWORD", "name": "db-credentials"}}}],
                    resources=res("250m", "256Mi", "512Mi"), readiness=http_probe("/healthz"))
    _config_scenario(s, "billing", "billing-api", c, "couldn't find key DB_PASSWORD in Secret billing/db-credentials",
                     "billing-api cannot start: key DB_PASSWORD missing from Secret db-credentials",
                     "Secret db-credentials exists with keys DB_USER and DB_PASS; the Deployment asks for DB_PASSWORD.",
                     [{"category": "MissingSecret", "resource": "Deployment/billing/billing-api"}], neighbours=("invoice-ui", "pdf-renderer"),
                     setup=lambda s: s.secret("billing", "db-credentials", {"DB_USER": "billing", "DB_PASS": "s3cr3t-not-real"}, ago=200 * D))


@scenario
def missing_secret_volume():
    s = Snap("missing-secret-volume", "2026-11-21T10:13:19Z", profile="kubeadm")
    c = s.container("web", "nginxinc/nginx-unprivileged:1.27.3", ports=[{"containerPort": 8443, "name": "https"}, {"containerPort": 8080, "name": "http"}],
                    resources=res("50m", "64Mi", "128Mi"), readiness=http_probe("/healthz"),
                    mounts=[{"mountPath": "/etc/nginx/tls", "name": "tls", "readOnly": True}, {"mountPath": "/etc/nginx/conf.d", "name": "conf"}])
    vols = [{"name": "tls", "secret": {"secretName": "web-tls"}}, {"configMap": {"name": "web-nginx"}, "name": "conf"}]
    _config_scenario(s, "shop", "web", c, None, "web pods stuck in ContainerCreating: Secret web-tls is missing",
                     "The pods mount Secret web-tls as a volume; it does not exist (the Certificate was renamed), so kubelet keeps failing MountVolume.SetUp and the pods never get a sandbox.",
                     [{"category": "MissingSecret", "resource": "Deployment/shop/web"}], volumes=vols, ago=31 * 60,
                     mount_err='MountVolume.SetUp failed for volume "tls" : secret "web-tls" not found',
                     setup=lambda s: s.configmap("shop", "web-nginx", {"default.conf": "server {\n  listen 8443 ssl;\n  ssl_certificate /etc/nginx/tls/tls.crt;\n  ssl_certificate_key /etc/nginx/tls/tls.key;\n  location / { root /usr/share/nginx/html; }\n}\nserver {\n  listen 8080;\n  location /healthz { return 200; }\n}\n"}, ago=40 * 60))

# =========================================================================== 13 chain
@scenario
def chain_service_no_endpoints_secret():
    s = Snap("chain-service-no-endpoints-secret", "2026-11-21T10:00:00Z", profile="kubeadm")
    base(s, ns=["shop", "ingress-nginx"])
    # ingress-nginx controller
    c = s.container("controller", "registry.k8s.io/ingress-nginx/controller:v1.11.3",
                    args=["/nginx-ingress-controller", "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller", "--election-id=ingress-nginx-leader",
                          "--controller-class=k8s.io/ingress-nginx", "--ingress-class=nginx", "--configmap=$(POD_NAMESPACE)/ingress-nginx-controller"],
                    ports=[{"containerPort": 80, "name": "http"}, {"containerPort": 443, "name": "https"}, {"containerPort": 8443, "name": "webhook"}],
                    env=[{"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
                         {"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}}],
                    resources={"requests": {"cpu": "100m", "memory": "90Mi"}}, readiness=http_probe("/healthz", 10254), liveness=http_probe("/healthz", 10254, initialDelaySeconds=10))
    spec = s.pod_template_spec([c], sa="ingress-nginx", node_selector={"kubernetes.io/os": "linux"}, grace=300)
    idep, irs = s.deployment("ingress-nginx", "ingress-nginx-controller", 1, spec, [{"node": "worker-2", "ago": 9 * D}], ago=60 * D,
                             labels={"app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx"})
    s.service("ingress-nginx", "ingress-nginx-controller", dict(idep["spec"]["selector"]["matchLabels"]),
              [{"name": "http", "port": 80, "targetPort": "http", "nodePort": 30080}, {"name": "https", "port": 443, "targetPort": "https", "nodePort": 30443}],
              ago=60 * D, type_="NodePort")
    s.obj("services.yaml", "networking.k8s.io/v1", "IngressClass", "nginx", ago=60 * D,
          labels={"app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx"},
          spec={"controller": "k8s.io/ingress-nginx"})
    std_neighbours(s, "shop", ("frontend", "catalog"))
    s.configmap("shop", "checkout-config", {"LOG_LEVEL": "info", "PAYMENT_GATEWAY_URL": "https://pay.example.net/v2"}, ago=90 * D)
    c = s.container("app", "ghcr.io/example/checkout:1.4.2", ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "LOG_LEVEL", "valueFrom": {"configMapKeyRef": {"key": "LOG_LEVEL", "name": "checkout-config"}}},
                         {"name": "DB_USER", "valueFrom": {"secretKeyRef": {"key": "DB_USER", "name": "checkout-db"}}},
                         {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"key": "DB_PASSWORD", "name": "checkout-db"}}}],
                    resources=res("100m", "128Mi", "256Mi"), readiness=http_probe("/healthz"))
    err = 'secret "checkout-db" not found'
    states = [{"all": {"s": "waiting", "reason": "CreateContainerConfigError", "message": err}, "node": "worker-1"},
              {"all": {"s": "waiting", "reason": "CreateContainerConfigError", "message": err}, "node": "worker-2"}]
    dep, rs = broken_deploy(s, "shop", "checkout", [c], states, 45 * 60, 45 * 60 - 1,
                            conditions=unavailable_conditions(s, "{rs}", 45 * 60 - 1, "ReplicaSetUpdated"))
    fix_rs_name_in_conditions(dep, rs)
    dep["status"]["conditions"][1].update({"status": "False", "reason": "ProgressDeadlineExceeded", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has timed out progressing.',
                                           "lastTransitionTime": s.at(35 * 60 - 1), "lastUpdateTime": s.at(35 * 60 - 1)})
    s.service("shop", "checkout", {"app": "checkout"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=45 * 60)
    s.ingress("shop", "shop", "shop.example.com", "frontend", 80, ago=120 * D, tls_secret="shop-example-com-tls")
    ing = s.get("Ingress", "shop", "shop")
    ing["spec"]["rules"][0]["http"]["paths"].insert(0, {"backend": {"service": {"name": "checkout", "port": {"number": 80}}}, "path": "/api/checkout", "pathType": "Prefix"})
    s.secret("shop", "shop-example-com-tls", {"tls.crt": "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n", "tls.key": "-----BEGIN PRIVATE KEY-----\nREDACTED\n-----END PRIVATE KEY-----\n"},
             type_="kubernetes.io/tls", ago=30 * D, annotations={"cert-manager.io/certificate-name": "shop-example-com-tls", "cert-manager.io/issuer-name": "letsencrypt-prod", "cert-manager.io/issuer-kind": "ClusterIssuer"})
    for i, p in enumerate(rs["_podlist"]):
        config_error_events(s, p, "app", err, first=45 * 60 - 3 - i, last=9 + 6 * i, count=210 - i)
    s.event(dep, "ScalingReplicaSet", "", component="deployment-controller", first=45 * 60 - 1)["message"] = f"Scaled up replica set {rs['metadata']['name']} from 0 to 2"
    ip = s.get("Service", "shop", "checkout")["spec"]["clusterIP"]
    ctl = irs["_podlist"][0]["metadata"]["name"]
    lines = []
    for k, ago in enumerate(range(44 * 60, 10, -97)):
        t = ts_log(s, ago, "%m%d %H:%M:%S.{ms}").replace(".", ".%03d" % s.rng.randint(0, 999), 0)
        lines.append(f"W{t}       7 controller.go:1216] Service \"shop/checkout\" does not have any active Endpoint.")
        if k % 3 == 0:
            lines.append(f"10.10.0.21 - - [{ts_log(s, ago - 20, '%d/%b/%Y:%H:%M:%S +0000')}] \"POST /api/checkout/orders HTTP/2.0\" 503 190 \"https://shop.example.com/cart\" \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\" 512 0.000 [shop-checkout-80] [] - - - - {s.hexs(32)}")
    s.log("ingress-nginx", ctl, "controller", "\n".join(lines))
    write(s, {"title": "Checkout API crash-loops because its Secret is missing",
              "description": "Service shop/checkout (behind Ingress shop) has no ready endpoints because both checkout pods fail with CreateContainerConfigError: Secret checkout-db does not exist. The ingress controller logs 503s and 'does not have any active Endpoint'. One root cause explains all symptoms.",
              "expect": [{"category": "MissingSecret", "resource": "Deployment/shop/checkout"}], "maxRootCauses": 1})


# =========================================================================== 14-15 invalid command
@scenario
def invalid_command_exec_not_found():
    s = Snap("invalid-command-exec-not-found", "2026-11-21T09:49:38Z", profile="kubeadm")
    base(s, ns=["notify"])
    std_neighbours(s, "notify", ("email-sender", "sms-sender"))
    msg = ('failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: '
           'unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown')
    c = s.container("notifier", "ghcr.io/acme/notifier:1.3.0", command=["/app/server"], args=["--config", "/etc/notifier/config.yaml"],
                    ports=[{"containerPort": 8080, "name": "http"}], resources=res("50m", "64Mi", "128Mi"))
    states = [{"all": crash_state(8, 128, "StartError", last_start=s_epoch(s), last_end=52, message=msg)},
              {"all": crash_state(8, 128, "StartError", last_start=s_epoch(s), last_end=118, message=msg)}]
    dep, rs = broken_deploy(s, "notify", "notifier", [c], states, 27 * 60, 27 * 60 - 1,
                            conditions=unavailable_conditions(s, "{rs}", 27 * 60 - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    for p in rs["_podlist"]:
        fp = "spec.containers{notifier}"
        s.event(p, "Pulled", 'Container image "ghcr.io/acme/notifier:1.3.0" already present on machine', first=27 * 60 - 4, last=60, count=9, field_path=fp)
        s.event(p, "Created", "Created container: notifier", first=27 * 60 - 4, last=60, count=9, field_path=fp)
        s.event(p, "Failed", "Error: " + msg, type_="Warning", first=27 * 60 - 4, last=60, count=9, field_path=fp)
        s.event(p, "BackOff", f"Back-off restarting failed container notifier in pod {p['metadata']['name']}_notify({p['metadata']['uid']})", type_="Warning", first=27 * 60 - 15, last=12, count=118, field_path=fp)
    write(s, {"title": "notifier cannot start: command /app/server does not exist in the image",
              "description": "The container command points to /app/server but the image ships /app/notifier; runc fails with 'exec: \"/app/server\": stat /app/server: no such file or directory' (StartError, exit 128).",
              "expect": [{"category": "InvalidCommand", "resource": "Deployment/notify/notifier"}], "maxRootCauses": 1})


def s_epoch(s):
    # StartError containers report startedAt as the Unix epoch
    return (s.T - __import__("datetime").datetime(1970, 1, 1, tzinfo=__import__("datetime").timezone.utc)).total_seconds()


@scenario
def invalid_command_exit_127():
    s = Snap("invalid-command-exit-127", "2026-11-21T10:07:26Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["catalog"])
    std_neighbours(s, "catalog", ("catalog-ui", "images"), images={"catalog-ui": "europe-west1-docker.pkg.dev/acme-prod-4411/apps/catalog-ui:2.0.4", "images": "europe-west1-docker.pkg.dev/acme-prod-4411/apps/images:1.1.9"})
    img = "europe-west1-docker.pkg.dev/acme-prod-4411/apps/catalog-api:6.0.0"
    c = s.container("api", img, command=["/bin/sh", "-c"], args=["gunicron catalog.app:app --bind 0.0.0.0:8000 --workers 3"],
                    ports=[{"containerPort": 8000, "name": "http"}], resources=res("200m", "256Mi", "512Mi"), readiness=http_probe("/ping"))
    states = [{"all": crash_state(7, 127, last_start=48, last_end=48)}, {"all": crash_state(7, 127, last_start=160, last_end=160)}]
    old = [{"template_spec": s.pod_template_spec([s.container("api", img.replace("6.0.0", "5.9.2"), command=["gunicorn", "catalog.app:app", "--bind", "0.0.0.0:8000", "--workers", "3"],
                                                              ports=[{"containerPort": 8000, "name": "http"}], resources=res("200m", "256Mi", "512Mi"), readiness=http_probe("/ping"))]),
            "replicas": 1, "pods": [{"node": s.workers[2], "ago": 5 * D}], "revision": 3, "ago": 70 * D}]
    dep, rs = broken_deploy(s, "catalog", "catalog-api", [c], states, 70 * D, 16 * 60, revision=4, old=old, generation=4,
                            conditions=[{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": s.at(70 * D), "lastUpdateTime": s.at(70 * D)},
                                        {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated", "message": '{rs}', "lastTransitionTime": s.at(16 * 60), "lastUpdateTime": s.at(16 * 60)}], svc_port=80)
    dep["spec"]["replicas"] = 2
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.'
    old_rs = dep["_rslist"][0]
    dep_scaled_event(s, dep, rs, 0, 1, 16 * 60 + 1)
    dep_scaled_event(s, dep, old_rs, 2, 1, 16 * 60, down=True)
    dep_scaled_event(s, dep, rs, 1, 2, 16 * 60)
    s.rs_events(rs, rs["_podlist"])
    for p in rs["_podlist"]:
        crash_events(s, p, "api", first=16 * 60 - 3, restarts=7, last=15, bo_count=70)
        for prev in (True, False):
            s.log("catalog", p["metadata"]["name"], "api", "/bin/sh: 1: gunicron: not found\n", previous=prev)
    write(s, {"title": "catalog-api exits 127: typo in the start command (gunicron)",
              "description": "Revision 4 changed the command to /bin/sh -c 'gunicron ...'; the shell cannot find the binary and exits 127. The old ReplicaSet keeps one pod serving.",
              "expect": [{"category": "InvalidCommand", "resource": "Deployment/catalog/catalog-api"}], "maxRootCauses": 1})


# =========================================================================== 16-20 pending
def _pending(s, ns, name, c, msg, ago, replicas=2, spec_kw=None, series=None, neighbours=("frontend", "cart"), ns_labels=None, extra_setup=None, nres=None):
    base(s, ns=[ns])
    if extra_setup:
        extra_setup(s)
    std_neighbours(s, ns, neighbours, resources=nres)
    states = [{"node": None, "unschedulable": msg, "ago": ago - 1 - i} for i in range(replicas)]
    dep, rs = broken_deploy(s, ns, name, [c], states, ago, ago - 1, spec_kw=spec_kw,
                            conditions=unavailable_conditions(s, "{rs}", ago - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    for i, p in enumerate(rs["_podlist"]):
        s.sched_event(p, "FailedScheduling", msg, ago - 1 - i, series=(series or (ago // 300 + 1), 60 + 20 * i))
    return dep, rs


@scenario
def pending_insufficient_cpu():
    s = Snap("pending-insufficient-cpu", "2026-11-21T09:55:10Z", profile="kubeadm")
    c = s.container("inference", "ghcr.io/acme/ml-inference:0.14.2", ports=[{"containerPort": 8080, "name": "http"}],
                    resources={"limits": {"cpu": "3", "memory": "4Gi"}, "requests": {"cpu": "3", "memory": "4Gi"}}, readiness=http_probe("/v2/health/ready"))
    msg = ("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. "
           "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.")
    _pending(s, "ml", "ml-inference", c, msg, 42 * 60, neighbours=("feature-store", "model-registry"),
             nres={"limits": {"cpu": "2", "memory": "3Gi"}, "requests": {"cpu": "1", "memory": "2Gi"}})
    write(s, {"title": "ml-inference Pending: no node has 3 free CPUs",
              "description": "Each ml-inference pod requests 3 CPUs; the two 4-CPU workers already have more than 1 CPU requested by other pods and the control-plane node is tainted.",
              "expect": [{"category": "InsufficientResources", "resource": "Deployment/ml/ml-inference"}], "maxRootCauses": 1})


@scenario
def pending_insufficient_memory():
    s = Snap("pending-insufficient-memory", "2026-11-21T10:03:57Z", profile="eks")
    c = s.container("indexer", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/search-indexer:3.3.0", ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "JAVA_OPTS", "value": "-Xms16g -Xmx16g"}],
                    resources={"limits": {"memory": "20Gi"}, "requests": {"cpu": "1", "memory": "20Gi"}}, readiness=http_probe("/health"))
    msg = ("0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.")
    base_workers = 3
    dep, rs = None, None
    s.profile = "eks"
    base(s, workers=base_workers, ns=["search"])
    std_neighbours(s, "search", ("search-api", "query-suggest"))
    states = [{"node": None, "unschedulable": msg, "ago": 19 * 60 - i} for i in range(1)]
    dep, rs = broken_deploy(s, "search", "search-indexer", [c], states, 19 * 60, 19 * 60 - 1,
                            conditions=unavailable_conditions(s, "{rs}", 19 * 60 - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    s.sched_event(rs["_podlist"][0], "FailedScheduling", msg, 19 * 60 - 2, series=(5, 41))
    write(s, {"title": "search-indexer Pending: requests 20Gi memory on 16Gi nodes",
              "description": "The indexer requests 20Gi of memory; the m5.xlarge nodes have about 14.7Gi allocatable, so the pod can never be scheduled.",
              "expect": [{"category": "InsufficientResources", "resource": "Deployment/search/search-indexer"}], "maxRootCauses": 1})


@scenario
def pending_node_selector():
    s = Snap("pending-node-selector", "2026-11-21T09:41:30Z", profile="kubeadm")
    c = s.container("transcoder", "ghcr.io/acme/transcoder:2.0.1", ports=[{"containerPort": 8080, "name": "http"}],
                    resources={"limits": {"nvidia.com/gpu": "1", "memory": "2Gi"}, "requests": {"cpu": "500m", "memory": "1Gi", "nvidia.com/gpu": "1"}})
    msg = ("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. "
           "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")
    _pending(s, "media", "transcoder", c, msg, 2 * H, replicas=1, spec_kw={"node_selector": {"acme.io/accelerator": "nvidia-l4"}}, neighbours=("uploader", "thumbnails"))
    write(s, {"title": "transcoder Pending: nodeSelector acme.io/accelerator=nvidia-l4 matches no node",
              "description": "The pod requires a node labelled acme.io/accelerator=nvidia-l4; no node carries that label (the GPU pool was never added to this cluster).",
              "expect": [{"category": "NodeSelectorMismatch", "resource": "Deployment/media/transcoder"}], "maxRootCauses": 1})


@scenario
def pending_untolerated_taint():
    s = Snap("pending-untolerated-taint", "2026-11-21T10:10:05Z", profile="kubeadm")
    taint = [{"effect": "NoSchedule", "key": "dedicated", "value": "ingest"}]
    tol = [{"effect": "NoSchedule", "key": "dedicated", "operator": "Equal", "value": "ingest"}]
    s.workers = []
    base(s, ns=["ingest"], worker_overrides={"worker-1": {"taints": taint}, "worker-2": {"taints": taint}})
    # neighbours tolerate the taint
    for n, img in (("collector", "ghcr.io/acme/collector:4.0.3"), ("parser", "ghcr.io/acme/parser:4.0.3")):
        cc = s.container(n, img, ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
        sp = s.pod_template_spec([cc], tolerations=tol)
        dep, rs = s.deployment("ingest", n, 2, sp, [{"node": "worker-1", "ago": 5 * D}, {"node": "worker-2", "ago": 5 * D - 9}], ago=40 * D)
        s.service("ingest", n, {"app": n}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=40 * D)
    c = s.container("dedup", "ghcr.io/acme/dedup:1.0.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
    msg = ("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: ingest}. "
           "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")
    states = [{"node": None, "unschedulable": msg, "ago": 25 * 60 - i} for i in range(2)]
    dep, rs = broken_deploy(s, "ingest", "dedup", [c], states, 25 * 60, 25 * 60 - 1,
                            conditions=unavailable_conditions(s, "{rs}", 25 * 60 - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    for i, p in enumerate(rs["_podlist"]):
        s.sched_event(p, "FailedScheduling", msg, 25 * 60 - 1 - i, series=(6, 80 + 30 * i))
    write(s, {"title": "dedup Pending: workers are tainted dedicated=ingest and the pod has no toleration",
              "description": "Both workers carry the taint dedicated=ingest:NoSchedule; the other ingest Deployments tolerate it, the new dedup Deployment does not.",
              "expect": [{"category": "TaintNotTolerated", "resource": "Deployment/ingest/dedup"}], "maxRootCauses": 1})


@scenario
def pending_unbound_pvc():
    s = Snap("pending-unbound-pvc", "2026-11-21T09:50:44Z", profile="kubeadm")
    base(s, ns=["media"])
    s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "local-path", ago=118 * D,
          annotations={"storageclass.kubernetes.io/is-default-class": "true"}, provisioner="rancher.io/local-path",
          reclaimPolicy="Delete", volumeBindingMode="WaitForFirstConsumer")
    std_neighbours(s, "media", ("uploader", "thumbnails"))
    pvc = s.pvc("media", "uploads-data", "50Gi", storage_class="fast-ssd", ago=33 * 60, bound=False, labels={"app": "uploads"})
    c = s.container("uploads", "ghcr.io/acme/uploads:1.2.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(),
                    mounts=[{"mountPath": "/var/lib/uploads", "name": "data"}], readiness=http_probe("/healthz"))
    msg = "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    states = [{"node": None, "unschedulable": msg, "ago": 33 * 60 - 1}]
    dep, rs = broken_deploy(s, "media", "uploads", [c], states, 33 * 60, 33 * 60 - 1, spec_kw={"volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "uploads-data"}}]},
                            conditions=unavailable_conditions(s, "{rs}", 33 * 60 - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    s.sched_event(rs["_podlist"][0], "FailedScheduling", msg, 33 * 60 - 1, series=(7, 95))
    s.event(pvc, "ProvisioningFailed", 'storageclass.storage.k8s.io "fast-ssd" not found', type_="Warning", component="persistentvolume-controller",
            first=33 * 60, last=16, count=132)
    write(s, {"title": "uploads Pending: its PVC asks for StorageClass fast-ssd, which does not exist",
              "description": "PVC media/uploads-data stays Pending (ProvisioningFailed: storageclass \"fast-ssd\" not found), so the scheduler reports unbound immediate PersistentVolumeClaims. The fix belongs on the PVC (storageClassName local-path); the Deployment is linked to it.",
              "expect": [{"category": "VolumeBindingFailure", "resource": "PersistentVolumeClaim/media/uploads-data"}], "maxRootCauses": 1})

# =========================================================================== 21-23 init / probes
@scenario
def init_container_failure():
    s = Snap("init-container-failure", "2026-11-21T10:05:17Z", profile="kubeadm")
    base(s, ns=["catalog"])
    std_neighbours(s, "catalog", ("catalog-ui", "images"))
    s.secret("catalog", "catalog-db", {"DATABASE_URL": "postgresql://catalog:not-a-real-password@postgres.catalog.svc.cluster.local:5432/catalog"}, ago=80 * D)
    env = [{"name": "DATABASE_URL", "valueFrom": {"secretKeyRef": {"key": "DATABASE_URL", "name": "catalog-db"}}}]
    init = s.container("migrate", "ghcr.io/acme/catalog-api:8.3.0", command=["alembic", "upgrade", "head"], env=env, resources=res("100m", "128Mi", "256Mi"))
    c = s.container("api", "ghcr.io/acme/catalog-api:8.3.0", ports=[{"containerPort": 8000, "name": "http"}], env=env, resources=res("200m", "256Mi", "512Mi"), readiness=http_probe("/ping"))
    st = lambda a, b: {"init": {"migrate": crash_state(6, 1, last_start=a, last_end=b)}}
    dep, rs = broken_deploy(s, "catalog", "catalog-api", [c], [st(75, 72), st(190, 187)], 80 * D, 21 * 60, revision=9, generation=9,
                            spec_kw={"init": [init]}, old=[{"template_spec": s.pod_template_spec([dict(c, image="ghcr.io/acme/catalog-api:8.2.4")], init=[dict(init, image="ghcr.io/acme/catalog-api:8.2.4")]),
                                                             "replicas": 1, "pods": [{"node": "worker-2", "ago": 4 * D}], "revision": 8, "ago": 80 * D}],
                            conditions=[{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": s.at(80 * D)},
                                        {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated", "message": "{rs}", "lastTransitionTime": s.at(21 * 60)}], svc_port=80)
    dep["spec"]["replicas"] = 2
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.'
    for p in rs["_podlist"]:
        fix_backoff_msgs(p)
        crash_events(s, p, "migrate", first=21 * 60 - 3, restarts=6, last=20, bo_count=80, init=True)
        for prev, ago in ((True, 400), (False, 75)):
            t = lambda d: ts_log(s, ago - d, "%Y-%m-%d %H:%M:%S,{ms}")
            s.log("catalog", p["metadata"]["name"], "migrate", f"""INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
Traceback (most recent call last):
  File "/usr/local/bin/alembic", line 8, in <module>
    sys.exit(main())
             ^^^^^^
  File "/usr/local/lib/python3.12/site-packages/alembic/config.py", line 636, in main
    CommandLine(prog=prog).main(argv=argv)
  File "/usr/local/lib/python3.12/site-packages/alembic/config.py", line 626, in main
    self.run_cmd(cfg, options)
  File "/usr/local/lib/python3.12/site-packages/alembic/config.py", line 603, in run_cmd
    fn(
  File "/usr/local/lib/python3.12/site-packages/alembic/command.py", line 406, in upgrade
    script.run_env()
  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 582, in run_env
    util.load_python_file(self.dir, "env.py")
  File "/app/migrations/env.py", line 71, in <module>
    run_migrations_online()
  File "/app/migrations/env.py", line 65, in run_migrations_online
    context.run_migrations()
  File "/usr/local/lib/python3.12/site-packages/alembic/runtime/migration.py", line 617, in run_migrations
    for step in self._migrations_fn(heads, self):
  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 222, in _catch_revision_errors
    raise util.CommandError(resolution) from re
alembic.util.exc.CommandError: Can't locate revision identified by '7c41e9a2d0f3'
""", previous=prev)
    write(s, {"title": "catalog-api rollout blocked: init container migrate fails (unknown alembic revision)",
              "description": "The new pods stay in Init:CrashLoopBackOff: the migrate init container exits 1 because the database is stamped with a revision the 8.3.0 image does not know. The old ReplicaSet keeps one pod serving.",
              "expect": [{"category": "InitContainerFailure", "resource": "Deployment/catalog/catalog-api"}], "maxRootCauses": 1})


@scenario
def readiness_probe_failure():
    s = Snap("readiness-probe-failure", "2026-11-21T09:53:21Z", profile="eks")
    base(s, workers=3, ns=["search"])
    std_neighbours(s, "search", ("search-ui", "query-suggest"))
    c = s.container("ranker", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:5.0.0", ports=[{"containerPort": 8080, "name": "http"}],
                    env=[{"name": "MODEL_PATH", "value": "/models/ranker-v5.onnx"}], resources=res("500m", "1Gi", "2Gi"),
                    readiness=http_probe("/ready", periodSeconds=5), liveness=http_probe("/live", initialDelaySeconds=30, periodSeconds=15))
    states = [{"all": {"s": "running", "ready": False, "started": 38 * 60 - 5}}, {"all": {"s": "running", "ready": False, "started": 38 * 60 - 8}}]
    dep, rs = broken_deploy(s, "search", "ranker", [c], states, 38 * 60, 38 * 60 - 1,
                            conditions=unavailable_conditions(s, "{rs}", 38 * 60 - 1, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    dep["status"]["conditions"][1].update({"status": "False", "reason": "ProgressDeadlineExceeded", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has timed out progressing.',
                                           "lastTransitionTime": s.at(28 * 60), "lastUpdateTime": s.at(28 * 60)})
    for i, p in enumerate(rs["_podlist"]):
        pa = 38 * 60 - 1 - 2 * i
        s.event(p, "Pulling", f'Pulling image "{c["image"]}"', first=pa - 2, field_path="spec.containers{ranker}")
        s.event(p, "Pulled", f'Successfully pulled image "{c["image"]}" in 3.102s (3.102s including waiting). Image size: 412883221 bytes.', first=pa - 5, field_path="spec.containers{ranker}")
        s.event(p, "Created", "Created container: ranker", first=pa - 5, field_path="spec.containers{ranker}")
        s.event(p, "Started", "Started container: ranker", first=pa - 5, field_path="spec.containers{ranker}")
        s.event(p, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", first=pa - 9, last=3, count=452 - i, field_path="spec.containers{ranker}")
        lines = [f'{{"time":"{ts_log(s, 38 * 60 - 6)}","level":"INFO","msg":"ranker starting","version":"5.0.0","model_path":"/models/ranker-v5.onnx"}}',
                 f'{{"time":"{ts_log(s, 38 * 60 - 6)}","level":"ERROR","msg":"model load failed, will retry","err":"open /models/ranker-v5.onnx: no such file or directory","retry_in":"30s"}}',
                 f'{{"time":"{ts_log(s, 38 * 60 - 6)}","level":"INFO","msg":"http server listening","addr":":8080"}}']
        for ago in range(38 * 60 - 36, 0, -300):
            lines.append(f'{{"time":"{ts_log(s, ago)}","level":"ERROR","msg":"model load failed, will retry","err":"open /models/ranker-v5.onnx: no such file or directory","retry_in":"30s"}}')
            lines.append(f'{{"time":"{ts_log(s, ago - 2)}","level":"WARN","msg":"readiness check failed","status":503,"reason":"model not loaded"}}')
        s.log("search", p["metadata"]["name"], "ranker", "\n".join(lines))
    write(s, {"title": "ranker pods run but never become Ready (readiness probe 503)",
              "description": "Both ranker pods are Running with 0/1 ready; the readiness probe gets 503 because the model file is missing, so Service search/ranker has only notReadyAddresses.",
              "expect": [{"category": "ReadinessProbeFailure", "resource": "Deployment/search/ranker"}], "maxRootCauses": 1})


@scenario
def liveness_probe_failure():
    s = Snap("liveness-probe-failure", "2026-11-21T10:01:49Z", profile="kubeadm")
    base(s, ns=["edge"])
    std_neighbours(s, "edge", ("auth", "ratelimit"))
    c = s.container("gateway", "ghcr.io/acme/gateway:3.12.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res("250m", "256Mi", "512Mi"),
                    readiness=http_probe("/healthz", periodSeconds=10), liveness=http_probe("/healthz", initialDelaySeconds=10, periodSeconds=10, timeoutSeconds=1, failureThreshold=3))
    states = [{"all": {"s": "running", "ready": True, "started": 212, "restarts": 5, "last": {"exit": 137, "reason": "Error", "started": 560, "finished": 224}}, "ready_since": 200},
              {"all": {"s": "running", "ready": False, "started": 31, "restarts": 6, "last": {"exit": 137, "reason": "Error", "started": 380, "finished": 33}}, "unready_since": 33}]
    dep, rs = broken_deploy(s, "edge", "gateway", [c], states, 60 * D, 55 * 60, revision=14, generation=14, svc_port=80)
    for p in rs["_podlist"]:
        ip = p["status"]["podIP"]
        fp = "spec.containers{gateway}"
        n = p["status"]["containerStatuses"][0]["restartCount"]
        s.event(p, "Unhealthy", f'Liveness probe failed: Get "http://{ip}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', type_="Warning", first=50 * 60, last=40, count=3 * n + 2, field_path=fp)
        s.event(p, "Unhealthy", f'Readiness probe failed: Get "http://{ip}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', type_="Warning", first=50 * 60, last=40, count=3 * n + 4, field_path=fp)
        s.event(p, "Killing", "Container gateway failed liveness probe, will be restarted", first=49 * 60, last=40 + (190 if n == 5 else 0), count=n, field_path=fp)
        s.event(p, "Pulled", f'Container image "{c["image"]}" already present on machine', first=48 * 60, last=30 + (190 if n == 5 else 0), count=n, field_path=fp)
        s.event(p, "Created", "Created container: gateway", first=48 * 60, last=30 + (190 if n == 5 else 0), count=n, field_path=fp)
        s.event(p, "Started", "Started container: gateway", first=48 * 60, last=30 + (190 if n == 5 else 0), count=n, field_path=fp)
        for prev, ago in ((True, 560 if n == 5 else 380), (False, 212 if n == 5 else 31)):
            lines = [f'{ts_log(s, ago, "%Y/%m/%d %H:%M:%S")} gateway 3.12.0 listening on :8080 (upstreams: auth.edge.svc.cluster.local:80, ratelimit.edge.svc.cluster.local:80)']
            if prev or n == 5:
                for k in range(5):
                    lines.append(f'{ts_log(s, ago - 20 - k * 30, "%Y/%m/%d %H:%M:%S")} WARN route table reload took {2 + k}.{s.rng.randint(100, 999)}s (holding global lock)')
                lines.append(f'{ts_log(s, ago - 190, "%Y/%m/%d %H:%M:%S")} WARN 512 goroutines waiting on routeTable.mu')
                lines.append(f'{ts_log(s, ago - 210, "%Y/%m/%d %H:%M:%S")} INFO received terminated, shutting down')
            s.log("edge", p["metadata"]["name"], "gateway", "\n".join(lines), previous=prev)
    write(s, {"title": "gateway containers are restarted by a failing liveness probe",
              "description": "The gateway stops answering /healthz within the 1s probe timeout while it holds a global lock; kubelet kills it ('failed liveness probe, will be restarted'), exit 137 reason Error (not OOM).",
              "expect": [{"category": "LivenessProbeFailure", "resource": "Deployment/edge/gateway"}], "maxRootCauses": 1})

# =========================================================================== 24 evictions
@scenario
def evicted_pods_memory_pressure():
    s = Snap("evicted-pods-memory-pressure", "2026-11-21T09:59:02Z", profile="kubeadm")
    mp = {"MemoryPressure": {"lastTransitionTime": s.at(9 * 60)}}
    base(s, ns=["etl"], worker_overrides={"worker-2": {"conditions": mp}})
    std_neighbours(s, "etl", ("scheduler-ui", "api"))
    c = s.container("worker", "ghcr.io/acme/etl-worker:2.5.1", resources={"requests": {"cpu": "250m", "memory": "512Mi"}},
                    env=[{"name": "BATCH_SIZE", "value": "200000"}])
    msg = lambda used: (f"The node was low on resource: memory. Threshold quantity: 100Mi, available: {s.rng.randint(80000, 99000)}Ki. "
                        f"Container worker was using {used}Ki, request is 512Mi, has larger consumption of memory. ")
    ev_states = []
    for i, used in enumerate((1825436, 1710220, 1633904)):
        m = msg(used)
        ago_ev = 23 * 60 - i * 140
        ev_states.append({"node": "worker-2", "ago": 2 * H + i * 300, "phase": "Failed", "reason": "Evicted", "message": m, "terminal_at": ago_ev,
                          "all": {"s": "terminated", "exit": 137, "reason": "ContainerStatusUnknown", "message": "The container could not be located when the pod was terminated",
                                  "started": 2 * H - 5, "finished": ago_ev}, "unready_since": ago_ev, "sandbox": False,
                          "disruption": {"lastProbeTime": None, "lastTransitionTime": s.at(ago_ev), "message": m.strip() if False else m, "reason": "TerminationByKubelet", "status": "True", "type": "DisruptionTarget"}})
    good = [{"node": "worker-1", "ago": 23 * 60 - 1}, {"node": "worker-1", "ago": 23 * 60 - 141}, {"node": "worker-2", "ago": 23 * 60 - 281 + 900}]
    spec = s.pod_template_spec([c])
    dep, rs = s.deployment("etl", "etl-worker", 3, spec, ev_states + good, ago=30 * D, revision=3, generation=3, rs_ago=2 * H + 1000)
    pods = rs["_podlist"]
    for p in pods[:3]:
        p["status"]["containerStatuses"][0]["state"]["terminated"]["startedAt"] = None
        m = p["status"]["message"]
        ago_ev = (s.T - __import__("k8sgen")._parse(p["status"]["conditions"][0]["lastTransitionTime"])).total_seconds()
        s.event(p, "Evicted", m.rstrip(), type_="Warning", first=ago_ev)
        s.event(p, "Killing", "Stopping container worker", first=ago_ev, field_path="spec.containers{worker}")
    s.rs_events(rs, pods[3:])
    for p in pods[3:]:
        age = (s.T - __import__("k8sgen")._parse(p["metadata"]["creationTimestamp"])).total_seconds()
        s.start_events(p, age)
    node = s.nodes["worker-2"]
    s.event(node, "EvictionThresholdMet", "Attempting to reclaim memory", type_="Warning", first=24 * 60, last=22 * 60, count=3, host="worker-2")
    s.event(node, "NodeHasInsufficientMemory", "Node worker-2 status is now: NodeHasInsufficientMemory", first=24 * 60, host="worker-2")
    s.event(node, "NodeHasSufficientMemory", "Node worker-2 status is now: NodeHasSufficientMemory", first=9 * 60, host="worker-2")
    write(s, {"title": "worker-2 hit MemoryPressure and evicted three etl-worker pods",
              "description": "etl-worker pods request 512Mi but use ~1.7Gi with no limit; worker-2 crossed the memory.available<100Mi threshold and kubelet evicted them (phase Failed, reason Evicted). The node has recovered and replacements run.",
              "expect": [{"category": "NodePressure", "resource": "Node/worker-2"}]})


# =========================================================================== 25 rollout stuck on image pull
@scenario
def rollout_progress_deadline():
    s = Snap("rollout-progress-deadline", "2026-11-21T10:08:08Z", profile="eks")
    base(s, workers=3, ns=["api"])
    std_neighbours(s, "api", ("web", "worker"))
    img_old, img_new = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/public-api:4.1.9", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/public-api:4.2.0-amd46"
    mk = lambda img: s.container("api", img, ports=[{"containerPort": 8080, "name": "http"}], resources=res("250m", "512Mi", "1Gi"), readiness=http_probe("/healthz"))
    err = (f'rpc error: code = NotFound desc = failed to pull and unpack image "{img_new}": failed to resolve reference "{img_new}": {img_new}: not found')
    w = s.workers
    new_states = [{"node": w[0], "ago": 25 * 60, "all": {"s": "waiting", "reason": "ImagePullBackOff", "message": f'Back-off pulling image "{img_new}": ErrImagePull: {err}'}},
                  {"node": w[1], "ago": 25 * 60 - 1, "all": {"s": "waiting", "reason": "ImagePullBackOff", "message": f'Back-off pulling image "{img_new}": ErrImagePull: {err}'}}]
    old = [{"template_spec": s.pod_template_spec([mk(img_old)]), "replicas": 3, "pods": [{"node": w[i % 3], "ago": 6 * D - i * 9} for i in range(3)], "revision": 11, "ago": 120 * D}]
    dep, rs = s.deployment("api", "public-api", 4, s.pod_template_spec([mk(img_new)]), new_states, ago=120 * D, revision=12, generation=12, rs_ago=25 * 60 + 1, old_rs=old,
                           status_override={"rs_spec_replicas": 2})
    old_rs = dep["_rslist"][0]
    old_rs["spec"]["replicas"] = 3
    dep["status"]["conditions"] = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": s.at(119 * D), "lastUpdateTime": s.at(119 * D)},
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has timed out progressing.',
         "lastTransitionTime": s.at(15 * 60), "lastUpdateTime": s.at(15 * 60)}]
    dep["status"]["unavailableReplicas"] = 2
    s.service("api", "public-api", {"app": "public-api"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=120 * D)
    dep_scaled_event(s, dep, rs, 0, 1, 25 * 60 + 1)
    dep_scaled_event(s, dep, old_rs, 4, 3, 25 * 60, down=True)
    dep_scaled_event(s, dep, rs, 1, 2, 25 * 60)
    s.rs_events(rs, rs["_podlist"])
    for i, p in enumerate(rs["_podlist"]):
        scheduled(s, p, 25 * 60 - i)
        pull_fail_events(s, p, "api", img_new, err, first=25 * 60 - 2, last=20 + 30 * i, count_pull=7, count_backoff=104 - i)
    write(s, {"title": "public-api rollout exceeded its progress deadline: new image tag does not exist",
              "description": "Revision 12 uses tag 4.2.0-amd46 (typo for amd64). The two new pods are in ImagePullBackOff, Progressing=False ProgressDeadlineExceeded, while the old ReplicaSet still serves 3 of 4 replicas.",
              "expect": [{"category": "ImagePullFailure", "resource": "Deployment/api/public-api"}], "maxRootCauses": 1})


# =========================================================================== 26-27 admission
@scenario
def quota_exceeded():
    s = Snap("quota-exceeded", "2026-11-21T09:46:55Z", profile="kubeadm")
    base(s, ns=["team-a"])
    r = {"limits": {"cpu": "1", "memory": "1Gi"}, "requests": {"cpu": "250m", "memory": "512Mi"}}
    healthy_app(s, "team-a", "api", "ghcr.io/team-a/api:2.3.1", replicas=2, ago=50 * D, pod_ago=3 * D, resources=r)
    healthy_app(s, "team-a", "web", "ghcr.io/team-a/web:2.3.1", replicas=1, ago=50 * D, pod_ago=3 * D, resources={"limits": {"cpu": "500m", "memory": "1536Mi"}, "requests": {"cpu": "100m", "memory": "256Mi"}})
    s.obj("config.yaml", "v1", "ResourceQuota", "compute-quota", "team-a", ago=50 * D,
          spec={"hard": {"limits.cpu": "4", "limits.memory": "4Gi", "pods": "10", "requests.cpu": "2", "requests.memory": "2Gi"}},
          status={"hard": {"limits.cpu": "4", "limits.memory": "4Gi", "pods": "10", "requests.cpu": "2", "requests.memory": "2Gi"},
                  "used": {"limits.cpu": "2500m", "limits.memory": "3584Mi", "pods": "3", "requests.cpu": "600m", "requests.memory": "1280Mi"}})
    s.obj("config.yaml", "v1", "LimitRange", "defaults", "team-a", ago=50 * D,
          spec={"limits": [{"default": {"cpu": "500m", "memory": "512Mi"}, "defaultRequest": {"cpu": "100m", "memory": "128Mi"}, "type": "Container"}]})
    c = s.container("report-gen", "ghcr.io/team-a/report-gen:1.0.0", resources={"limits": {"cpu": "1", "memory": "1Gi"}, "requests": {"cpu": "250m", "memory": "512Mi"}})
    ago = 28 * 60
    dep, rs = s.deployment("team-a", "report-gen", 2, s.pod_template_spec([c]), [], ago=ago, status_override={"rs_spec_replicas": 2})
    msg = 'pods "{0}-" is forbidden: exceeded quota: compute-quota, requested: limits.memory=1Gi, used: limits.memory=3584Mi, limited: limits.memory=4Gi'.format(rs["metadata"]["name"])
    rs["spec"]["replicas"] = 2
    rs["status"] = {"conditions": [{"lastTransitionTime": s.at(ago - 1), "message": msg, "reason": "FailedCreate", "status": "True", "type": "ReplicaFailure"}],
                    "observedGeneration": 1, "replicas": 0}
    dep["status"] = {"conditions": [
        {"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.", "lastTransitionTime": s.at(ago - 1), "lastUpdateTime": s.at(ago - 1)},
        {"type": "ReplicaFailure", "status": "True", "reason": "FailedCreate", "message": msg, "lastTransitionTime": s.at(ago - 1), "lastUpdateTime": s.at(ago - 1)},
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has timed out progressing.', "lastTransitionTime": s.at(ago - 601), "lastUpdateTime": s.at(ago - 601)}],
        "observedGeneration": 1, "unavailableReplicas": 2}
    dep_scaled_event(s, dep, rs, 0, 2, ago - 1)
    s.event(rs, "FailedCreate", "Error creating: " + msg, type_="Warning", component="replicaset-controller", first=ago - 1, last=74, count=19)
    write(s, {"title": "report-gen cannot create pods: ResourceQuota compute-quota exhausted (limits.memory)",
              "description": "The ReplicaSet gets 'exceeded quota: compute-quota, requested: limits.memory=1Gi, used: limits.memory=3584Mi, limited: limits.memory=4Gi' on every create; no pod exists.",
              "expect": [{"category": "QuotaExceeded", "resource": "Deployment/team-a/report-gen"}], "maxRootCauses": 1})


@scenario
def pod_security_violation():
    s = Snap("pod-security-violation", "2026-11-21T10:12:36Z", profile="gke", version="v1.31.5")
    psa = {"pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest",
           "pod-security.kubernetes.io/warn": "restricted"}
    base(s, workers=3, ns=["logging"], ns_labels={"logging": psa})
    sec = {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
    for n in ("log-query", "log-ui"):
        cc = s.container(n, f"europe-west1-docker.pkg.dev/acme-prod-4411/apps/{n}:1.8.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(),
                         readiness=http_probe("/healthz"), security=sec)
        dep, rs = s.deployment("logging", n, 1, s.pod_template_spec([cc], security={"runAsUser": 10001, "fsGroup": 10001}), [{"node": s.workers[0], "ago": 2 * D}], ago=30 * D)
        s.service("logging", n, {"app": n}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=30 * D)
    c = s.container("shipper", "fluent/fluent-bit:3.2.2", resources=res("50m", "64Mi", "128Mi"),
                    mounts=[{"mountPath": "/var/log", "name": "varlog", "readOnly": True}])
    spec = s.pod_template_spec([c], volumes=[{"hostPath": {"path": "/var/log", "type": ""}, "name": "varlog"}])
    ago = 14 * 60
    dep, rs = s.deployment("logging", "log-shipper", 1, spec, [], ago=ago, status_override={"rs_spec_replicas": 1})
    rs["spec"]["replicas"] = 1
    msg = (f'pods "{rs["metadata"]["name"]}-" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false '
           '(container "shipper" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "shipper" must set '
           'securityContext.capabilities.drop=["ALL"]), restricted volume types (volume "varlog" uses restricted volume type "hostPath"), '
           'runAsNonRoot != true (pod or container "shipper" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "shipper" '
           'must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")')
    rs["status"] = {"conditions": [{"lastTransitionTime": s.at(ago - 1), "message": msg, "reason": "FailedCreate", "status": "True", "type": "ReplicaFailure"}], "observedGeneration": 1, "replicas": 0}
    dep["status"] = {"conditions": [
        {"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.", "lastTransitionTime": s.at(ago - 1), "lastUpdateTime": s.at(ago - 1)},
        {"type": "ReplicaFailure", "status": "True", "reason": "FailedCreate", "message": msg, "lastTransitionTime": s.at(ago - 1), "lastUpdateTime": s.at(ago - 1)},
        {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated", "message": f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.', "lastTransitionTime": s.at(ago - 1), "lastUpdateTime": s.at(ago - 1)}],
        "observedGeneration": 1, "unavailableReplicas": 1}
    dep_scaled_event(s, dep, rs, 0, 1, ago - 1)
    s.event(rs, "FailedCreate", "Error creating: " + msg, type_="Warning", component="replicaset-controller", first=ago - 1, last=120, count=13)
    write(s, {"title": "log-shipper pods rejected by Pod Security admission (restricted)",
              "description": "Namespace logging enforces pod-security restricted:latest; the log-shipper pod template mounts a hostPath and sets no securityContext, so the ReplicaSet's creates are forbidden.",
              "expect": [{"category": "PodSecurityViolation", "resource": "Deployment/logging/log-shipper"}], "maxRootCauses": 1})


# =========================================================================== 28-29 services
@scenario
def service_selector_mismatch():
    s = Snap("service-selector-mismatch", "2026-11-21T09:43:18Z", profile="kubeadm")
    base(s, ns=["shop"])
    std_neighbours(s, "shop", ("frontend",))
    dep, rs, _ = healthy_app(s, "shop", "payments", "ghcr.io/acme/payments:5.3.0", ago=70 * D, pod_ago=2 * D, svc=False)
    svc = s.service("shop", "payment", {"app": "payment"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=40 * 60, labels={"app": "payments"})
    cdep, crs, _ = healthy_app(s, "shop", "checkout", "ghcr.io/acme/checkout:1.9.0", port=3000, ago=70 * D, pod_ago=2 * D,
                               env=[{"name": "PAYMENT_URL", "value": "http://payment.shop.svc.cluster.local/v1"}])
    ip = svc["spec"]["clusterIP"]
    for p in crs["_podlist"]:
        lines = []
        for ago in range(39 * 60, 0, -173):
            oid = s.rng.randint(100000, 999999)
            lines.append(f'{{"level":50,"time":{int((s.T.timestamp() - ago) * 1000)},"pid":1,"hostname":"{p["metadata"]["name"]}","orderId":{oid},"err":{{"type":"Error","message":"connect ECONNREFUSED {ip}:80","stack":"Error: connect ECONNREFUSED {ip}:80\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"{ip}","port":80}},"msg":"payment authorization failed"}}')
        s.log("shop", p["metadata"]["name"], "checkout", "\n".join(lines))
    write(s, {"title": "Service shop/payment selects app=payment but the pods are labelled app=payments",
              "description": "The Service created 40 minutes ago has a selector that matches no pod, so its Endpoints have no subsets; checkout gets ECONNREFUSED on the ClusterIP. The payments pods themselves are healthy.",
              "expect": [{"category": "ServiceSelectorMismatch", "resource": "Service/shop/payment"}], "maxRootCauses": 1})


@scenario
def service_targetport_mismatch():
    s = Snap("service-targetport-mismatch", "2026-11-21T10:14:44Z", profile="kubeadm")
    base(s, ns=["web", "ingress-nginx"])
    std_neighbours(s, "web", ("api",))
    c = s.container("frontend", "ghcr.io/acme/frontend:7.0.2", ports=[{"containerPort": 3000, "name": "http"}], resources=res(),
                    env=[{"name": "PORT", "value": "3000"}], readiness=http_probe("/api/health"), liveness=http_probe("/api/health", initialDelaySeconds=10))
    dep, rs = s.deployment("web", "frontend", 2, s.pod_template_spec([c]), [{"node": "worker-1", "ago": 3 * H}, {"node": "worker-2", "ago": 3 * H - 11}], ago=90 * D, revision=21, generation=21)
    svc = s.service("web", "frontend", {"app": "frontend"}, [{"name": "http", "port": 80, "targetPort": 8080}], ago=90 * D)
    s.ingress("web", "frontend", "www.example.com", "frontend", 80, ago=90 * D, tls_secret="www-example-com-tls")
    s.obj("services.yaml", "networking.k8s.io/v1", "IngressClass", "nginx", ago=100 * D, spec={"controller": "k8s.io/ingress-nginx"})
    ic = s.container("controller", "registry.k8s.io/ingress-nginx/controller:v1.11.3", ports=[{"containerPort": 80, "name": "http"}, {"containerPort": 443, "name": "https"}],
                     resources={"requests": {"cpu": "100m", "memory": "90Mi"}}, readiness=http_probe("/healthz", 10254))
    idep, irs = s.deployment("ingress-nginx", "ingress-nginx-controller", 1, s.pod_template_spec([ic], sa="ingress-nginx"), [{"node": "worker-2", "ago": 9 * D}], ago=100 * D,
                             labels={"app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx"})
    s.service("ingress-nginx", "ingress-nginx-controller", dict(idep["spec"]["selector"]["matchLabels"]), [{"name": "http", "port": 80, "targetPort": "http"}, {"name": "https", "port": 443, "targetPort": "https"}], ago=100 * D, type_="LoadBalancer")
    s.get("Service", "ingress-nginx", "ingress-nginx-controller")["status"] = {"loadBalancer": {"ingress": [{"ip": "203.0.113.24", "ipMode": "VIP"}]}}
    s.secret("web", "www-example-com-tls", {"tls.crt": "-----BEGIN CERTIFICATE-----\nMIIF...\n-----END CERTIFICATE-----\n", "tls.key": "REDACTED"}, type_="kubernetes.io/tls", ago=20 * D)
    pips = [p["status"]["podIP"] for p in rs["_podlist"]]
    lines = []
    for k, ago in enumerate(range(2 * H + 1500, 10, -131)):
        ip = pips[k % 2]
        t = ts_log(s, ago, "%Y/%m/%d %H:%M:%S")
        lines.append(f'{t} [error] 31#31: *{48211 + k * 17} connect() failed (111: Connection refused) while connecting to upstream, client: 10.10.0.1, server: www.example.com, request: "GET / HTTP/2.0", upstream: "http://{ip}:8080/", host: "www.example.com"')
        lines.append(f'10.10.0.1 - - [{ts_log(s, ago, "%d/%b/%Y:%H:%M:%S +0000")}] "GET / HTTP/2.0" 502 150 "-" "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0" 31 0.001 [web-frontend-80] [] {ip}:8080, {pips[(k + 1) % 2]}:8080 0, 0 0.000, 0.001 502, 502 {s.hexs(32)}')
    s.log("ingress-nginx", irs["_podlist"][0]["metadata"]["name"], "controller", "\n".join(lines))
    for p in rs["_podlist"]:
        s.log("web", p["metadata"]["name"], "frontend", f"  ▲ Next.js 15.0.3\n  - Local:        http://{p['metadata']['name']}:3000\n  - Network:      http://{p['status']['podIP']}:3000\n\n ✓ Starting...\n ✓ Ready in 412ms\n")
    write(s, {"title": "Service web/frontend targets port 8080 but the container listens on 3000",
              "description": "The frontend pods are Ready (probes use the named port http=3000), so Endpoints list them on port 8080 where nothing listens; ingress-nginx gets connection refused and returns 502.",
              "expect": [{"category": "ServicePortMismatch", "resource": "Service/web/frontend"}], "maxRootCauses": 1})

# =========================================================================== 30-32
@scenario
def dependency_connection_refused():
    s = Snap("dependency-connection-refused", "2026-11-21T10:03:31Z", profile="kubeadm")
    base(s, ns=["billing"])
    std_neighbours(s, "billing", ("invoice-ui",))
    pc = s.container("postgres", "postgres:16.4", ports=[{"containerPort": 5432, "name": "postgres"}], resources=res("250m", "512Mi", "1Gi"),
                     env=[{"name": "PGDATA", "value": "/var/lib/postgresql/data/pgdata"}, {"name": "POSTGRES_PASSWORD", "valueFrom": {"secretKeyRef": {"key": "password", "name": "postgres"}}}],
                     readiness={"exec": {"command": ["pg_isready", "-U", "postgres"]}}, mounts=[{"mountPath": "/var/lib/postgresql/data", "name": "data"}])
    s.secret("billing", "postgres", {"password": "not-a-real-password"}, ago=200 * D)
    sts = s.statefulset("billing", "postgres", 0, s.pod_template_spec([pc]), [], "postgres", ago=200 * D,
                        vct=[{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"},
                              "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "20Gi"}}, "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}])
    sts["metadata"]["generation"] = 4
    sts["status"]["observedGeneration"] = 4
    s.pvc("billing", "data-postgres-0", "20Gi", storage_class="local-path", ago=200 * D, labels={"app": "postgres"})
    svc = s.service("billing", "postgres", {"app": "postgres"}, [{"name": "postgres", "port": 5432, "targetPort": "postgres"}], ago=200 * D, cluster_ip="10.96.45.12")
    s.event(sts, "SuccessfulDelete", "delete Pod postgres-0 in StatefulSet postgres successful", component="statefulset-controller", first=47 * 60)
    c = s.container("api", "ghcr.io/acme/billing-api:3.4.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(),
                    env=[{"name": "DATABASE_URL", "value": "postgres://billing@postgres.billing.svc.cluster.local:5432/billing?sslmode=disable"}], readiness=http_probe("/healthz"))
    states = [{"node": "worker-1", "ago": 4 * D, "all": crash_state(12, 1, last_start=64, last_end=59)},
              {"node": "worker-2", "ago": 4 * D - 8, "all": crash_state(12, 1, last_start=171, last_end=166)}]
    dep, rs = s.deployment("billing", "billing-api", 2, s.pod_template_spec([c]), states, ago=200 * D, revision=17, generation=17, rs_ago=4 * D + 10,
                           conditions=unavailable_conditions(s, "x", 45 * 60, "NewReplicaSetAvailable"))
    fix_rs_name_in_conditions(dep, rs)
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.'
    dep["status"]["conditions"][1]["lastTransitionTime"] = s.at(200 * D)
    s.service("billing", "billing-api", {"app": "billing-api"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=200 * D)
    for p in rs["_podlist"]:
        crash_events(s, p, "api", first=46 * 60, restarts=12, last=25, bo_count=190)
        for prev, ago in ((True, 420), (False, 64)):
            lines = [f'time={ts_log(s, ago)} level=INFO msg="billing-api starting" version=3.4.0']
            for k in range(5):
                lines.append(f'time={ts_log(s, ago - k)} level=WARN msg="database not reachable, retrying" attempt={k + 1} err="failed to connect to `user=billing database=billing`: 10.96.45.12:5432 (postgres.billing.svc.cluster.local): dial error: dial tcp 10.96.45.12:5432: connect: connection refused"')
            lines.append(f'time={ts_log(s, ago - 5)} level=ERROR msg="giving up on database" err="failed to connect to `user=billing database=billing`: 10.96.45.12:5432 (postgres.billing.svc.cluster.local): dial error: dial tcp 10.96.45.12:5432: connect: connection refused"')
            s.log("billing", p["metadata"]["name"], "api", "\n".join(lines), previous=prev)
    write(s, {"title": "billing-api crash-loops because postgres is scaled to 0",
              "description": "StatefulSet billing/postgres was scaled to 0 replicas 47 minutes ago; the postgres Service has no endpoints, connections to 10.96.45.12:5432 are refused and billing-api exits after its retries.",
              "expect": [{"category": "DependencyUnavailable", "resource": "Deployment/billing/billing-api"}], "maxRootCauses": 1})


@scenario
def rbac_forbidden_in_logs():
    s = Snap("rbac-forbidden-in-logs", "2026-11-21T09:48:49Z", profile="eks")
    base(s, workers=3, ns=["ops"])
    std_neighbours(s, "ops", ("status-page",))
    s.obj("config.yaml", "v1", "ServiceAccount", "reporter", "ops", ago=9 * D)
    s.obj("rbac.yaml", "rbac.authorization.k8s.io/v1", "Role", "reporter", "ops", ago=9 * D,
          rules=[{"apiGroups": [""], "resources": ["pods", "events"], "verbs": ["get", "list", "watch"]}])
    s.obj("rbac.yaml", "rbac.authorization.k8s.io/v1", "RoleBinding", "reporter", "ops", ago=9 * D,
          roleRef={"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reporter"},
          subjects=[{"kind": "ServiceAccount", "name": "reporter", "namespace": "ops"}])
    c = s.container("reporter", "ghcr.io/acme/cluster-reporter:0.6.1", args=["--all-namespaces", "--interval=60s"], ports=[{"containerPort": 8080, "name": "metrics"}],
                    resources=res("50m", "64Mi", "128Mi"))
    dep, rs = s.deployment("ops", "reporter", 1, s.pod_template_spec([c], sa="reporter"), [{"node": s.workers[1], "ago": 9 * D - 60}], ago=9 * D)
    p = rs["_podlist"][0]
    lines = [f'I{ts_log(s, 9 * D - 70, "%m%d %H:%M:%S.{ms}")}000       1 main.go:58] "Starting cluster-reporter" version="0.6.1" allNamespaces=true interval="1m0s"']
    for ago in range(3500, 0, -211):
        t = ts_log(s, ago, "%m%d %H:%M:%S.{ms}") + "%03d" % s.rng.randint(0, 999)
        lines.append(f'W{t}       1 reflector.go:561] k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to list *v1.Pod: pods is forbidden: User "system:serviceaccount:ops:reporter" cannot list resource "pods" in API group "" at the cluster scope')
        lines.append(f'E{t}       1 reflector.go:158] "Unhandled Error" err="k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.Pod: failed to list *v1.Pod: pods is forbidden: User \\"system:serviceaccount:ops:reporter\\" cannot list resource \\"pods\\" in API group \\"\\" at the cluster scope" logger="UnhandledError"')
    s.log("ops", p["metadata"]["name"], "reporter", "\n".join(lines))
    write(s, {"title": "reporter cannot list pods cluster-wide: its Role is namespaced",
              "description": "cluster-reporter runs with --all-namespaces under ServiceAccount ops/reporter, which only has a namespaced Role in ops. Its informer logs 'pods is forbidden ... at the cluster scope' every retry; the pod itself stays Running.",
              "expect": [{"category": "PermissionDenied", "resource": "Deployment/ops/reporter"}], "maxRootCauses": 1})


@scenario
def daemonset_crashloop():
    s = Snap("daemonset-crashloop", "2026-11-21T10:05:58Z", profile="kubeadm")
    base(s, ns=["logging"])
    std_neighbours(s, "logging", ("log-query",))
    s.configmap("logging", "fluent-bit", {"fluent-bit.conf": "[SERVICE]\n    Flush         1\n    Log_Level     info\n    Parsers_File  parsers.conf\n\n[INPUT]\n    Name              tail\n    Path              /var/log/containers/*.log\n    multiline.parser  cri\n    Tag               kube.*\n\n[OUTPUT]\n    Name            es\n    Match           kube.*\n    Host            elasticsearch.logging.svc\n    Port            9200\n    Logstash_Format On\n    Retry_Limit     False\n    Suppress_Type_Name On\n    tls.verify      Of\n"}, ago=38 * 60)
    c = s.container("fluent-bit", "cr.fluentbit.io/fluent/fluent-bit:3.2.2", ports=[{"containerPort": 2020, "name": "http"}], resources=res("50m", "64Mi", "128Mi"),
                    mounts=[{"mountPath": "/fluent-bit/etc/fluent-bit.conf", "name": "config", "subPath": "fluent-bit.conf"} if False else {"mountPath": "/fluent-bit/etc", "name": "config"},
                            {"mountPath": "/var/log", "name": "varlog", "readOnly": True}])
    spec = s.pod_template_spec([c], sa="fluent-bit", tolerations=[{"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane", "operator": "Exists"}],
                               volumes=[{"configMap": {"name": "fluent-bit"}, "name": "config"}, {"hostPath": {"path": "/var/log", "type": ""}, "name": "varlog"}])
    states = {n: {"ago": 37 * 60 - i * 4, "all": crash_state(11, 1, last_start=40 + 50 * i, last_end=40 + 50 * i)} for i, n in enumerate(s.nodes)}
    ds = s.daemonset("logging", "fluent-bit", spec, states, ago=80 * D, labels={"app.kubernetes.io/name": "fluent-bit"})
    ds["metadata"]["generation"] = 6
    ds["status"]["observedGeneration"] = 6
    for (ns, pn), p in list(s.pods.items()):
        if pn.startswith("fluent-bit-"):
            crash_events(s, p, "fluent-bit", first=36 * 60, restarts=11, last=30, bo_count=160)
            for prev in (True, False):
                t = ts_log(s, 40, "[%Y/%m/%d %H:%M:%S]")
                s.log("logging", pn, "fluent-bit", f"""Fluent Bit v3.2.2
* Copyright (C) 2015-2024 The Fluent Bit Authors
* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd
* https://fluentbit.io

______ _                  _    ______ _ _           _____  _____
|  ___| |                | |   | ___ (_) |         |____ |/ __  \\
| |_  | |_   _  ___ _ __ | |_  | |_/ /_| |_  __   __   / /`' / /'
|  _| | | | | |/ _ \\ '_ \\| __| | ___ \\ | __| \\ \\ / /   \\ \\  / /
| |   | | |_| |  __/ | | | |_  | |_/ / | |_   \\ V /.___/ /./ /___
\\_|   |_|\\__,_|\\___|_| |_|\\__| \\____/|_|\\__|   \\_/ \\____(_)_____/

{t} [ info] [fluent bit] version=3.2.2, commit=a59c867924, pid=1
{t} [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128
{t} [ info] [simd    ] SSE2
{t} [ info] [cmetrics] version=0.9.9
{t} [ info] [ctraces ] version=0.5.7
{t} [ info] [input:tail:tail.0] initializing
{t} [ info] [input:tail:tail.0] storage_strategy='memory' (memory only)
{t} [error] [config] invalid boolean value 'Of' for property 'tls.verify'
{t} [error] [output] failed to initialize 'es' plugin
{t} [error] [engine] output initialization failed
{t} [ info] [input] pausing tail.0
""", previous=prev)
    write(s, {"title": "fluent-bit DaemonSet crash-loops on every node (config typo)",
              "description": "A ConfigMap edit 38 minutes ago set tls.verify to 'Of'; fluent-bit fails to initialise the es output and exits 1 on all three nodes.",
              "expect": [{"category": "AppCrash", "resource": "DaemonSet/logging/fluent-bit"}], "maxRootCauses": 1})

# =========================================================================== healthy clusters
def cron_job(s, ns, name, schedule, image, runs, ago=60 * D, cmd=None, hist=3):
    """runs: list of minutes-ago of scheduled runs (oldest first); all succeed."""
    c = s.container(name, image, command=cmd or ["/bin/report", "--since=24h"], resources=res("100m", "128Mi", "256Mi"))
    jspec = s.pod_template_spec([c], restart="OnFailure")
    cj = {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": s.meta_obj(name, ns, ago=ago, generation=1),
          "spec": {"concurrencyPolicy": "Forbid", "failedJobsHistoryLimit": 1, "jobTemplate": {"metadata": {"creationTimestamp": None},
                   "spec": {"backoffLimit": 6, "template": {"metadata": {"creationTimestamp": None}, "spec": jspec}}},
                   "schedule": schedule, "successfulJobsHistoryLimit": hist, "suspend": False}}
    s.add("workloads.yaml", cj)
    for m in runs[-hist:]:
        ago_run = m * 60
        sched_min = int((s.T.timestamp() - ago_run) // 60)
        jname = f"{name}-{sched_min}"
        dur = s.rng.randint(20, 90)
        job, pods = s.job(ns, jname, jspec, [{"node": s.rng.choice(s.workers), "ago": ago_run - 1,
                                              "all": {"s": "terminated", "exit": 0, "reason": "Completed", "started": ago_run - 3, "finished": ago_run - 3 - dur}, "terminal_at": ago_run - 4 - dur}],
                          ago_run, owner=cj, labels=None, annotations={"batch.kubernetes.io/cronjob-scheduled-timestamp": s.at(ago_run)})
        job["spec"]["template"]["metadata"]["labels"] = job["metadata"]["labels"]
        job["status"] = {"completionTime": s.at(ago_run - 5 - dur), "conditions": [
            {"lastProbeTime": s.at(ago_run - 5 - dur), "lastTransitionTime": s.at(ago_run - 5 - dur), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "SuccessCriteriaMet"},
            {"lastProbeTime": s.at(ago_run - 5 - dur), "lastTransitionTime": s.at(ago_run - 5 - dur), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "Complete"}],
            "ready": 0, "startTime": s.at(ago_run), "succeeded": 1, "terminating": 0, "uncountedTerminatedPods": {}}
        if ago_run < H:
            s.event(cj, "SuccessfulCreate", f"Created job {jname}", component="cronjob-controller", first=ago_run)
            s.event(job, "SuccessfulCreate", f"Created pod: {pods[0]['metadata']['name']}", component="job-controller", first=ago_run - 1)
            s.start_events(pods[0], ago_run - 1)
            s.event(job, "Completed", "Job completed", component="job-controller", first=ago_run - 5 - dur)
            s.event(cj, "SawCompletedJob", f"Saw completed job: {jname}, condition: Complete", component="cronjob-controller", first=ago_run - 5 - dur)
        s.log(ns, pods[0]["metadata"]["name"], name, f"{ts_log(s, ago_run - 3)} INFO starting {name}\n{ts_log(s, ago_run - 3 - dur)} INFO done: processed {s.rng.randint(100, 9000)} records in {dur}s\n")
    cj["status"] = {"lastScheduleTime": s.at(runs[-1] * 60), "lastSuccessfulTime": s.at(runs[-1] * 60 - 50)}
    return cj


@scenario
def healthy_completed_jobs():
    s = Snap("healthy-completed-jobs", "2026-11-21T10:00:21Z", profile="kubeadm")
    base(s, ns=["reports", "shop"])
    std_neighbours(s, "shop", ("frontend", "cart"))
    healthy_app(s, "reports", "report-api", "ghcr.io/acme/report-api:2.0.1", ago=70 * D, pod_ago=5 * D)
    cron_job(s, "reports", "hourly-rollup", "0 * * * *", "ghcr.io/acme/rollup:1.3.0", [180, 120, 60, 0.35])
    cron_job(s, "reports", "nightly-export", "30 2 * * *", "ghcr.io/acme/exporter:0.9.2", [3 * 1440 - 450, 2 * 1440 - 450, 1440 - 450, 450])
    # a one-off migration Job that finished long ago
    c = s.container("migrate", "ghcr.io/acme/report-api:2.0.1", command=["alembic", "upgrade", "head"], resources=res())
    job, pods = s.job("reports", "report-api-migrate-20261116", s.pod_template_spec([c], restart="Never"),
                      [{"node": "worker-1", "ago": 5 * D + 100, "all": {"s": "terminated", "exit": 0, "reason": "Completed", "started": 5 * D + 95, "finished": 5 * D + 80}, "terminal_at": 5 * D + 79}],
                      5 * D + 101, backoff=0)
    job["spec"]["template"]["metadata"]["labels"] = job["metadata"]["labels"]
    job["status"] = {"completionTime": s.at(5 * D + 78), "conditions": [
        {"lastProbeTime": s.at(5 * D + 78), "lastTransitionTime": s.at(5 * D + 78), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "SuccessCriteriaMet"},
        {"lastProbeTime": s.at(5 * D + 78), "lastTransitionTime": s.at(5 * D + 78), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "Complete"}],
        "ready": 0, "startTime": s.at(5 * D + 101), "succeeded": 1, "terminating": 0, "uncountedTerminatedPods": {}}
    s.log("reports", pods[0]["metadata"]["name"], "migrate", "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\nINFO  [alembic.runtime.migration] Will assume transactional DDL.\nINFO  [alembic.runtime.migration] Running upgrade 3e1f0a9c2b7d -> 7c41e9a2d0f3, add report_schedules\n")
    write(s, {"title": "Healthy: CronJobs with succeeded history and a finished migration Job",
              "description": "Completed Job pods (phase Succeeded, Ready=False reason PodCompleted) and CronJob events are normal; nothing is broken.",
              "expectNoRootCause": True})


@scenario
def healthy_recovered_restarts():
    s = Snap("healthy-recovered-restarts", "2026-11-21T10:09:12Z", profile="eks")
    base(s, workers=3, ns=["shop"])
    std_neighbours(s, "shop", ("frontend",))
    # api restarted twice ~70 minutes ago while its database failed over; it has been Ready for over an hour
    last = {"exit": 1, "reason": "Error", "started": 72 * 60, "finished": 71 * 60}
    dep, rs, svc = healthy_app(s, "shop", "api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:9.1.0", replicas=3, ago=80 * D, pod_ago=3 * D,
                               restarts=[{"s": "running", "started": 70 * 60, "restarts": 2, "last": last}, {"s": "running", "started": 69 * 60 + 30, "restarts": 1, "last": dict(last, started=71 * 60, finished=70 * 60)}])
    for p in rs["_podlist"][:2]:
        p["status"]["conditions"][2]["lastTransitionTime"] = s.at(69 * 60)
        p["status"]["conditions"][3]["lastTransitionTime"] = s.at(69 * 60)
        fp = "spec.containers{api}"
        n = p["status"]["containerStatuses"][0]["restartCount"]
        # last updates 65-70 minutes ago: these events are about to expire (ttl 1h after last update)
        s.event(p, "BackOff", f"Back-off restarting failed container api in pod {p['metadata']['name']}_shop({p['metadata']['uid']})", type_="Warning", first=71 * 60, last=59 * 60 + 40, count=n + 1, field_path=fp)
        s.event(p, "Unhealthy", f'Readiness probe failed: Get "http://{p["status"]["podIP"]}:8080/healthz": dial tcp {p["status"]["podIP"]}:8080: connect: connection refused', type_="Warning", first=72 * 60, last=59 * 60 + 50, count=7, field_path=fp)
        s.event(p, "Pulled", f'Container image "{p["spec"]["containers"][0]["image"]}" already present on machine', first=71 * 60 if n > 1 else 70 * 60, last=70 * 60, count=n, field_path=fp)
        s.event(p, "Started", "Started container: api", first=71 * 60 if n > 1 else 70 * 60, last=70 * 60, count=n, field_path=fp)
        s.log("shop", p["metadata"]["name"], "api", f'{{"ts":"{ts_log(s, 72 * 60 - 2)}","level":"info","msg":"starting shop-api","version":"9.1.0"}}\n{{"ts":"{ts_log(s, 71 * 60 + 3)}","level":"fatal","msg":"database ping failed","error":"dial tcp 10.0.91.17:5432: i/o timeout"}}\n', previous=True)
        lines = [f'{{"ts":"{ts_log(s, 70 * 60 - 1)}","level":"info","msg":"starting shop-api","version":"9.1.0"}}', f'{{"ts":"{ts_log(s, 70 * 60 - 2)}","level":"info","msg":"database connected","host":"shop-db.cluster-c9xk2hq1w7ab.eu-west-1.rds.amazonaws.com"}}']
        for ago in range(69 * 60, 0, -600):
            lines.append(f'{{"ts":"{ts_log(s, ago)}","level":"info","msg":"request","method":"GET","path":"/v1/products","status":200,"duration_ms":{s.rng.randint(3, 40)}}}')
        s.log("shop", p["metadata"]["name"], "api", "\n".join(lines))
    write(s, {"title": "Healthy: old BackOff/Unhealthy warnings from a database failover an hour ago",
              "description": "Two api pods restarted ~70 minutes ago (restartCount 1-2, lastState exit 1 long ago) and have been Ready since; their Warning events are stale. Nothing needs fixing.",
              "expectNoRootCause": True})


@scenario
def healthy_scaled_to_zero():
    s = Snap("healthy-scaled-to-zero", "2026-11-21T09:51:37Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["staging", "shop"])
    std_neighbours(s, "shop", ("frontend", "cart"), images={"frontend": "europe-west1-docker.pkg.dev/acme-prod-4411/apps/frontend:3.3.0", "cart": "europe-west1-docker.pkg.dev/acme-prod-4411/apps/cart:1.7.2"})
    for n in ("preview-api", "preview-web"):
        c = s.container(n, f"europe-west1-docker.pkg.dev/acme-prod-4411/apps/{n}:0.42.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
        dep, rs = s.deployment("staging", n, 0, s.pod_template_spec([c]), [], ago=45 * D, revision=6, generation=8,
                               annotations={"acme.io/scaled-down-by": "kube-downscaler", "downscaler/original-replicas": "2"},
                               conditions=[{"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable", "message": "{rs}", "lastTransitionTime": s.at(45 * D), "lastUpdateTime": s.at(3 * D)},
                                           {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": s.at(14 * H), "lastUpdateTime": s.at(14 * H)}])
        dep["status"]["conditions"][0]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.'
        rs["spec"]["replicas"] = 0
        s.service("staging", n, {"app": n}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=45 * D)
    write(s, {"title": "Healthy: staging Deployments scaled to zero overnight",
              "description": "kube-downscaler set staging/preview-* to 0 replicas; their Services have empty Endpoints. That is intended, not a selector problem.",
              "expectNoRootCause": True})


@scenario
def healthy_rolling_update():
    s = Snap("healthy-rolling-update", "2026-11-21T10:02:40Z", profile="kubeadm")
    base(s, ns=["shop"])
    std_neighbours(s, "shop", ("cart",))
    mk = lambda tag: s.container("frontend", f"ghcr.io/acme/frontend:{tag}", ports=[{"containerPort": 8080, "name": "http"}], resources=res(),
                                 readiness=http_probe("/healthz", initialDelaySeconds=5), liveness=http_probe("/healthz", initialDelaySeconds=15))
    old = [{"template_spec": s.pod_template_spec([mk("3.8.1")]), "replicas": 3, "pods": [{"node": ["worker-1", "worker-2"][i % 2], "ago": 2 * D - i * 9} for i in range(3)], "revision": 8, "ago": 90 * D}]
    new_states = [{"node": "worker-1", "ago": 41, "ready_since": 20},
                  {"node": "worker-2", "ago": 19, "all": {"s": "running", "ready": False, "started": 15}, "unready_since": 17},
                  {"node": "worker-2", "ago": 2, "all": {"s": "waiting", "reason": "ContainerCreating"}, "sandbox": False}]
    dep, rs = s.deployment("shop", "frontend", 4, s.pod_template_spec([mk("3.9.0")]), new_states, ago=90 * D, revision=9, generation=9, rs_ago=42, old_rs=old,
                           status_override={"rs_spec_replicas": 3})
    old_rs = dep["_rslist"][0]
    old_rs["spec"]["replicas"] = 2
    dep["status"]["conditions"] = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": s.at(89 * D), "lastUpdateTime": s.at(89 * D)},
        {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated", "message": f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.', "lastTransitionTime": s.at(90 * D), "lastUpdateTime": s.at(2)}]
    dep["status"]["unavailableReplicas"] = 1
    s.service("shop", "frontend", {"app": "frontend"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=90 * D)
    dep_scaled_event(s, dep, rs, 0, 1, 42)
    dep_scaled_event(s, dep, old_rs, 4, 3, 41, down=True)
    dep_scaled_event(s, dep, rs, 1, 2, 41)
    dep_scaled_event(s, dep, old_rs, 3, 2, 19, down=True)
    dep_scaled_event(s, dep, rs, 2, 3, 19)
    s.rs_events(rs, rs["_podlist"])
    p1, p2, p3 = rs["_podlist"]
    s.start_events(p1, 41, pulled_present=False, pull_secs=3.217)
    s.start_events(p2, 19)
    scheduled(s, p3, 2)
    s.event(p2, "Unhealthy", "Readiness probe failed: Get \"http://%s:8080/healthz\": dial tcp %s:8080: connect: connection refused" % (p2["status"]["podIP"], p2["status"]["podIP"]), type_="Warning", first=12, field_path="spec.containers{frontend}")
    # one old pod is being terminated
    op = old_rs["_podlist"][2]
    op["metadata"]["deletionTimestamp"] = s.at(-11)
    op["metadata"]["deletionGracePeriodSeconds"] = 30
    s.event(op, "Killing", "Stopping container frontend", first=19, field_path="spec.containers{frontend}")
    old_rs["status"] = {"availableReplicas": 3, "fullyLabeledReplicas": 3, "observedGeneration": 3, "readyReplicas": 3, "replicas": 3}
    write(s, {"title": "Healthy: rolling update of frontend in progress",
              "description": "Revision 9 is rolling out: one new pod Ready, one started 15 s ago and not Ready yet, one ContainerCreating; Progressing=True ReplicaSetUpdated. This is normal.",
              "expectNoRootCause": True})

@scenario
def healthy_large_cluster():
    s = Snap("healthy-large-cluster", "2026-11-21T09:58:58Z", profile="kubeadm")
    base(s, workers=3, ns=["ingress-nginx", "cert-manager", "monitoring", "shop", "payments"])
    # metrics-server
    c = s.container("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.7.2", args=["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--kubelet-use-node-status-port", "--metric-resolution=15s"],
                    ports=[{"containerPort": 10250, "name": "https"}], resources={"requests": {"cpu": "100m", "memory": "200Mi"}},
                    readiness={"httpGet": {"path": "/readyz", "port": "https", "scheme": "HTTPS"}, "initialDelaySeconds": 20}, liveness={"httpGet": {"path": "/livez", "port": "https", "scheme": "HTTPS"}})
    md, mrs = s.deployment("kube-system", "metrics-server", 1, s.pod_template_spec([c], sa="metrics-server", priority_class="system-cluster-critical"), [{"node": "worker-3", "ago": 20 * D - 500}], ago=118 * D, labels={"k8s-app": "metrics-server"})
    s.service("kube-system", "metrics-server", {"k8s-app": "metrics-server"}, [{"name": "https", "port": 443, "targetPort": "https"}], ago=118 * D)
    s.obj("services.yaml", "apiregistration.k8s.io/v1", "APIService", "v1beta1.metrics.k8s.io", ago=118 * D, labels={"k8s-app": "metrics-server"},
          spec={"group": "metrics.k8s.io", "groupPriorityMinimum": 100, "insecureSkipTLSVerify": True, "service": {"name": "metrics-server", "namespace": "kube-system", "port": 443}, "version": "v1beta1", "versionPriority": 100},
          status={"conditions": [{"lastTransitionTime": s.at(20 * D - 450), "message": "all checks passed", "reason": "Passed", "status": "True", "type": "Available"}]})
    # ingress-nginx
    ic = s.container("controller", "registry.k8s.io/ingress-nginx/controller:v1.11.3", ports=[{"containerPort": 80, "name": "http"}, {"containerPort": 443, "name": "https"}, {"containerPort": 8443, "name": "webhook"}],
                     resources={"requests": {"cpu": "100m", "memory": "90Mi"}}, readiness=http_probe("/healthz", 10254), liveness=http_probe("/healthz", 10254, initialDelaySeconds=10))
    ilab = {"app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx"}
    idep, irs = s.deployment("ingress-nginx", "ingress-nginx-controller", 2, s.pod_template_spec([ic], sa="ingress-nginx", grace=300), [{"node": "worker-1", "ago": 12 * D}, {"node": "worker-2", "ago": 12 * D - 40}], ago=100 * D, labels=ilab)
    s.service("ingress-nginx", "ingress-nginx-controller", dict(idep["spec"]["selector"]["matchLabels"]), [{"name": "http", "port": 80, "targetPort": "http", "nodePort": 30080}, {"name": "https", "port": 443, "targetPort": "https", "nodePort": 30443}], ago=100 * D, type_="NodePort")
    s.service("ingress-nginx", "ingress-nginx-controller-admission", dict(idep["spec"]["selector"]["matchLabels"]), [{"name": "https-webhook", "port": 443, "targetPort": "webhook"}], ago=100 * D)
    s.obj("services.yaml", "networking.k8s.io/v1", "IngressClass", "nginx", ago=100 * D, labels=ilab, annotations={"ingressclass.kubernetes.io/is-default-class": "true"}, spec={"controller": "k8s.io/ingress-nginx"})
    # admission jobs of the helm chart (Succeeded pods)
    for jn in ("ingress-nginx-admission-create", "ingress-nginx-admission-patch"):
        jc = s.container(jn.rsplit("-", 1)[1], "registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4", args=["create" if jn.endswith("create") else "patch", "--namespace=$(POD_NAMESPACE)", "--secret-name=ingress-nginx-admission"], resources={})
        job, pods = s.job("ingress-nginx", jn, s.pod_template_spec([jc], sa="ingress-nginx-admission", restart="OnFailure"),
                          [{"node": "worker-3", "ago": 12 * D + 120, "all": {"s": "terminated", "exit": 0, "reason": "Completed", "started": 12 * D + 116, "finished": 12 * D + 115}, "terminal_at": 12 * D + 114}], 12 * D + 121)
        job["spec"]["template"]["metadata"]["labels"] = job["metadata"]["labels"]
        job["status"] = {"completionTime": s.at(12 * D + 110), "conditions": [{"lastProbeTime": s.at(12 * D + 110), "lastTransitionTime": s.at(12 * D + 110), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "SuccessCriteriaMet"},
                                                                              {"lastProbeTime": s.at(12 * D + 110), "lastTransitionTime": s.at(12 * D + 110), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "Complete"}],
                         "ready": 0, "startTime": s.at(12 * D + 121), "succeeded": 1, "terminating": 0, "uncountedTerminatedPods": {}}
    # cert-manager
    for n, img, port in (("cert-manager", "quay.io/jetstack/cert-manager-controller:v1.16.2", 9402), ("cert-manager-cainjector", "quay.io/jetstack/cert-manager-cainjector:v1.16.2", 9402),
                         ("cert-manager-webhook", "quay.io/jetstack/cert-manager-webhook:v1.16.2", 10250)):
        cc = s.container(n.replace("cert-manager-", "") if n != "cert-manager" else "cert-manager-controller", img, ports=[{"containerPort": port, "name": "http-metrics" if port == 9402 else "https"}],
                         resources={}, security={"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "readOnlyRootFilesystem": True})
        lab = {"app.kubernetes.io/component": {"cert-manager": "controller", "cert-manager-cainjector": "cainjector", "cert-manager-webhook": "webhook"}[n], "app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/name": n.replace("cert-manager-", "") if n != "cert-manager" else "cert-manager"}
        d, r = s.deployment("cert-manager", n, 1, s.pod_template_spec([cc], sa=n, security={"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}), [{"node": s.rng.choice(s.workers), "ago": 15 * D}], ago=100 * D, labels=lab)
        if n != "cert-manager-cainjector":
            s.service("cert-manager", n, lab, [{"name": "tcp-prometheus-servicemonitor" if port == 9402 else "https", "port": port if port == 9402 else 443, "targetPort": port if port == 9402 else "https"}], ago=100 * D)
    s.obj("config.yaml", "cert-manager.io/v1", "ClusterIssuer", "letsencrypt-prod", ago=100 * D, generation=1,
          spec={"acme": {"email": "ops@example.com", "privateKeySecretRef": {"name": "letsencrypt-prod"}, "server": "https://acme-v02.api.letsencrypt.org/directory", "solvers": [{"http01": {"ingress": {"ingressClassName": "nginx"}}}]}},
          status={"acme": {"lastPrivateKeyHash": "x2JqHk1Ck5u8Q5cFhZl0nYbq3b0xq9uV9bJmH0eYk1c=", "lastRegisteredEmail": "ops@example.com", "uri": "https://acme-v02.api.letsencrypt.org/acme/acct/1893355187"},
                  "conditions": [{"lastTransitionTime": s.at(100 * D), "message": "The ACME account was registered with the ACME server", "observedGeneration": 1, "reason": "ACMEAccountRegistered", "status": "True", "type": "Ready"}]})
    s.obj("config.yaml", "cert-manager.io/v1", "Certificate", "shop-example-com-tls", "shop", ago=60 * D, generation=1,
          spec={"dnsNames": ["shop.example.com"], "issuerRef": {"group": "cert-manager.io", "kind": "ClusterIssuer", "name": "letsencrypt-prod"}, "secretName": "shop-example-com-tls", "usages": ["digital signature", "key encipherment"]},
          status={"conditions": [{"lastTransitionTime": s.at(30 * D), "message": "Certificate is up to date and has not expired", "observedGeneration": 1, "reason": "Ready", "status": "True", "type": "Ready"}],
                  "notAfter": s.at(-60 * D), "notBefore": s.at(30 * D), "renewalTime": s.at(-30 * D), "revision": 3})
    s.secret("shop", "shop-example-com-tls", {"tls.crt": "-----BEGIN CERTIFICATE-----\nMIIF...\n-----END CERTIFICATE-----\n", "tls.key": "REDACTED"}, type_="kubernetes.io/tls", ago=60 * D,
             annotations={"cert-manager.io/certificate-name": "shop-example-com-tls", "cert-manager.io/common-name": "shop.example.com", "cert-manager.io/issuer-kind": "ClusterIssuer", "cert-manager.io/issuer-name": "letsencrypt-prod"})
    # monitoring
    pc = s.container("prometheus", "quay.io/prometheus/prometheus:v2.55.1", args=["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.retention.time=15d"],
                     ports=[{"containerPort": 9090, "name": "web"}], resources=res("500m", "2Gi", "4Gi"), readiness=http_probe("/-/ready", "web"),
                     mounts=[{"mountPath": "/prometheus", "name": "data"}])
    s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "local-path", ago=118 * D, annotations={"storageclass.kubernetes.io/is-default-class": "true"},
          provisioner="rancher.io/local-path", reclaimPolicy="Delete", volumeBindingMode="WaitForFirstConsumer")
    s.statefulset("monitoring", "prometheus", 1, s.pod_template_spec([pc], sa="prometheus", security={"fsGroup": 65534, "runAsNonRoot": True, "runAsUser": 65534}), [{"node": "worker-3", "ago": 7 * D}], "prometheus-operated", ago=90 * D,
                  labels={"app.kubernetes.io/name": "prometheus"},
                  vct=[{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "50Gi"}}, "storageClassName": "local-path", "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}],
                  pvc_storage_class="local-path")
    s.service("monitoring", "prometheus-operated", {"app.kubernetes.io/name": "prometheus"}, [{"name": "web", "port": 9090, "targetPort": "web"}], ago=90 * D, headless=True)
    healthy_app(s, "monitoring", "grafana", "docker.io/grafana/grafana:11.3.1", port=3000, ago=90 * D, pod_ago=7 * D, replicas=1, probe="/api/health")
    ne = s.container("node-exporter", "quay.io/prometheus/node-exporter:v1.8.2", args=["--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"],
                     ports=[{"containerPort": 9100, "name": "http-metrics"}], resources={"limits": {"memory": "50Mi"}, "requests": {"cpu": "10m", "memory": "30Mi"}})
    s.daemonset("monitoring", "node-exporter", s.pod_template_spec([ne], sa="node-exporter", host_network=True, tolerations=[{"operator": "Exists"}], dns_policy="ClusterFirst"),
                {n: {"ago": 7 * D - 30 * i} for i, n in enumerate(s.nodes)}, ago=90 * D, labels={"app.kubernetes.io/name": "node-exporter"})
    # apps
    std_neighbours(s, "shop", ("frontend", "cart", "catalog"))
    healthy_app(s, "payments", "payments", "ghcr.io/acme/payments:5.3.0", ago=70 * D, pod_ago=2 * D, replicas=3)
    s.ingress("shop", "shop", "shop.example.com", "frontend", 80, ago=60 * D, tls_secret="shop-example-com-tls")
    # a pod that was Pending for a minute an hour ago while the cluster autoscaler... (resolved): old FailedScheduling then Scheduled
    cat = s.get("Deployment", "shop", "catalog")
    for (ns, pn), p in s.pods.items():
        if ns == "payments":
            age = 52 * 60
            p["metadata"]["creationTimestamp"] = s.at(age)
            p["status"]["startTime"] = s.at(age - 70)
            for c in p["status"]["conditions"]:
                c["lastTransitionTime"] = s.at(age - 60 if c["type"] != "PodScheduled" else age - 65)
            p["status"]["containerStatuses"][0]["state"]["running"]["startedAt"] = s.at(age - 72)
    pays = [p for (ns, _), p in s.pods.items() if ns == "payments"]
    s.sched_event(pays[2], "FailedScheduling", "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.", 52 * 60)
    s.sched_event(pays[2], "Scheduled", f"Successfully assigned payments/{pays[2]['metadata']['name']} to {pays[2]['spec']['nodeName']}", 52 * 60 - 65, type_="Normal")
    for p in pays:
        p["status"]["startTime"] = s.at(52 * 60 - 66)
    write(s, {"title": "Healthy: larger cluster with add-ons (kube-system, ingress-nginx, cert-manager, monitoring)",
              "description": "Everything is Running and Ready. Noise: Succeeded helm hook Job pods, an old FailedScheduling that resolved a minute later, static control-plane pods with an old restart, empty-looking but normal objects.",
              "expectNoRootCause": True})


# =========================================================================== 38 cluster-info dump layout
@scenario
def cluster_info_dump_crashloop():
    s = Snap("cluster-info-dump-crashloop", "2026-11-21T10:10:10Z", profile="kubeadm")
    base(s, ns=["shop"])
    std_neighbours(s, "shop", ("frontend",))
    c = s.container("worker", "ghcr.io/acme/order-worker:2.1.0", resources=res("100m", "128Mi", "256Mi"),
                    env=[{"name": "QUEUE_URL", "value": "amqp://rabbitmq.shop.svc.cluster.local:5672"}])
    dep, rs = broken_deploy(s, "shop", "order-worker", [c], [{"all": crash_state(10, 1, last_start=33, last_end=31)}], 60 * D, 41 * 60, revision=3, generation=3,
                            conditions=unavailable_conditions(s, "x", 41 * 60 - 20))
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.'
    p = rs["_podlist"][0]
    crash_events(s, p, "worker", first=41 * 60 - 3, restarts=10, last=20, bo_count=180)
    logtext = f"""{ts_log(s, 33)} node[1]: starting order-worker 2.1.0 (node v22.11.0)
/app/dist/config.js:27
    throw new Error(`Missing required environment variable ${{name}}`);
    ^

Error: Missing required environment variable ORDER_TOPIC
    at requireEnv (/app/dist/config.js:27:11)
    at Object.<anonymous> (/app/dist/config.js:41:16)
    at Module._compile (node:internal/modules/cjs/loader:1546:14)
    at Object..js (node:internal/modules/cjs/loader:1689:10)
    at Module.load (node:internal/modules/cjs/loader:1318:32)
    at Function._load (node:internal/modules/cjs/loader:1128:12)
    at TracingChannel.traceSync (node:diagnostics_channel:315:14)
    at wrapModuleLoad (node:internal/modules/cjs/loader:218:24)
    at Module.require (node:internal/modules/cjs/loader:1340:12)
    at require (node:internal/modules/helpers:138:16)

Node.js v22.11.0
"""
    s.log("shop", p["metadata"]["name"], "worker", logtext)
    # ---- write in `kubectl cluster-info dump --output-directory` layout (namespaces kube-system and shop: --namespaces kube-system,shop)
    import shutil
    d = os.path.join(ROOT, s.name)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)

    def items(kind, ns=None):
        out = []
        for fname, objs in s.files.items():
            for o in objs:
                if o["kind"] == kind and (ns is None or o["metadata"].get("namespace") == ns):
                    o = _clean(o)
                    o = {k: v for k, v in o.items() if k not in ("kind", "apiVersion")}
                    out.append(o)
        return out

    def dump(path, kind, api, its):
        fp = os.path.join(d, path)
        os.makedirs(os.path.dirname(fp), exist_ok=True)
        with open(fp, "w") as f:
            f.write(json.dumps({"kind": kind, "apiVersion": api, "metadata": {"resourceVersion": str(s.rv + 17)}, "items": its}, indent=4, ensure_ascii=False) + "\n")

    dump("nodes.json", "NodeList", "v1", items("Node"))
    for ns in ("kube-system", "shop"):
        dump(f"{ns}/events.json", "EventList", "v1", items("Event", ns))
        dump(f"{ns}/replication-controllers.json", "ReplicationControllerList", "v1", [])
        dump(f"{ns}/services.json", "ServiceList", "v1", items("Service", ns))
        dump(f"{ns}/daemonsets.json", "DaemonSetList", "apps/v1", items("DaemonSet", ns))
        dump(f"{ns}/deployments.json", "DeploymentList", "apps/v1", items("Deployment", ns))
        dump(f"{ns}/replicasets.json", "ReplicaSetList", "apps/v1", items("ReplicaSet", ns))
        pods = items("Pod", ns)
        dump(f"{ns}/pods.json", "PodList", "v1", pods)
        for pod in pods:
            fp = os.path.join(d, ns, pod["metadata"]["name"], "logs.txt")
            os.makedirs(os.path.dirname(fp), exist_ok=True)
            with open(fp, "w") as f:
                for cc in pod["spec"].get("initContainers", []) + pod["spec"]["containers"]:
                    f.write(f"==== START logs for container {cc['name']} of pod {ns}/{pod['metadata']['name']} ====\n")
                    key = f"logs/{ns}/{pod['metadata']['name']}/{cc['name']}.log"
                    f.write(s.logs.get(key, ""))
                    f.write(f"==== END logs for container {cc['name']} of pod {ns}/{pod['metadata']['name']} ====\n")
    with open(os.path.join(d, "scenario.yaml"), "w") as f:
        import yaml
        f.write(yaml.safe_dump({"title": "cluster-info dump: order-worker crash-loops on a missing environment variable",
                                "description": "Snapshot in the `kubectl cluster-info dump --namespaces kube-system,shop --output-directory` layout (JSON Lists without per-item kind, logs.txt per pod). order-worker exits 1: 'Missing required environment variable ORDER_TOPIC'.",
                                "expect": [{"category": "AppCrash", "resource": "Deployment/shop/order-worker"}], "maxRootCauses": 1}, sort_keys=False, width=100))


if __name__ == "__main__":
    import generate_ext  # second batch of scenarios (see generate_ext.py)
    SCENARIOS.update(generate_ext.EXT)
    names = sys.argv[1:] or list(SCENARIOS)
    for n in names:
        SCENARIOS[n]()
        print("wrote", n)
