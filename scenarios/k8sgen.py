"""Builders that produce Kubernetes objects the way a real cluster returns them.

Used by generate.py to write the scenario snapshots. Every object gets a uid,
resourceVersion and timestamps relative to the scenario's capture time, and the
controllers' naming/ownership rules are applied (Deployment -> ReplicaSet ->
Pod, StatefulSet -> Pod, DaemonSet -> Pod, CronJob -> Job -> Pod).
"""
import base64
import copy
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import uuid

import yaml

SAFE = "bcdfghjklmnpqrstvwxz2456789"  # k8s.io/apimachinery/pkg/util/rand alphabet


# --------------------------------------------------------------------------- yaml
class _Dumper(yaml.SafeDumper):
    """Emit like sigs.k8s.io/yaml: double quotes where quoting is needed."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        if style == "'":
            return '"'
        return style

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, indentless)


def dump_yaml(obj):
    return yaml.dump(obj, Dumper=_Dumper, sort_keys=True, default_flow_style=False,
                     allow_unicode=True, width=80)


# --------------------------------------------------------------------------- helpers
def b64(s):
    return base64.b64encode(s.encode()).decode()


class Snap:
    def __init__(self, name, capture, seed=None, profile="kubeadm", version="v1.31.4"):
        self.name = name
        self.T = dt.datetime.strptime(capture, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        self.rng = random.Random(seed if seed is not None else name)
        self.profile = profile
        self.version = version
        self.files = {}          # filename -> list of objects
        self.logs = {}           # relpath -> text
        self.rv = self.rng.randint(1_200_000, 9_800_000)
        self.nodes = {}          # name -> node obj
        self.node_ip_next = {}   # name -> counter for pod IPs
        self.pods = {}           # (ns, name) -> pod
        self.objs = {}           # (kind, ns, name) -> obj
        self.svc_next = self.rng.randint(20, 200)
        self.scheduler_instance = None
        self.meta = {}
        self.default_file = {}

    # ---------------------------------------------------------------- basics
    def uid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def next_rv(self):
        self.rv += self.rng.randint(3, 400)
        return str(self.rv)

    def at(self, ago):
        """timestamp `ago` seconds before capture (ago may be float)."""
        t = self.T - dt.timedelta(seconds=ago)
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")

    def at_micro(self, ago):
        t = self.T - dt.timedelta(seconds=ago)
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % self.rng.randint(0, 999999)

    def rand(self, n, alphabet=SAFE):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def hash10(self):
        return self.rand(self.rng.choice([9, 10, 10, 10]))

    def add(self, file, obj):
        self.files.setdefault(file, []).append(obj)
        md = obj["metadata"]
        self.objs[(obj["kind"], md.get("namespace"), md["name"])] = obj
        return obj

    def get(self, kind, ns, name):
        return self.objs[(kind, ns, name)]

    def log(self, ns, pod, container, text, previous=False):
        p = f"logs/{ns}/{pod}/{container}{'.previous' if previous else ''}.log"
        self.logs[p] = text if text.endswith("\n") else text + "\n"

    def meta_obj(self, name, ns=None, ago=86400 * 30, labels=None, annotations=None, owner=None,
                 generation=None, finalizers=None, generate_name=None):
        md = {"name": name, "uid": self.uid(), "resourceVersion": self.next_rv(),
              "creationTimestamp": self.at(ago)}
        if ns:
            md["namespace"] = ns
        if labels:
            md["labels"] = dict(labels)
        if annotations:
            md["annotations"] = dict(annotations)
        if owner is not None:
            md["ownerReferences"] = [owner_ref(owner)]
        if generation is not None:
            md["generation"] = generation
        if finalizers:
            md["finalizers"] = list(finalizers)
        if generate_name:
            md["generateName"] = generate_name
        return md

    # ---------------------------------------------------------------- nodes
    def node(self, name, ip, pod_cidr, role="worker", cpu="4", memory_ki=16365384, pods="110",
             taints=None, labels=None, conditions=None, ago=86400 * 60, zone=None,
             instance_type=None, alloc_cpu=None, alloc_mem_ki=None, unschedulable=False,
             extra_conditions=None):
        p = self.profile
        lbl = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
               "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name,
               "kubernetes.io/os": "linux"}
        ann = {"node.alpha.kubernetes.io/ttl": "0",
               "volumes.kubernetes.io/controller-managed-attach-detach": "true"}
        spec = {"podCIDR": pod_cidr, "podCIDRs": [pod_cidr]}
        if p == "kubeadm":
            ann["kubeadm.alpha.kubernetes.io/cri-socket"] = "unix:///var/run/containerd/containerd.sock"
            if role == "control-plane":
                lbl["node-role.kubernetes.io/control-plane"] = ""
                lbl["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
            os_image, kernel, runtime = "Ubuntu 22.04.5 LTS", "5.15.0-126-generic", "containerd://1.7.24"
            kubelet = self.version
        elif p == "eks":
            zone = zone or "eu-west-1a"
            instance_type = instance_type or "m5.xlarge"
            lbl.update({"eks.amazonaws.com/capacityType": "ON_DEMAND",
                        "eks.amazonaws.com/nodegroup": "general-2026110",
                        "eks.amazonaws.com/nodegroup-image": "ami-0c3f8e1a9b2d4e567",
                        "failure-domain.beta.kubernetes.io/region": "eu-west-1",
                        "failure-domain.beta.kubernetes.io/zone": zone,
                        "k8s.io/cloud-provider-aws": "9f1c2b7d5e3a4c6b8d0e2f4a6c8e0b1d",
                        "node.kubernetes.io/instance-type": instance_type,
                        "topology.ebs.csi.aws.com/zone": zone,
                        "topology.k8s.aws/zone-id": {"eu-west-1a": "euw1-az1", "eu-west-1b": "euw1-az2", "eu-west-1c": "euw1-az3"}[zone],
                        "topology.kubernetes.io/region": "eu-west-1",
                        "topology.kubernetes.io/zone": zone})
            ann["alpha.kubernetes.io/provided-node-ip"] = ip
            spec = {"providerID": f"aws:///{zone}/i-0{self.hexs(16)}"}
            os_image, kernel, runtime = "Amazon Linux 2023.6.20241121", "6.1.115-126.197.amzn2023.x86_64", "containerd://1.7.23"
            kubelet = self.version + "-eks-56e63d8"
        else:  # gke
            zone = zone or "europe-west1-b"
            instance_type = instance_type or "e2-standard-4"
            pool = "default-pool"
            lbl.update({"cloud.google.com/gke-boot-disk": "pd-balanced",
                        "cloud.google.com/gke-container-runtime": "containerd",
                        "cloud.google.com/gke-cpu-scaling-level": "4",
                        "cloud.google.com/gke-logging-variant": "DEFAULT",
                        "cloud.google.com/gke-max-pods-per-node": "110",
                        "cloud.google.com/gke-nodepool": pool,
                        "cloud.google.com/gke-os-distribution": "cos",
                        "cloud.google.com/gke-provisioning": "standard",
                        "cloud.google.com/gke-stack-type": "IPV4",
                        "cloud.google.com/machine-family": "e2",
                        "cloud.google.com/private-node": "false",
                        "failure-domain.beta.kubernetes.io/region": "europe-west1",
                        "failure-domain.beta.kubernetes.io/zone": zone,
                        "node.kubernetes.io/instance-type": instance_type,
                        "topology.gke.io/zone": zone,
                        "topology.kubernetes.io/region": "europe-west1",
                        "topology.kubernetes.io/zone": zone})
            ann.update({"container.googleapis.com/instance_id": str(self.rng.randint(10**18, 9 * 10**18)),
                        "csi.volume.kubernetes.io/nodeid": json.dumps({"pd.csi.storage.gke.io": f"projects/acme-prod-4411/zones/{zone}/instances/{name}"}, separators=(",", ":")),
                        "node.gke.io/last-applied-node-labels": "cloud.google.com/gke-nodepool=default-pool",
                        "node.gke.io/last-applied-node-taints": ""})
            spec["providerID"] = f"gce://acme-prod-4411/{zone}/{name}"
            os_image, kernel, runtime = "Container-Optimized OS from Google", "6.1.112+", "containerd://1.7.24"
            kubelet = self.version + "-gke.1206000"
        if labels:
            lbl.update(labels)
        if taints:
            spec["taints"] = taints
        elif role == "control-plane" and p == "kubeadm":
            spec["taints"] = [{"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}]
        if unschedulable:
            spec["unschedulable"] = True
        created = ago
        hb = self.rng.randint(10, 280)
        conds = [
            {"type": "MemoryPressure", "status": "False", "reason": "KubeletHasSufficientMemory",
             "message": "kubelet has sufficient memory available"},
            {"type": "DiskPressure", "status": "False", "reason": "KubeletHasNoDiskPressure",
             "message": "kubelet has no disk pressure"},
            {"type": "PIDPressure", "status": "False", "reason": "KubeletHasSufficientPID",
             "message": "kubelet has sufficient PID available"},
            {"type": "Ready", "status": "True", "reason": "KubeletReady",
             "message": "kubelet is posting ready status"},
        ]
        if p == "gke":
            npd = [("FrequentUnregisterNetDevice", "NoFrequentUnregisterNetDevice", "node is functioning properly"),
                   ("FrequentKubeletRestart", "NoFrequentKubeletRestart", "kubelet is functioning properly"),
                   ("FrequentDockerRestart", "NoFrequentDockerRestart", "docker is functioning properly"),
                   ("FrequentContainerdRestart", "NoFrequentContainerdRestart", "containerd is functioning properly"),
                   ("KernelDeadlock", "KernelHasNoDeadlock", "kernel has no deadlock"),
                   ("ReadonlyFilesystem", "FilesystemIsNotReadOnly", "Filesystem is not read-only"),
                   ("CorruptDockerOverlay2", "NoCorruptDockerOverlay2", "docker overlay2 is functioning properly")]
            conds = [{"type": t, "status": "False", "reason": r, "message": m} for t, r, m in npd] + \
                    [{"type": "NetworkUnavailable", "status": "False", "reason": "RouteCreated",
                      "message": "NodeController create implicit route"}] + conds
        for c in conds:
            c["lastHeartbeatTime"] = self.at(hb)
            booted = min(created, 21 * 86400 + 60)  # last node reboot (kernel patching three weeks ago)
            c["lastTransitionTime"] = self.at(booted - (30 if c["type"] != "Ready" else 52))
        if conditions:  # overrides by type
            for c in conds:
                if c["type"] in conditions:
                    c.update(conditions[c["type"]])
        if extra_conditions:
            conds = extra_conditions + conds
        mem = f"{memory_ki}Ki"
        if alloc_mem_ki is None:
            alloc_mem_ki = memory_ki - 102400 if p == "kubeadm" else int(memory_ki * 0.8)
        alloc_cpu = alloc_cpu or (cpu if p == "kubeadm" else f"{int(cpu) * 1000 - 80}m")
        addresses = [{"address": ip, "type": "InternalIP"}]
        if p == "eks":
            addresses.append({"address": name, "type": "InternalDNS"})
        addresses.append({"address": name, "type": "Hostname"})
        node = {
            "apiVersion": "v1", "kind": "Node",
            "metadata": self.meta_obj(name, ago=created, labels=lbl, annotations=ann),
            "spec": spec,
            "status": {
                "addresses": addresses,
                "allocatable": {"cpu": alloc_cpu, "ephemeral-storage": "95491281146" if p != "eks" else "76224326324",
                                "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": f"{alloc_mem_ki}Ki", "pods": pods},
                "capacity": {"cpu": cpu, "ephemeral-storage": "103609808Ki" if p != "eks" else "83873772Ki",
                             "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": mem, "pods": pods},
                "conditions": conds,
                "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
                "images": [],
                "nodeInfo": {"architecture": "amd64", "bootID": self.uid(), "containerRuntimeVersion": runtime,
                             "kernelVersion": kernel, "kubeProxyVersion": kubelet, "kubeletVersion": kubelet,
                             "machineID": self.hexs(32), "operatingSystem": "linux", "osImage": os_image,
                             "systemUUID": self.uid().upper() if p == "kubeadm" else "ec2" + self.uid()[3:] if p == "eks" else self.uid()},
                "runtimeHandlers": [
                    {"features": {"recursiveReadOnlyMounts": True, "userNamespaces": False}, "name": "runc"},
                    {"features": {"recursiveReadOnlyMounts": True, "userNamespaces": False}, "name": ""}],
            },
        }
        self.nodes[name] = node
        self.node_ip_next[name] = self.rng.randint(4, 30)
        self._node_cidr = getattr(self, "_node_cidr", {})
        self._node_cidr[name] = pod_cidr
        self.add("nodes.yaml", node)
        return node

    def node_image(self, node, names, size):
        self.nodes[node]["status"]["images"].append({"names": names, "sizeBytes": size})

    def pod_ip(self, node):
        if self.profile == "eks":
            base = self.nodes[node]["status"]["addresses"][0]["address"].rsplit(".", 2)[0]
            third = int(self.nodes[node]["status"]["addresses"][0]["address"].split(".")[2])
            ip = f"{base}.{third}.{self.rng.randint(10, 250)}"
            return ip
        cidr = self._node_cidr[node]
        n = self.node_ip_next[node]
        self.node_ip_next[node] = n + self.rng.randint(1, 7)
        return cidr.rsplit(".", 1)[0] + "." + str(n)

    def node_ip(self, node):
        return self.nodes[node]["status"]["addresses"][0]["address"]

    def svc_ip(self):
        self.svc_next += self.rng.randint(1, 40)
        n = self.svc_next
        if self.profile == "eks":
            return f"172.20.{(n // 250) % 250 + 1}.{n % 250 + 2}"
        if self.profile == "gke":
            return f"34.118.{224 + (n // 250) % 15}.{n % 250 + 2}"
        return f"10.96.{(n // 250) % 250}.{n % 250 + 2}"

    @property
    def dns_ip(self):
        return {"eks": "172.20.0.10", "gke": "34.118.224.10"}.get(self.profile, "10.96.0.10")

    # ---------------------------------------------------------------- namespaces
    def namespace(self, name, labels=None, ago=86400 * 90, annotations=None):
        lbl = {"kubernetes.io/metadata.name": name}
        if labels:
            lbl.update(labels)
        ns = {"apiVersion": "v1", "kind": "Namespace",
              "metadata": self.meta_obj(name, ago=ago, labels=lbl, annotations=annotations),
              "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}
        self.add("namespaces.yaml", ns)
        return ns

    # ---------------------------------------------------------------- config objects
    def configmap(self, ns, name, data, ago=86400 * 20, labels=None, file="config.yaml", annotations=None):
        cm = {"apiVersion": "v1", "kind": "ConfigMap",
              "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, annotations=annotations), "data": data}
        return self.add(file, cm)

    def secret(self, ns, name, data, type_="Opaque", ago=86400 * 20, labels=None, file="config.yaml", annotations=None):
        s = {"apiVersion": "v1", "kind": "Secret",
             "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, annotations=annotations),
             "data": {k: b64(v) for k, v in data.items()}, "type": type_}
        return self.add(file, s)

    def obj(self, file, api, kind, name, ns=None, ago=86400 * 20, labels=None, annotations=None, owner=None, **body):
        o = {"apiVersion": api, "kind": kind, "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, annotations=annotations, owner=owner)}
        o.update(body)
        return self.add(file, o)

    # ---------------------------------------------------------------- containers
    def container(self, name, image, ports=None, env=None, env_from=None, resources=None, readiness=None,
                  liveness=None, startup=None, command=None, args=None, mounts=None, pull=None,
                  security=None):
        c = {"name": name, "image": image}
        if command:
            c["command"] = command
        if args:
            c["args"] = args
        if ports:
            c["ports"] = [dict({"protocol": "TCP"}, **p) for p in ports]
        if env:
            c["env"] = env
        if env_from:
            c["envFrom"] = env_from
        c["resources"] = resources or {}
        for key, pr in (("readinessProbe", readiness), ("livenessProbe", liveness), ("startupProbe", startup)):
            if pr:
                pr = copy.deepcopy(pr)
                if "httpGet" in pr:
                    pr["httpGet"].setdefault("scheme", "HTTP")
                pr.setdefault("timeoutSeconds", 1)
                pr.setdefault("periodSeconds", 10)
                pr.setdefault("successThreshold", 1)
                pr.setdefault("failureThreshold", 3)
                c[key] = pr
        if security:
            c["securityContext"] = security
        c["terminationMessagePath"] = "/dev/termination-log"
        c["terminationMessagePolicy"] = "File"
        if pull is None:
            pull = "Always" if image.endswith(":latest") or ":" not in image.rsplit("/", 1)[-1] else "IfNotPresent"
        c["imagePullPolicy"] = pull
        if mounts:
            c["volumeMounts"] = mounts
        return c

    def pod_template_spec(self, containers, init=None, volumes=None, sa=None, node_selector=None,
                          tolerations=None, affinity=None, restart="Always", grace=30, security=None,
                          priority_class=None, host_network=False, dns_policy=None, pull_secrets=None):
        s = {"containers": containers}
        if init:
            s["initContainers"] = init
        s["dnsPolicy"] = dns_policy or ("ClusterFirstWithHostNet" if host_network else "ClusterFirst")
        if host_network:
            s["hostNetwork"] = True
        if node_selector:
            s["nodeSelector"] = node_selector
        if affinity:
            s["affinity"] = affinity
        if tolerations:
            s["tolerations"] = tolerations
        if pull_secrets:
            s["imagePullSecrets"] = [{"name": n} for n in pull_secrets]
        if priority_class:
            s["priorityClassName"] = priority_class
        s["restartPolicy"] = restart
        s["schedulerName"] = "default-scheduler"
        s["securityContext"] = security or {}
        if sa:
            s["serviceAccount"] = sa
            s["serviceAccountName"] = sa
        s["terminationGracePeriodSeconds"] = grace
        if volumes:
            s["volumes"] = volumes
        return s

    # ---------------------------------------------------------------- pods
    def _qos(self, spec):
        cs = spec["containers"] + spec.get("initContainers", [])
        any_set = False
        guaranteed = True
        for c in spec["containers"]:
            r = c.get("resources", {})
            req, lim = r.get("requests", {}), r.get("limits", {})
            if req or lim:
                any_set = True
            for k in ("cpu", "memory"):
                if k not in lim or req.get(k, lim.get(k)) != lim.get(k):
                    guaranteed = False
        if not any_set and not any(c.get("resources") for c in cs):
            return "BestEffort"
        return "Guaranteed" if guaranteed else "Burstable"

    def make_pod(self, ns, name, template, owner, st, file="pods.yaml", extra_labels=None,
                 daemon_node=None, generate_name=None, annotations=None, finalizers=None):
        """st: dict(node=, ago=created seconds ago, containers={name: cs}|all=cs, init={name: cs},
        unschedulable=msg, phase=, reason=, message=, ip=True, sandbox=True, deleted=...)"""
        spec = copy.deepcopy(template["spec"])
        labels = dict(template["metadata"].get("labels", {}))
        if extra_labels:
            labels.update(extra_labels)
        ann = dict(template["metadata"].get("annotations", {}))
        if annotations:
            ann.update(annotations)
        created = st.get("ago", 3600)
        md = self.meta_obj(name, ns, ago=created, labels=labels, annotations=ann or None,
                           owner=owner, generate_name=generate_name, finalizers=finalizers)
        pod = {"apiVersion": "v1", "kind": "Pod", "metadata": md, "spec": spec}
        # --- admission defaults
        sa = spec.get("serviceAccountName", "default")
        spec["serviceAccount"] = sa
        spec["serviceAccountName"] = sa
        spec["enableServiceLinks"] = True
        spec["preemptionPolicy"] = "PreemptLowerPriority"
        pc = spec.get("priorityClassName")
        spec["priority"] = {"system-node-critical": 2000001000, "system-cluster-critical": 2000000000}.get(pc, st.get("priority", 0))
        tol = spec.setdefault("tolerations", [])
        if owner and owner["kind"] == "DaemonSet":
            for k, eff in (("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
                           ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
                           ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule")):
                tol.append({"effect": eff, "key": k, "operator": "Exists"})
            if spec.get("hostNetwork"):
                tol.append({"effect": "NoSchedule", "key": "node.kubernetes.io/network-unavailable", "operator": "Exists"})
            spec["affinity"] = {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
                {"matchFields": [{"key": "metadata.name", "operator": "In", "values": [daemon_node]}]}]}}}
        else:
            keys = {t.get("key") for t in tol}
            if "node.kubernetes.io/not-ready" not in keys:
                tol.append({"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300})
            if "node.kubernetes.io/unreachable" not in keys:
                tol.append({"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300})
        # service account token volume
        if st.get("automount", True) and not spec.get("automountServiceAccountToken") is False:
            vname = "kube-api-access-" + self.rand(5)
            spec.setdefault("volumes", []).append({"name": vname, "projected": {"defaultMode": 420, "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
                {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}, "path": "namespace"}]}}]}})
            for c in spec["containers"] + spec.get("initContainers", []):
                c.setdefault("volumeMounts", []).append({"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": vname, "readOnly": True})
        for v in spec.get("volumes", []):
            if "secret" in v:
                v["secret"].setdefault("defaultMode", 420)
            if "configMap" in v:
                v["configMap"].setdefault("defaultMode", 420)
        node = st.get("node")
        if node:
            spec["nodeName"] = node
        # --- status
        status = {}
        qos = self._qos(spec)
        if not node:
            status = {"conditions": [{"lastProbeTime": None, "lastTransitionTime": self.at(created - 0.2 if created > 1 else created),
                                      "message": st["unschedulable"], "reason": "Unschedulable", "status": "False", "type": "PodScheduled"}],
                      "phase": "Pending", "qosClass": qos}
            pod["status"] = status
            self.pods[(ns, name)] = pod
            self.add(file, pod)
            return pod
        start = created - st.get("sched_delay", 1)
        ip = self.pod_ip(node) if (not spec.get("hostNetwork")) else self.node_ip(node)
        sandbox = st.get("sandbox", True)
        init_st = st.get("init", {})
        cst = st.get("containers") or {c["name"]: st.get("all", {"s": "running"}) for c in spec["containers"]}
        for c in spec["containers"]:
            cst.setdefault(c["name"], st.get("all", {"s": "running"}))

        def cstatus(c, cs, is_init=False):
            img = c["image"]
            digest = cs.get("digest") or hashlib.sha256((img + self.name).encode()).hexdigest()
            repo = img.rsplit(":", 1)[0] if ":" in img.rsplit("/", 1)[-1] else img
            if "/" not in repo.split(":")[0] or "." not in repo.split("/")[0]:
                full = ("docker.io/library/" + img) if "/" not in repo else ("docker.io/" + img)
            else:
                full = img
            full_repo = full.rsplit(":", 1)[0] if ":" in full.rsplit("/", 1)[-1] else full
            if ":" not in full.rsplit("/", 1)[-1]:
                full = full + ":latest"
            imageID = f"{full_repo}@sha256:{digest}"
            out = {"name": c["name"], "image": full if cs.get("s") != "waiting" or cs.get("last") else img,
                   "imageID": imageID, "restartCount": cs.get("restarts", 0)}
            s = cs.get("s", "running")
            cid = "containerd://" + self.hexs(64)
            if s == "running":
                out["containerID"] = cid
                out["state"] = {"running": {"startedAt": self.at(cs.get("started", start - 3))}}
                out["ready"] = cs.get("ready", True) if not is_init else False
                out["started"] = True
                out["lastState"] = {}
            elif s == "terminated":
                out["containerID"] = cid
                t = {"containerID": cid, "exitCode": cs.get("exit", 0), "finishedAt": self.at(cs.get("finished", start - 5)),
                     "reason": cs.get("reason", "Completed" if cs.get("exit", 0) == 0 else "Error"),
                     "startedAt": self.at(cs.get("started", start - 3))}
                if cs.get("message"):
                    t["message"] = cs["message"]
                out["state"] = {"terminated": t}
                out["ready"] = False
                out["started"] = False
                out["lastState"] = {}
            else:  # waiting
                w = {"reason": cs["reason"]}
                if cs.get("message"):
                    w["message"] = cs["message"].replace("{pod}", name).replace("{ns}", ns).replace("{uid}", md["uid"]).replace("{c}", c["name"])
                out["state"] = {"waiting": w}
                out["ready"] = False
                out["started"] = False
                out["lastState"] = {}
                if not cs.get("last"):
                    out["imageID"] = ""
                    out["image"] = img
            last = cs.get("last")
            if last:
                lcid = cid if s == "waiting" else "containerd://" + self.hexs(64)
                t = {"containerID": lcid, "exitCode": last["exit"], "finishedAt": self.at(last["finished"]),
                     "reason": last.get("reason", "Error"), "startedAt": self.at(last["started"])}
                if last.get("message"):
                    t["message"] = last["message"]
                out["lastState"] = {"terminated": t}
                if s == "waiting":
                    out["containerID"] = lcid
                    out["imageID"] = imageID
                    out["image"] = full
            mounts = [{"mountPath": m["mountPath"], "name": m["name"], **({"readOnly": True, "recursiveReadOnly": "Disabled"} if m.get("readOnly") else {})}
                      for m in c.get("volumeMounts", [])]
            if mounts and (s != "waiting" or last or cs.get("reason") not in ("ContainerCreating", "PodInitializing")):
                out["volumeMounts"] = mounts
            if cs.get("no_status_mounts"):
                out.pop("volumeMounts", None)
            return out

        init_statuses = []
        init_done = True
        for c in spec.get("initContainers", []):
            cs = init_st.get(c["name"], {"s": "terminated", "exit": 0, "reason": "Completed", "started": start - 3, "finished": start - 6})
            if cs.get("s") != "terminated" or cs.get("exit", 0) != 0:
                init_done = False
            if not init_done and c["name"] not in init_st:
                cs = {"s": "waiting", "reason": "PodInitializing"}
            init_statuses.append(cstatus(c, cs, is_init=True))
        statuses = []
        for c in spec["containers"]:
            cs = cst[c["name"]]
            if not init_done:
                cs = {"s": "waiting", "reason": "PodInitializing"}
            statuses.append(cstatus(c, cs))
        all_ready = all(s["ready"] for s in statuses)
        unready = [s["name"] for s in statuses if not s["ready"]]
        ever_ran = any(s.get("containerID") for s in statuses)
        phase = st.get("phase")
        if not phase:
            if all("terminated" in s["state"] for s in statuses):
                phase = "Succeeded" if all(s["state"]["terminated"]["exitCode"] == 0 for s in statuses) else "Failed"
            elif not init_done or not ever_ran:
                phase = "Pending"
            else:
                phase = "Running"
        ct = st.get("ready_since", start - 5)
        conds = []
        conds.append({"lastProbeTime": None, "lastTransitionTime": self.at(start - 1.5), "status": "True" if sandbox and phase not in ("Succeeded", "Failed") else "False",
                      "type": "PodReadyToStartContainers"})
        if phase in ("Succeeded", "Failed") and st.get("terminal_at") is not None:
            conds[0]["lastTransitionTime"] = self.at(st["terminal_at"])
        ic = {"lastProbeTime": None, "lastTransitionTime": self.at(start - (6 if spec.get("initContainers") else 0)), "status": "True", "type": "Initialized"}
        if not init_done:
            inc = [c["name"] for c, s in zip(spec["initContainers"], init_statuses) if not ("terminated" in s["state"] and s["state"]["terminated"]["exitCode"] == 0)]
            ic.update({"status": "False", "reason": "ContainersNotInitialized", "message": f"containers with incomplete status: [{' '.join(inc)}]"})
        conds.append(ic)
        rdy_reason = {"Succeeded": "PodCompleted", "Failed": "PodFailed"}.get(phase, "ContainersNotReady")
        for t in ("Ready", "ContainersReady"):
            c = {"lastProbeTime": None, "lastTransitionTime": self.at(ct if all_ready else st.get("unready_since", start)), "status": "True" if all_ready else "False", "type": t}
            if not all_ready:
                c["reason"] = rdy_reason
                if rdy_reason == "ContainersNotReady":
                    c["message"] = f"containers with unready status: [{' '.join(unready)}]"
            conds.append(c)
        conds.append({"lastProbeTime": None, "lastTransitionTime": self.at(created - 0.5 if created > 1 else created), "status": "True", "type": "PodScheduled"})
        if st.get("disruption"):
            conds.insert(0, st["disruption"])
        status["conditions"] = conds
        if spec.get("initContainers"):
            status["initContainerStatuses"] = init_statuses
        status["containerStatuses"] = statuses
        status["hostIP"] = self.node_ip(node)
        status["hostIPs"] = [{"ip": self.node_ip(node)}]
        if st.get("reason"):
            status["reason"] = st["reason"]
        if st.get("message"):
            status["message"] = st["message"]
        status["phase"] = phase
        if sandbox and st.get("ip", True):
            status["podIP"] = ip
            status["podIPs"] = [{"ip": ip}]
        status["qosClass"] = qos
        status["startTime"] = self.at(start)
        pod["status"] = status
        self.pods[(ns, name)] = pod
        self.add(file, pod)
        return pod

    # ---------------------------------------------------------------- workloads
    def deployment(self, ns, name, replicas, template_spec, pods, ago=86400 * 14, labels=None,
                   template_labels=None, file="workloads.yaml", revision=1, old_rs=None,
                   conditions=None, status_override=None, strategy=None, annotations=None,
                   pod_annotations=None, rs_ago=None, progress_deadline=600, rs_conditions=None,
                   generation=None, pod_file="pods.yaml"):
        """pods: list of pod state dicts for the current RS (may be fewer than replicas).
        old_rs: list of dicts(template_spec=, replicas=, pods=[...], revision=, ago=)"""
        labels = labels or {"app": name}
        tl = template_labels or dict(labels)
        generation = generation or revision
        ann = {"deployment.kubernetes.io/revision": str(revision)}
        if annotations:
            ann.update(annotations)
        dep = {"apiVersion": "apps/v1", "kind": "Deployment",
               "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, annotations=ann, generation=generation),
               "spec": {"progressDeadlineSeconds": progress_deadline, "replicas": replicas, "revisionHistoryLimit": 10,
                        "selector": {"matchLabels": dict(tl) if template_labels is None else {k: tl[k] for k in list(tl)[:1]}},
                        "strategy": strategy or {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}, "type": "RollingUpdate"},
                        "template": {"metadata": {"creationTimestamp": None, "labels": dict(tl)}, "spec": template_spec}}}
        if pod_annotations:
            dep["spec"]["template"]["metadata"]["annotations"] = pod_annotations
        self.add(file, dep)
        rs_list = []
        for o in (old_rs or []):
            rs_list.append(self._rs(dep, o["template_spec"], o["replicas"], o["pods"], o["revision"], o.get("ago", ago), file, pod_file,
                                    pod_annotations=o.get("pod_annotations")))
        cur = self._rs(dep, template_spec, len(pods) if status_override is None or "rs_replicas" not in status_override else status_override["rs_replicas"],
                       pods, revision, rs_ago or ago, file, pod_file, spec_replicas=(status_override or {}).get("rs_spec_replicas", replicas),
                       pod_annotations=pod_annotations, conditions=rs_conditions)
        dep["metadata"]["_rs"] = cur
        # status
        all_pods = [p for r in rs_list + [cur] for p in r["_pods"]]
        live = [p for p in all_pods if p["status"]["phase"] not in ("Failed", "Succeeded")]
        ready = [p for p in live if _pod_ready(p)]
        updated = [p for p in cur["_pods"] if p["status"]["phase"] not in ("Failed", "Succeeded")]
        stt = {"observedGeneration": generation, "replicas": len(live), "updatedReplicas": len(updated)}
        if ready:
            stt["readyReplicas"] = len(ready)
            stt["availableReplicas"] = len(ready)
        if replicas - len(ready) > 0:
            stt["unavailableReplicas"] = replicas - len(ready)
        if replicas == 0:
            stt = {"observedGeneration": generation}
        avail_ok = len(ready) >= replicas - _max_unavail(dep, replicas)
        rsname = cur["metadata"]["name"]
        conds = conditions or [
            {"type": "Available", "status": "True" if avail_ok else "False",
             "reason": "MinimumReplicasAvailable" if avail_ok else "MinimumReplicasUnavailable",
             "message": "Deployment has minimum availability." if avail_ok else "Deployment does not have minimum availability.",
             "lastUpdateTime": self.at(ago - 40), "lastTransitionTime": self.at(ago - 40)},
            {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
             "message": f'ReplicaSet "{rsname}" has successfully progressed.',
             "lastUpdateTime": self.at(ago - 45), "lastTransitionTime": self.at(ago - 1)},
        ]
        for c in conds:
            c.setdefault("lastUpdateTime", c.get("lastTransitionTime"))
        stt["conditions"] = conds
        if status_override:
            stt.update({k: v for k, v in status_override.items() if not k.startswith("rs_")})
            for k in [k for k, v in stt.items() if v is None]:
                del stt[k]
        dep["status"] = stt
        del dep["metadata"]["_rs"]
        for r in rs_list + [cur]:
            r["_podlist"] = r.pop("_pods")
        dep["_rslist"] = rs_list + [cur]
        return dep, cur

    def _rs(self, dep, template_spec, n, pods, revision, ago, file, pod_file, spec_replicas=None, pod_annotations=None, conditions=None):
        ns = dep["metadata"]["namespace"]
        h = self.hash10()
        name = f"{dep['metadata']['name']}-{h}"
        tl = dict(dep["spec"]["template"]["metadata"]["labels"])
        tl["pod-template-hash"] = h
        replicas = dep["spec"]["replicas"] if spec_replicas is None else spec_replicas
        if spec_replicas is None:
            replicas = len(pods)
        maxsurge = replicas + (1 if replicas else 0)
        rs = {"apiVersion": "apps/v1", "kind": "ReplicaSet",
              "metadata": self.meta_obj(name, ns, ago=ago, labels=tl, owner=dep, generation=1 if revision == 1 else 2,
                                        annotations={"deployment.kubernetes.io/desired-replicas": str(dep["spec"]["replicas"]),
                                                     "deployment.kubernetes.io/max-replicas": str(dep["spec"]["replicas"] + max(1, -(-dep["spec"]["replicas"] // 4)) if dep["spec"]["replicas"] else 0),
                                                     "deployment.kubernetes.io/revision": str(revision)}),
              "spec": {"replicas": replicas, "selector": {"matchLabels": dict(dep["spec"]["selector"]["matchLabels"], **{"pod-template-hash": h})},
                       "template": {"metadata": {"creationTimestamp": None, "labels": tl}, "spec": copy.deepcopy(template_spec)}}}
        if pod_annotations:
            rs["spec"]["template"]["metadata"]["annotations"] = pod_annotations
        self.add(file, rs)
        plist = []
        for st in pods:
            pname = f"{name}-{self.rand(5)}"
            p = self.make_pod(ns, pname, rs["spec"]["template"], rs, st, file=pod_file, generate_name=name + "-")
            plist.append(p)
        live = [p for p in plist if p["status"]["phase"] not in ("Failed", "Succeeded")]
        ready = [p for p in live if _pod_ready(p)]
        s = {"observedGeneration": rs["metadata"]["generation"], "replicas": len(live), "fullyLabeledReplicas": len(live)}
        if ready:
            s["readyReplicas"] = len(ready)
            s["availableReplicas"] = len(ready)
        if not live:
            s = {"observedGeneration": rs["metadata"]["generation"], "replicas": 0}
        if conditions:
            s["conditions"] = conditions
        rs["status"] = s
        rs["_pods"] = plist
        return rs

    def statefulset(self, ns, name, replicas, template_spec, pods, service_name, ago=86400 * 30, labels=None,
                    vct=None, file="workloads.yaml", pvc_storage_class="standard", pvc_bound=True, pod_file="pods.yaml"):
        labels = labels or {"app": name}
        sts = {"apiVersion": "apps/v1", "kind": "StatefulSet",
               "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, generation=1),
               "spec": {"persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
                        "podManagementPolicy": "OrderedReady", "replicas": replicas, "revisionHistoryLimit": 10,
                        "selector": {"matchLabels": dict(labels)}, "serviceName": service_name,
                        "template": {"metadata": {"creationTimestamp": None, "labels": dict(labels)}, "spec": template_spec},
                        "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"}}}
        if vct:
            sts["spec"]["volumeClaimTemplates"] = vct
        self.add(file, sts)
        rev = f"{name}-{self.hash10()}"
        cr = {"apiVersion": "apps/v1", "kind": "ControllerRevision",
              "metadata": self.meta_obj(rev, ns, ago=ago, labels=dict(labels, **{"controller.kubernetes.io/hash": rev.rsplit("-", 1)[1]}), owner=sts),
              "data": {"spec": {"template": {"$patch": "replace", "metadata": {"creationTimestamp": None, "labels": dict(labels)}, "spec": template_spec}}},
              "revision": 1}
        self.add(file, cr)
        plist = []
        for i, st in enumerate(pods):
            pname = f"{name}-{i}"
            t = copy.deepcopy(sts["spec"]["template"])
            t["spec"]["hostname"] = pname
            t["spec"]["subdomain"] = service_name
            for v in vct or []:
                claim = f"{v['metadata']['name']}-{pname}"
                t["spec"].setdefault("volumes", []).insert(0, {"name": v["metadata"]["name"], "persistentVolumeClaim": {"claimName": claim}})
                if (ns, claim) not in self.objs:
                    self.pvc(ns, claim, v["spec"]["resources"]["requests"]["storage"], storage_class=v["spec"].get("storageClassName", pvc_storage_class),
                             ago=ago - 2 - i * 30, labels=dict(labels), bound=pvc_bound)
            p = self.make_pod(ns, pname, t, sts, st, file=pod_file,
                              extra_labels={"apps.kubernetes.io/pod-index": str(i), "controller-revision-hash": rev,
                                            "statefulset.kubernetes.io/pod-name": pname}, generate_name=name + "-")
            plist.append(p)
        ready = [p for p in plist if _pod_ready(p)]
        s = {"availableReplicas": len(ready), "collisionCount": 0, "currentReplicas": len(plist), "currentRevision": rev,
             "observedGeneration": 1, "replicas": len(plist), "updateRevision": rev, "updatedReplicas": len(plist)}
        if ready:
            s["readyReplicas"] = len(ready)
        if not plist:
            s = {"availableReplicas": 0, "collisionCount": 0, "currentRevision": rev, "observedGeneration": sts["metadata"]["generation"], "replicas": 0, "updateRevision": rev}
        sts["status"] = s
        return sts

    def pvc(self, ns, name, size, storage_class="standard", ago=86400 * 30, labels=None, bound=True, file="storage.yaml", access=("ReadWriteOnce",)):
        ann = {}
        pvc = {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
               "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, finalizers=["kubernetes.io/pvc-protection"]),
               "spec": {"accessModes": list(access), "resources": {"requests": {"storage": size}},
                        "storageClassName": storage_class, "volumeMode": "Filesystem"}}
        if bound:
            pvname = "pvc-" + pvc["metadata"]["uid"]
            prov = {"eks": "ebs.csi.aws.com", "gke": "pd.csi.storage.gke.io"}.get(self.profile, "rancher.io/local-path")
            ann = {"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes",
                   "volume.beta.kubernetes.io/storage-provisioner": prov, "volume.kubernetes.io/storage-provisioner": prov}
            if self.profile == "kubeadm":
                node = sorted(n for n in self.nodes if "control" not in json.dumps(self.nodes[n]["metadata"]["labels"]))[0]
                ann["volume.kubernetes.io/selected-node"] = node
            pvc["metadata"]["annotations"] = ann
            pvc["spec"]["volumeName"] = pvname
            pvc["status"] = {"accessModes": list(access), "capacity": {"storage": size}, "phase": "Bound"}
            pv = {"apiVersion": "v1", "kind": "PersistentVolume",
                  "metadata": self.meta_obj(pvname, ago=ago - 3, annotations={"pv.kubernetes.io/provisioned-by": prov,
                                                                              "volume.kubernetes.io/provisioner-deletion-secret-name": "",
                                                                              "volume.kubernetes.io/provisioner-deletion-secret-namespace": ""},
                                            finalizers=["external-provisioner.volume.kubernetes.io/finalizer", "kubernetes.io/pv-protection"]),
                  "spec": {"accessModes": list(access), "capacity": {"storage": size},
                           "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": name, "namespace": ns,
                                        "resourceVersion": pvc["metadata"]["resourceVersion"], "uid": pvc["metadata"]["uid"]},
                           "persistentVolumeReclaimPolicy": "Delete", "storageClassName": storage_class, "volumeMode": "Filesystem"},
                  "status": {"lastPhaseTransitionTime": self.at(ago - 3), "phase": "Bound"}}
            if self.profile == "kubeadm":
                pv["spec"]["hostPath"] = {"path": f"/opt/local-path-provisioner/{pvname}_{ns}_{name}", "type": "DirectoryOrCreate"}
                pv["spec"]["nodeAffinity"] = {"required": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "kubernetes.io/hostname", "operator": "In", "values": [ann["volume.kubernetes.io/selected-node"]]}]}]}}
            else:
                drv = prov
                pv["spec"]["csi"] = {"driver": drv, "fsType": "ext4", "volumeAttributes": {"storage.kubernetes.io/csiProvisionerIdentity": f"1762{self.rng.randint(100000000, 999999999)}-{self.rng.randint(1000, 9999)}-{drv}"},
                                     "volumeHandle": ("vol-0" + self.hexs(16)) if self.profile == "eks" else f"projects/acme-prod-4411/zones/europe-west1-b/disks/{pvname}"}
            self.add(file, pv)
        else:
            pvc["status"] = {"phase": "Pending"}
        self.add(file, pvc)
        return pvc

    def daemonset(self, ns, name, template_spec, node_states, ago=86400 * 60, labels=None, file="workloads.yaml", pod_file="pods.yaml"):
        labels = labels or {"app": name}
        ds = {"apiVersion": "apps/v1", "kind": "DaemonSet",
              "metadata": self.meta_obj(name, ns, ago=ago, labels=labels, generation=1,
                                        annotations={"deprecated.daemonset.template.generation": "1"}),
              "spec": {"revisionHistoryLimit": 10, "selector": {"matchLabels": dict(labels)},
                       "template": {"metadata": {"creationTimestamp": None, "labels": dict(labels)}, "spec": template_spec},
                       "updateStrategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}, "type": "RollingUpdate"}}}
        self.add(file, ds)
        h = self.hash10()
        rev = {"apiVersion": "apps/v1", "kind": "ControllerRevision",
               "metadata": self.meta_obj(f"{name}-{h}", ns, ago=ago, labels=dict(labels, **{"controller-revision-hash": h}), owner=ds,
                                         annotations={"deprecated.daemonset.template.generation": "1"}),
               "data": {"spec": {"template": {"$patch": "replace", "metadata": {"creationTimestamp": None, "labels": dict(labels)}, "spec": template_spec}}},
               "revision": 1}
        self.add(file, rev)
        plist = []
        for node, st in node_states.items():
            st = dict(st, node=node)
            pname = f"{name}-{self.rand(5)}"
            p = self.make_pod(ns, pname, ds["spec"]["template"], ds, st, file=pod_file, daemon_node=node,
                              extra_labels={"controller-revision-hash": h, "pod-template-generation": "1"}, generate_name=name + "-")
            plist.append(p)
        n = len(plist)
        ready = [p for p in plist if _pod_ready(p)]
        s = {"currentNumberScheduled": n, "desiredNumberScheduled": n, "numberMisscheduled": 0, "numberReady": len(ready),
             "observedGeneration": 1, "updatedNumberScheduled": n}
        if ready:
            s["numberAvailable"] = len(ready)
        if n - len(ready):
            s["numberUnavailable"] = n - len(ready)
        ds["status"] = s
        return ds

    def job(self, ns, name, template_spec, pods, ago, owner=None, labels=None, file="workloads.yaml", backoff=6,
            status=None, pod_file="pods.yaml", annotations=None):
        uid = self.uid()
        sel = {"batch.kubernetes.io/controller-uid": uid}
        tl = dict(labels or {})
        tl.update({"batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": name,
                   "controller-uid": uid, "job-name": name})
        md = self.meta_obj(name, ns, ago=ago, labels=dict(tl), owner=owner, generation=1, annotations=annotations)
        md["uid"] = uid
        job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": md,
               "spec": {"backoffLimit": backoff, "completionMode": "NonIndexed", "completions": 1, "manualSelector": False,
                        "parallelism": 1, "podReplacementPolicy": "TerminatingOrFailed", "selector": {"matchLabels": sel},
                        "suspend": False, "template": {"metadata": {"creationTimestamp": None, "labels": dict(tl)}, "spec": template_spec}}}
        self.add(file, job)
        plist = []
        for st in pods:
            pname = f"{name}-{self.rand(5)}"
            p = self.make_pod(ns, pname, job["spec"]["template"], job, st, file=pod_file, generate_name=name + "-")
            plist.append(p)
        job["status"] = status or {}
        return job, plist

    # ---------------------------------------------------------------- services
    def service(self, ns, name, selector, ports, ago=86400 * 14, labels=None, type_="ClusterIP", file="services.yaml",
                cluster_ip=None, headless=False, annotations=None, slices=True, publish_not_ready=False):
        ip = "None" if headless else (cluster_ip or self.svc_ip())
        sp = []
        for p in ports:
            q = {"port": p["port"], "protocol": p.get("protocol", "TCP"), "targetPort": p.get("targetPort", p["port"])}
            if "name" in p:
                q["name"] = p["name"]
            if type_ in ("NodePort", "LoadBalancer"):
                q["nodePort"] = p.get("nodePort", self.rng.randint(30000, 32767))
            sp.append(q)
        svc = {"apiVersion": "v1", "kind": "Service",
               "metadata": self.meta_obj(name, ns, ago=ago, labels=labels or (dict(selector) if selector else None), annotations=annotations),
               "spec": {"clusterIP": ip, "clusterIPs": [ip], "internalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"],
                        "ipFamilyPolicy": "SingleStack", "ports": sp, "sessionAffinity": "None", "type": type_},
               "status": {"loadBalancer": {}}}
        if selector is not None:
            svc["spec"]["selector"] = selector
        if publish_not_ready:
            svc["spec"]["publishNotReadyAddresses"] = True
        if type_ in ("NodePort", "LoadBalancer"):
            svc["spec"]["externalTrafficPolicy"] = "Cluster"
        if type_ == "LoadBalancer":
            svc["spec"]["allocateLoadBalancerNodePorts"] = True
        self.add(file, svc)
        if selector is not None:
            self.endpoints_for(svc, file, slices)
        return svc

    def endpoints_for(self, svc, file, slices=True):
        ns = svc["metadata"]["namespace"]
        name = svc["metadata"]["name"]
        sel = svc["spec"]["selector"]
        pods = [p for (pns, _), p in sorted(self.pods.items()) if pns == ns and sel and all(p["metadata"].get("labels", {}).get(k) == v for k, v in sel.items())]
        pods = [p for p in pods if p["status"].get("podIP") and p["status"]["phase"] not in ("Failed", "Succeeded") and not p["metadata"].get("deletionTimestamp")]
        ready, notready = [], []
        eps_ports = []
        per_pod_ports = {}
        for p in pods:
            pp = []
            ok = True
            for sp in svc["spec"]["ports"]:
                tp = sp["targetPort"]
                if isinstance(tp, str):
                    found = [cp["containerPort"] for c in p["spec"]["containers"] for cp in c.get("ports", []) if cp.get("name") == tp]
                    if not found:
                        ok = False
                        break
                    tp = found[0]
                pp.append((sp.get("name"), tp, sp["protocol"]))
            if not ok:
                continue
            per_pod_ports[p["metadata"]["name"]] = pp
            (ready if _pod_ready(p) or svc["spec"].get("publishNotReadyAddresses") else notready).append(p)
        ann = {}
        md = {"name": name, "namespace": ns, "uid": self.uid(), "resourceVersion": self.next_rv(),
              "creationTimestamp": svc["metadata"]["creationTimestamp"], "labels": dict(svc["metadata"].get("labels") or {})}
        if not md["labels"]:
            del md["labels"]
        pods_sorted = sorted(ready + notready, key=lambda p: p["metadata"]["creationTimestamp"])
        if pods_sorted:
            ann["endpoints.kubernetes.io/last-change-trigger-time"] = max(
                [c["lastTransitionTime"] for p in pods_sorted for c in p["status"]["conditions"] if c["type"] == "Ready"])
        md["annotations"] = ann if ann else None
        if md["annotations"] is None:
            del md["annotations"]
        ep = {"apiVersion": "v1", "kind": "Endpoints", "metadata": md}

        def addr(p):
            a = {"ip": p["status"]["podIP"], "nodeName": p["spec"]["nodeName"],
                 "targetRef": {"kind": "Pod", "name": p["metadata"]["name"], "namespace": ns, "uid": p["metadata"]["uid"]}}
            return a
        if ready or notready:
            ports_def = per_pod_ports[(ready + notready)[0]["metadata"]["name"]]
            sub = {}
            if ready:
                sub["addresses"] = [addr(p) for p in sorted(ready, key=lambda p: p["status"]["podIP"])]
            if notready:
                sub["notReadyAddresses"] = [addr(p) for p in sorted(notready, key=lambda p: p["status"]["podIP"])]
            sub["ports"] = [dict({"port": tp, "protocol": pr}, **({"name": n} if n else {})) for n, tp, pr in ports_def]
            ep["subsets"] = [sub]
        self.add(file, ep)
        if not slices:
            return
        sl_name = f"{name}-{self.rand(5)}"
        es = {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "addressType": "IPv4",
              "metadata": {"name": sl_name, "generateName": name + "-", "namespace": ns, "uid": self.uid(), "resourceVersion": self.next_rv(),
                           "generation": self.rng.randint(1, 30), "creationTimestamp": svc["metadata"]["creationTimestamp"],
                           "labels": dict(svc["metadata"].get("labels") or {}, **{"endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
                                                                                  "kubernetes.io/service-name": name}),
                           "ownerReferences": [owner_ref(svc)]}}
        if ann:
            es["metadata"]["annotations"] = dict(ann)
        if ready or notready:
            es["endpoints"] = []
            for p in sorted(ready + notready, key=lambda p: p["status"]["podIP"]):
                r = p in ready
                e = {"addresses": [p["status"]["podIP"]], "conditions": {"ready": r, "serving": r, "terminating": False},
                     "nodeName": p["spec"]["nodeName"],
                     "targetRef": {"kind": "Pod", "name": p["metadata"]["name"], "namespace": ns, "uid": p["metadata"]["uid"]}}
                z = self.nodes[p["spec"]["nodeName"]]["metadata"]["labels"].get("topology.kubernetes.io/zone")
                if z:
                    e["zone"] = z
                es["endpoints"].append(e)
            es["ports"] = [dict({"port": tp, "protocol": pr}, **({"name": n} if n else {"name": ""})) for n, tp, pr in per_pod_ports[(ready + notready)[0]["metadata"]["name"]]]
        else:
            es["endpoints"] = None
            es["ports"] = None
        self.add(file, es)

    def ingress(self, ns, name, host, backend_svc, port, ago=86400 * 10, tls_secret=None, file="services.yaml", cls="nginx", lb_ip=None, path="/"):
        ing = {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
               "metadata": self.meta_obj(name, ns, ago=ago, generation=1,
                                         annotations={"cert-manager.io/cluster-issuer": "letsencrypt-prod"} if tls_secret else None),
               "spec": {"ingressClassName": cls, "rules": [{"host": host, "http": {"paths": [
                   {"backend": {"service": {"name": backend_svc, "port": {"number": port} if isinstance(port, int) else {"name": port}}},
                    "path": path, "pathType": "Prefix"}]}}]},
               "status": {"loadBalancer": {"ingress": [{"ip": lb_ip or "203.0.113.24"}]}}}
        if tls_secret:
            ing["spec"]["tls"] = [{"hosts": [host], "secretName": tls_secret}]
        if ing["metadata"].get("annotations") is None:
            ing["metadata"].pop("annotations", None)
        return self.add(file, ing)

    # ---------------------------------------------------------------- events
    def _ev_name(self, objname, ago):
        t = self.T - dt.timedelta(seconds=ago)
        nanos = int(t.timestamp()) * 10**9 + self.rng.randint(0, 999_999_999)
        return f"{objname}.{nanos:x}"

    def event(self, obj, reason, message, type_="Normal", component="kubelet", host=None, first=60, last=None,
              count=1, field_path=None, file="events.yaml", rv=None):
        md = obj["metadata"]
        last = first if last is None else last
        assert last <= first, (reason, first, last)
        io = {"apiVersion": obj["apiVersion"], "kind": obj["kind"], "name": md["name"],
              "resourceVersion": rv or str(int(md["resourceVersion"]) - self.rng.randint(1, 200)) if md.get("resourceVersion") else "",
              "uid": md["uid"]}
        if md.get("namespace"):
            io["namespace"] = md["namespace"]
        if field_path:
            io["fieldPath"] = field_path
        if obj["kind"] == "Node":
            io["uid"] = md["name"]  # kubelet node events use the node name as uid
            io.pop("resourceVersion", None)
        if component == "kubelet" and host is None and obj["kind"] == "Pod":
            host = obj["spec"].get("nodeName")
        ns = md.get("namespace", "default")
        ev = {"apiVersion": "v1", "kind": "Event", "count": count, "eventTime": None,
              "firstTimestamp": self.at(first), "lastTimestamp": self.at(last),
              "involvedObject": io, "message": message, "reason": reason,
              "metadata": {"name": self._ev_name(md["name"], first), "namespace": ns, "uid": self.uid(),
                           "resourceVersion": self.next_rv(), "creationTimestamp": self.at(first)},
              "reportingComponent": component, "reportingInstance": host or "",
              "source": {"component": component, **({"host": host} if host else {})}, "type": type_}
        return self.add(file, ev)

    def sched_event(self, pod, reason, message, ago, type_="Warning", series=None, file="events.yaml"):
        """events.k8s.io-style event as seen through core/v1 (scheduler)."""
        md = pod["metadata"]
        inst = self.scheduler_instance or "default-scheduler-" + (self.cp_name if hasattr(self, "cp_name") else "kube-scheduler")
        ev = {"apiVersion": "v1", "kind": "Event", "action": "Scheduling" if reason == "FailedScheduling" else "Binding",
              "eventTime": self.at_micro(ago), "firstTimestamp": None, "lastTimestamp": None,
              "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": md["name"], "namespace": md["namespace"],
                                 "resourceVersion": str(int(md["resourceVersion"]) - self.rng.randint(1, 100)), "uid": md["uid"]},
              "message": message, "reason": reason,
              "metadata": {"name": self._ev_name(md["name"], ago), "namespace": md["namespace"], "uid": self.uid(),
                           "resourceVersion": self.next_rv(), "creationTimestamp": self.at(ago)},
              "reportingComponent": "default-scheduler", "reportingInstance": inst, "source": {}, "type": type_}
        if series:
            cnt, last_ago = series
            ev["series"] = {"count": cnt, "lastObservedTime": self.at_micro(last_ago)}
        return self.add(file, ev)

    def start_events(self, pod, ago_sched, pulled_present=True, pull_secs=None, containers=None, file="events.yaml"):
        """Scheduled / Pulling / Pulled / Created / Started for a pod that started normally."""
        self.sched_event(pod, "Scheduled", f"Successfully assigned {pod['metadata']['namespace']}/{pod['metadata']['name']} to {pod['spec']['nodeName']}",
                         ago_sched, type_="Normal", file=file)
        t = ago_sched - 1
        specs = pod["spec"].get("initContainers", []) + pod["spec"]["containers"]
        for c in specs:
            if containers is not None and c["name"] not in containers:
                continue
            kind = "initContainers" if c in pod["spec"].get("initContainers", []) else "containers"
            fp = f"spec.{kind}{{{c['name']}}}"
            if pulled_present:
                self.event(pod, "Pulled", f'Container image "{c["image"]}" already present on machine', first=t, field_path=fp, file=file)
            else:
                secs = pull_secs or round(self.rng.uniform(1.2, 9.5), 3)
                self.event(pod, "Pulling", f'Pulling image "{c["image"]}"', first=t, field_path=fp, file=file)
                t -= int(secs)
                size = self.rng.randint(18_000_000, 260_000_000)
                self.event(pod, "Pulled", f'Successfully pulled image "{c["image"]}" in {_dur(secs)} ({_dur(secs + 0.004)} including waiting). Image size: {size} bytes.',
                           first=t, field_path=fp, file=file)
            self.event(pod, "Created", f"Created container: {c['name']}", first=t, field_path=fp, file=file)
            self.event(pod, "Started", f"Started container: {c['name']}", first=t, field_path=fp, file=file)

    def rs_events(self, rs, pods, file="events.yaml"):
        for p in pods:
            ago = (self.T - _parse(p["metadata"]["creationTimestamp"])).total_seconds()
            self.event(rs, "SuccessfulCreate", f"Created pod: {p['metadata']['name']}", component="replicaset-controller", first=ago, file=file)

    # ---------------------------------------------------------------- output
    def write(self, root, scenario_yaml, fmt="yaml"):
        d = os.path.join(root, self.name)
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for fname, items in self.files.items():
            items = [_clean(i) for i in items]
            if fmt == "json":
                fname = fname.rsplit(".", 1)[0] + ".json"
                with open(os.path.join(d, fname), "w") as f:
                    f.write(json.dumps({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}},
                                       indent=4, sort_keys=True, ensure_ascii=False) + "\n")
            elif fmt == "stream":
                with open(os.path.join(d, fname), "w") as f:
                    f.write("---\n".join(dump_yaml(i) for i in items))
            else:
                with open(os.path.join(d, fname), "w") as f:
                    f.write(dump_yaml({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}))
        for p, text in self.logs.items():
            fp = os.path.join(d, p)
            os.makedirs(os.path.dirname(fp), exist_ok=True)
            with open(fp, "w") as f:
                f.write(text)
        with open(os.path.join(d, "scenario.yaml"), "w") as f:
            f.write(yaml.safe_dump(scenario_yaml, sort_keys=False, width=100, allow_unicode=True))
        return d


# --------------------------------------------------------------------------- misc
def owner_ref(o):
    return {"apiVersion": o["apiVersion"], "blockOwnerDeletion": True, "controller": True,
            "kind": o["kind"], "name": o["metadata"]["name"], "uid": o["metadata"]["uid"]}


def _pod_ready(p):
    return any(c["type"] == "Ready" and c["status"] == "True" for c in p["status"].get("conditions", []))


def _max_unavail(dep, replicas):
    s = dep["spec"]["strategy"]
    if s["type"] != "RollingUpdate":
        return 0
    mu = s["rollingUpdate"]["maxUnavailable"]
    if isinstance(mu, str) and mu.endswith("%"):
        return int(replicas * int(mu[:-1]) / 100)
    return int(mu)


def _parse(ts):
    return dt.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def _dur(secs):
    if secs >= 60:
        m = int(secs // 60)
        return f"{m}m" + (f"{secs - m * 60:.3f}".rstrip("0").rstrip(".")) + "s"
    return f"{secs:.3f}".rstrip("0").rstrip(".") + "s"


def _clean(o):
    if isinstance(o, dict):
        return {k: _clean(v) for k, v in o.items() if not k.startswith("_")}
    if isinstance(o, list):
        return [_clean(v) for v in o]
    return o
