#!/usr/bin/env python3
"""Second batch of scenarios (jobs, ingress / Gateway API, storage, nodes, HPA, PDB, NetworkPolicy,
admission, certificates, RBAC, custom resources, dependencies, healthy clusters).

Registered into generate.py's SCENARIOS when generate.py runs, so
`python3 scenarios/generate.py [name ...]` rebuilds these too. Same helpers, same determinism
(seeded by the scenario name). X.509 material comes from _certs/ (see _certs/make_certs.py).
"""
import base64
import copy
import datetime as dt
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from k8sgen import Snap, owner_ref, _parse  # noqa: E402
from generate import (base, healthy_app, std_neighbours, broken_deploy, unavailable_conditions,  # noqa: E402
                      fix_rs_name_in_conditions, crash_state, crash_events, scheduled, ts_log, dep_scaled_event,
                      res, http_probe, write, H, D)

EXT = {}
CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_certs")


def scenario(fn):
    EXT[fn.__name__.replace("_", "-")] = fn
    return fn


# =========================================================================== helpers
def pem(name, ext="crt"):
    with open(os.path.join(CERTS, f"{name}.{ext}")) as f:
        return f.read()


def b64s(text):
    return base64.b64encode(text.encode()).decode()


def tls_secret(s, ns, name, leaf, issuer=None, ago=20 * D, annotations=None, labels=None, file="config.yaml", ca=None):
    data = {"tls.crt": pem(leaf) + (pem(issuer) if issuer else ""), "tls.key": pem(leaf, "key")}
    if ca:
        data = {"ca.crt": pem(ca), **data}
    return s.secret(ns, name, data, type_="kubernetes.io/tls", ago=ago, annotations=annotations, labels=labels, file=file)


def cond(s, type_, status, reason, message, ago, gen=None):
    c = {"lastTransitionTime": s.at(ago), "message": message}
    if gen is not None:
        c["observedGeneration"] = gen
    c.update({"reason": reason, "status": status, "type": type_})
    return c


def cr(s, file, api, kind, name, ns=None, ago=20 * D, labels=None, annotations=None, owner=None, generation=1, finalizers=None, **body):
    o = {"apiVersion": api, "kind": kind,
         "metadata": s.meta_obj(name, ns, ago=ago, labels=labels, annotations=annotations, owner=owner, generation=generation, finalizers=finalizers)}
    o.update(body)
    return s.add(file, o)


def crd(s, group, kind, plural, versions, scope="Namespaced", short=None, categories=None, ago=60 * D, labels=None, annotations=None):
    names = {"kind": kind, "listKind": kind + "List", "plural": plural, "singular": kind.lower()}
    if short:
        names["shortNames"] = short
    if categories:
        names["categories"] = categories
    vers = []
    for i, v in enumerate(versions):
        vers.append({"name": v, "schema": {"openAPIV3Schema": {"description": f"{kind} (schema abridged in this snapshot)", "type": "object",
                                                               "x-kubernetes-preserve-unknown-fields": True}},
                     "served": True, "storage": i == len(versions) - 1, "subresources": {"status": {}}})
    o = {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
         "metadata": s.meta_obj(f"{plural}.{group}", ago=ago, labels=labels, annotations=annotations, generation=1),
         "spec": {"conversion": {"strategy": "None"}, "group": group, "names": names, "scope": scope, "versions": vers},
         "status": {"acceptedNames": dict(names),
                    "conditions": [cond(s, "NamesAccepted", "True", "NoConflicts", "no conflicts found", ago - 1),
                                   cond(s, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted", ago - 1)],
                    "storedVersions": [versions[-1]]}}
    return s.add("crds.yaml", o)


def klog_ts(s, ago, level="I"):
    return level + ts_log(s, ago, "%m%d %H:%M:%S.{ms}") + "%03d" % s.rng.randint(0, 999)


def set_ready(s, pod, ready, ago):
    for c in pod["status"]["conditions"]:
        if c["type"] in ("Ready", "ContainersReady"):
            c["status"] = "True" if ready else "False"
            c["lastTransitionTime"] = s.at(ago)
            if ready:
                c.pop("reason", None)
                c.pop("message", None)


def job_done_status(s, start_ago, end_ago, succeeded=1, failed=0):
    st = {"completionTime": s.at(end_ago), "conditions": [
        {"lastProbeTime": s.at(end_ago), "lastTransitionTime": s.at(end_ago), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "SuccessCriteriaMet"},
        {"lastProbeTime": s.at(end_ago), "lastTransitionTime": s.at(end_ago), "message": "Reached expected number of succeeded pods", "reason": "CompletionsReached", "status": "True", "type": "Complete"}],
        "ready": 0, "startTime": s.at(start_ago), "succeeded": succeeded, "terminating": 0, "uncountedTerminatedPods": {}}
    if failed:
        st["failed"] = failed
    return st


JOB_FAIL_MSG = {"BackoffLimitExceeded": "Job has reached the specified backoff limit",
                "DeadlineExceeded": "Job was active longer than specified deadline"}


def job_failed_status(s, reason, start_ago, end_ago, failed):
    msg = JOB_FAIL_MSG[reason]
    # v1.31: FailureTarget is added first, Failed once every pod is terminal
    return {"conditions": [
        {"lastProbeTime": s.at(end_ago + 1), "lastTransitionTime": s.at(end_ago + 1), "message": msg, "reason": reason, "status": "True", "type": "FailureTarget"},
        {"lastProbeTime": s.at(end_ago), "lastTransitionTime": s.at(end_ago), "message": msg, "reason": reason, "status": "True", "type": "Failed"}],
        "failed": failed, "ready": 0, "startTime": s.at(start_ago), "terminating": 0, "uncountedTerminatedPods": {}}


def run_pods(s, node_cycle, created_ago, runs):
    """runs: list of (duration_seconds, exit_code, gap_after_seconds). Returns pod state dicts, oldest first."""
    out, t = [], created_ago
    for i, (dur, code, gap) in enumerate(runs):
        start = t - 2
        fin = start - dur
        st = {"node": node_cycle[i % len(node_cycle)], "ago": t, "terminal_at": fin - 1,
              "all": {"s": "terminated", "exit": code, "reason": "Completed" if code == 0 else "Error", "started": start, "finished": fin}}
        out.append(st)
        t = fin - 1 - gap
    return out


def cronjob_obj(s, ns, name, schedule, jspec, ago=60 * D, suspend=False, hist=3, failed_hist=1, starting_deadline=None, concurrency="Forbid", backoff=6, tz=None, labels=None):
    spec = {"concurrencyPolicy": concurrency, "failedJobsHistoryLimit": failed_hist,
            "jobTemplate": {"metadata": {"creationTimestamp": None}, "spec": {"backoffLimit": backoff, "template": {"metadata": {"creationTimestamp": None}, "spec": jspec}}},
            "schedule": schedule, "successfulJobsHistoryLimit": hist, "suspend": suspend}
    if starting_deadline is not None:
        spec["startingDeadlineSeconds"] = starting_deadline
    if tz:
        spec["timeZone"] = tz
    cj = {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": s.meta_obj(name, ns, ago=ago, generation=1, labels=labels), "spec": spec}
    s.add("workloads.yaml", cj)
    return cj


def cron_run(s, cj, sched_ago, pod_runs, ok, fail_reason="BackoffLimitExceeded", events=True, log=None):
    """One Job of a CronJob scheduled `sched_ago` seconds ago. pod_runs as for run_pods."""
    ns, name = cj["metadata"]["namespace"], cj["metadata"]["name"]
    sched_min = int((s.T.timestamp() - sched_ago) // 60)
    jname = f"{name}-{sched_min}"
    jspec = cj["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    states = run_pods(s, s.workers, sched_ago - 1, pod_runs)
    job, pods = s.job(ns, jname, copy.deepcopy(jspec), states, sched_ago, owner=cj, backoff=cj["spec"]["jobTemplate"]["spec"]["backoffLimit"],
                      annotations={"batch.kubernetes.io/cronjob-scheduled-timestamp": s.at(sched_ago)})
    job["spec"]["template"]["metadata"]["labels"] = job["metadata"]["labels"]
    end = states[-1]["all"]["finished"] - 2
    nfail = sum(1 for st in states if st["all"]["exit"] != 0)
    if ok:
        job["status"] = job_done_status(s, sched_ago, end, failed=nfail)
    else:
        job["status"] = job_failed_status(s, fail_reason, sched_ago, end, nfail)
    if events and sched_ago < H:
        s.event(cj, "SuccessfulCreate", f"Created job {jname}", component="cronjob-controller", first=sched_ago)
        for p, st in zip(pods, states):
            s.event(job, "SuccessfulCreate", f"Created pod: {p['metadata']['name']}", component="job-controller", first=st["ago"])
            s.start_events(p, st["ago"] - 0.5)
        if ok:
            s.event(job, "Completed", "Job completed", component="job-controller", first=end)
        else:
            s.event(job, fail_reason, JOB_FAIL_MSG[fail_reason], type_="Warning", component="job-controller", first=end)
        s.event(cj, "SawCompletedJob", f"Saw completed job: {jname}, condition: {'Complete' if ok else 'Failed'}", component="cronjob-controller", first=end - 1)
    if log:
        for p, st in zip(pods, states):
            s.log(ns, p["metadata"]["name"], jspec["containers"][0]["name"], log(p, st))
    return job, pods


def ingress_nginx(s, log_lines=(), ago=100 * D, pod_ago=9 * D, default_class=True, ing_objs=()):
    """ingress-nginx controller (helm chart layout) plus its log."""
    ns = "ingress-nginx"
    ic = s.container("controller", "registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7",
                     args=["/nginx-ingress-controller", "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller", "--election-id=ingress-nginx-leader",
                           "--controller-class=k8s.io/ingress-nginx", "--ingress-class=nginx", "--configmap=$(POD_NAMESPACE)/ingress-nginx-controller",
                           "--validating-webhook=:8443", "--validating-webhook-certificate=/usr/local/certificates/cert", "--validating-webhook-key=/usr/local/certificates/key"],
                     env=[{"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
                          {"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}},
                          {"name": "LD_PRELOAD", "value": "/usr/local/lib/libmimalloc.so"}],
                     ports=[{"containerPort": 80, "name": "http"}, {"containerPort": 443, "name": "https"}, {"containerPort": 8443, "name": "webhook"}],
                     resources={"requests": {"cpu": "100m", "memory": "90Mi"}},
                     readiness={"httpGet": {"path": "/healthz", "port": 10254}, "initialDelaySeconds": 10},
                     liveness={"httpGet": {"path": "/healthz", "port": 10254}, "initialDelaySeconds": 10, "failureThreshold": 5},
                     mounts=[{"mountPath": "/usr/local/certificates/", "name": "webhook-cert", "readOnly": True}])
    ilab = {"app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx"}
    spec = s.pod_template_spec([ic], sa="ingress-nginx", grace=300, node_selector={"kubernetes.io/os": "linux"},
                               volumes=[{"name": "webhook-cert", "secret": {"secretName": "ingress-nginx-admission"}}])
    w = s.workers
    idep, irs = s.deployment(ns, "ingress-nginx-controller", 2, spec, [{"node": w[0], "ago": pod_ago}, {"node": w[1 % len(w)], "ago": pod_ago - 40}], ago=ago, labels=ilab)
    lb = s.service(ns, "ingress-nginx-controller", dict(idep["spec"]["selector"]["matchLabels"]),
                   [{"name": "http", "port": 80, "targetPort": "http"}, {"name": "https", "port": 443, "targetPort": "https"}], ago=ago, type_="LoadBalancer", labels=ilab)
    lb["status"] = {"loadBalancer": {"ingress": [{"ip": "203.0.113.24", "ipMode": "VIP"}]}}
    s.service(ns, "ingress-nginx-controller-admission", dict(idep["spec"]["selector"]["matchLabels"]), [{"name": "https-webhook", "port": 443, "targetPort": "webhook"}], ago=ago, labels=ilab)
    s.configmap(ns, "ingress-nginx-controller", {"allow-snippet-annotations": "false"}, ago=ago, labels=ilab)
    s.secret(ns, "ingress-nginx-admission", {"ca": "-----BEGIN CERTIFICATE-----\n(omitted)\n-----END CERTIFICATE-----\n", "cert": "-----BEGIN CERTIFICATE-----\n(omitted)\n-----END CERTIFICATE-----\n", "key": "-----BEGIN EC PRIVATE KEY-----\n(omitted)\n-----END EC PRIVATE KEY-----\n"}, ago=ago)
    ann = {"ingressclass.kubernetes.io/is-default-class": "true"} if default_class else None
    s.obj("services.yaml", "networking.k8s.io/v1", "IngressClass", "nginx", ago=ago, labels=ilab, annotations=ann, spec={"controller": "k8s.io/ingress-nginx"})
    pod = irs["_podlist"][0]
    pn = pod["metadata"]["name"]
    head = f"""-------------------------------------------------------------------------------
NGINX Ingress controller
  Release:       v1.11.3
  Build:         0106de65cfccb74405a6dfa7d9daffc6f0a6ef1a
  Repository:    https://github.com/kubernetes/ingress-nginx
  nginx version: nginx/1.25.5

-------------------------------------------------------------------------------

{klog_ts(s, pod_ago - 3, 'W')}       7 client_config.go:667] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.
{klog_ts(s, pod_ago - 3)}       7 main.go:205] "Creating API client" host="https://{s.get('Service', 'default', 'kubernetes')['spec']['clusterIP']}:443"
{klog_ts(s, pod_ago - 3)}       7 main.go:248] "Running in Kubernetes cluster" major="1" minor="31" git="{s.version}" state="clean" commit="a78aa47129b8539636eb86a9d00e31b2720fe06b" platform="linux/amd64"
{klog_ts(s, pod_ago - 3)}       7 main.go:101] "SSL fake certificate created" file="/etc/ingress-controller/ssl/default-fake-certificate.pem"
{klog_ts(s, pod_ago - 3)}       7 ssl.go:535] "loading tls certificate" path="/usr/local/certificates/cert" key="/usr/local/certificates/key"
{klog_ts(s, pod_ago - 3)}       7 nginx.go:271] "Starting NGINX Ingress controller"
{klog_ts(s, pod_ago - 2)}       7 event.go:377] Event(v1.ObjectReference{{Kind:"ConfigMap", Namespace:"ingress-nginx", Name:"ingress-nginx-controller", UID:"{s.get('ConfigMap', ns, 'ingress-nginx-controller')['metadata']['uid']}", APIVersion:"v1", ResourceVersion:"{s.get('ConfigMap', ns, 'ingress-nginx-controller')['metadata']['resourceVersion']}", FieldPath:""}}): type: 'Normal' reason: 'CREATE' ConfigMap ingress-nginx/ingress-nginx-controller
"""
    for ing in ing_objs:
        m = ing["metadata"]
        cls = ing["spec"].get("ingressClassName")
        if cls == "nginx" or (cls is None and default_class):
            head += f'{klog_ts(s, pod_ago - 2)}       7 store.go:440] "Found valid IngressClass" ingress="{m["namespace"]}/{m["name"]}" ingressclass="nginx"\n'
            head += f'{klog_ts(s, pod_ago - 2)}       7 event.go:377] Event(v1.ObjectReference{{Kind:"Ingress", Namespace:"{m["namespace"]}", Name:"{m["name"]}", UID:"{m["uid"]}", APIVersion:"networking.k8s.io/v1", ResourceVersion:"{m["resourceVersion"]}", FieldPath:""}}): type: \'Normal\' reason: \'Sync\' Scheduled for sync\n'
    head += f"""{klog_ts(s, pod_ago - 1)}       7 nginx.go:317] "Starting NGINX process"
{klog_ts(s, pod_ago - 1)}       7 leaderelection.go:254] attempting to acquire leader lease ingress-nginx/ingress-nginx-leader...
{klog_ts(s, pod_ago - 1)}       7 nginx.go:337] "Starting validation webhook" address=":8443" certPath="/usr/local/certificates/cert" keyPath="/usr/local/certificates/key"
{klog_ts(s, pod_ago)}       7 controller.go:193] "Configuration changes detected, backend reload required"
{klog_ts(s, pod_ago)}       7 controller.go:213] "Backend successfully reloaded"
{klog_ts(s, pod_ago)}       7 controller.go:224] "Initial sync, sleeping for 1 second"
{klog_ts(s, pod_ago + 0)}       7 event.go:377] Event(v1.ObjectReference{{Kind:"Pod", Namespace:"ingress-nginx", Name:"{pn}", UID:"{pod['metadata']['uid']}", APIVersion:"v1", ResourceVersion:"{pod['metadata']['resourceVersion']}", FieldPath:""}}): type: 'Normal' reason: 'RELOAD' NGINX reload triggered due to a change in configuration
"""
    s.log(ns, pn, "controller", head + "".join(l if l.endswith("\n") else l + "\n" for l in log_lines))
    p2 = irs["_podlist"][1]
    s.log(ns, p2["metadata"]["name"], "controller", head.replace(pn, p2["metadata"]["name"]).replace(pod["metadata"]["uid"], p2["metadata"]["uid"]))
    return idep, irs


def access_log(s, ago, host, path, status, upstream, ns_svc_port, method="GET", size=None, rt=None, agent="Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15"):
    ip = f"198.51.100.{s.rng.randint(2, 250)}"
    t = ts_log(s, ago, "%d/%b/%Y:%H:%M:%S +0000")
    rt = rt if rt is not None else round(s.rng.uniform(0.002, 0.09), 3)
    size = size if size is not None else s.rng.randint(180, 9000)
    up = f"{upstream} {s.rng.randint(100, 9000)} {rt:.3f} {status}" if upstream else "- - - -"
    return (f'{ip} - - [{t}] "{method} {path} HTTP/2.0" {status} {size} "-" "{agent}" {s.rng.randint(30, 600)} {rt:.3f} '
            f'[{ns_svc_port}] [] {up} {s.hexs(32)}')


def ingress(s, ns, name, rules, ago=30 * D, tls=None, cls="nginx", lb=True, annotations=None, file="services.yaml"):
    """rules: list of (host, [(path, svc, port)])"""
    spec = {}
    if cls is not None:
        spec["ingressClassName"] = cls
    spec["rules"] = [{"host": h, "http": {"paths": [{"backend": {"service": {"name": sv, "port": {"number": pt} if isinstance(pt, int) else {"name": pt}}},
                                                      "path": p, "pathType": "Prefix"} for p, sv, pt in paths]}} for h, paths in rules]
    if tls:
        spec["tls"] = [{"hosts": hosts, "secretName": sec} for hosts, sec in tls]
    ing = {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
           "metadata": s.meta_obj(name, ns, ago=ago, generation=1, annotations=annotations), "spec": spec,
           "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.24"}]} if lb else {}}}
    return s.add(file, ing)


def sync_event(s, ing, first, last=None, count=1, host=None):
    s.event(ing, "Sync", "Scheduled for sync", component="nginx-ingress-controller", first=first, last=last, count=count, host=host or "")


def app_json_log(s, agos, fmt):
    return "\n".join(fmt(a) for a in agos) + "\n"


# =========================================================================== jobs / cronjobs
@scenario
def job_backoff_limit_exceeded():
    s = Snap("job-backoff-limit-exceeded", "2026-11-21T10:01:44Z", profile="kubeadm")
    base(s, ns=["orders"])
    std_neighbours(s, "orders", ("orders-api", "orders-ui"))
    c = s.container("backfill", "ghcr.io/acme/orders-tools:2.4.0", command=["python", "-m", "orders_tools.backfill"],
                    args=["--since=2026-10-01", "--batch-size=5000"],
                    env=[{"name": "DATABASE_URL", "valueFrom": {"secretKeyRef": {"key": "url", "name": "orders-db"}}}], resources=res("250m", "256Mi", "512Mi"))
    s.secret("orders", "orders-db", {"url": "postgresql://orders:not-a-real-password@orders-db.orders.svc:5432/orders"}, ago=80 * D)
    spec = s.pod_template_spec([c], restart="Never")
    ago = 31 * 60
    runs = [(9, 1, 10), (8, 1, 20), (9, 1, 40), (8, 1, 0)]
    states = run_pods(s, ["worker-2", "worker-1"], ago - 1, runs)
    job, pods = s.job("orders", "orders-backfill-shipped-at", spec, states, ago, backoff=3, labels={"app.kubernetes.io/name": "orders-backfill"})
    end = states[-1]["all"]["finished"] - 1
    job["status"] = job_failed_status(s, "BackoffLimitExceeded", ago, end, 4)
    for p, st in zip(pods, states):
        s.event(job, "SuccessfulCreate", f"Created pod: {p['metadata']['name']}", component="job-controller", first=st["ago"])
        s.start_events(p, st["ago"] - 0.5)
        t0 = st["all"]["started"]
        s.log("orders", p["metadata"]["name"], "backfill", f"""{ts_log(s, t0, '%Y-%m-%d %H:%M:%S,{ms}')} INFO orders_tools.backfill: backfilling shipped_at for orders created since 2026-10-01 (batch size 5000)
{ts_log(s, t0 - 1, '%Y-%m-%d %H:%M:%S,{ms}')} INFO orders_tools.db: connected to orders-db.orders.svc:5432/orders (server 16.4)
{ts_log(s, t0 - 2, '%Y-%m-%d %H:%M:%S,{ms}')} INFO orders_tools.backfill: 412880 orders to update
Traceback (most recent call last):
  File "<frozen runpy>", line 198, in _run_module_as_main
  File "<frozen runpy>", line 88, in _run_code
  File "/app/orders_tools/backfill.py", line 97, in <module>
    main()
  File "/app/orders_tools/backfill.py", line 91, in main
    updated += update_batch(conn, batch)
               ^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/orders_tools/backfill.py", line 54, in update_batch
    cur.execute(UPDATE_SQL, {{"ids": [o.id for o in batch]}})
  File "/usr/local/lib/python3.12/site-packages/psycopg/cursor.py", line 97, in execute
    raise ex.with_traceback(None)
psycopg.errors.UndefinedColumn: column "shipped_at" of relation "orders" does not exist
LINE 1: UPDATE orders SET shipped_at = s.created_at FROM shipments s...
                          ^
""")
    s.event(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller", first=end)
    write(s, {"title": "orders-backfill Job failed: BackoffLimitExceeded after 4 failed pods",
              "description": "A one-off backfill Job (backoffLimit 3, restartPolicy Never) ran four pods that each exited 1 with psycopg UndefinedColumn: the migration that adds orders.shipped_at has not been applied. The Job has Failed=True BackoffLimitExceeded.",
              "expect": [{"category": "JobFailed", "resource": "Job/orders/orders-backfill-shipped-at"}], "maxRootCauses": 1})


@scenario
def job_deadline_exceeded():
    s = Snap("job-deadline-exceeded", "2026-11-21T09:57:20Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["search"])
    std_neighbours(s, "search", ("search-api", "query-suggest"))
    c = s.container("reindex", "europe-west1-docker.pkg.dev/acme-prod-4411/apps/search-tools:5.2.1", command=["/usr/local/bin/reindex"],
                    args=["--source=catalog", "--target=products-v42", "--bulk-size=500", "--workers=2"],
                    env=[{"name": "ES_URL", "value": "http://elasticsearch.search.svc:9200"}], resources=res("500m", "512Mi", "1Gi"))
    spec = s.pod_template_spec([c], restart="Never")
    ago = 62 * 60
    w = s.workers
    # first pod failed on a bulk timeout after 21 minutes; the second one was deleted when the deadline hit
    states = [{"node": w[1], "ago": ago - 1, "terminal_at": ago - 1 - 21 * 60 - 4,
               "all": {"s": "terminated", "exit": 1, "reason": "Error", "started": ago - 4, "finished": ago - 4 - 21 * 60}}]
    job, pods = s.job("search", "reindex-products-v42", spec, states, ago, backoff=2, labels={"app.kubernetes.io/name": "reindex"})
    job["spec"]["activeDeadlineSeconds"] = 3600
    end = ago - 3600 - 1
    job["status"] = job_failed_status(s, "DeadlineExceeded", ago, end, 2)
    p0 = pods[0]
    pod2_name = f"reindex-products-v42-{s.rand(5)}"
    s.event(job, "SuccessfulCreate", f"Created pod: {p0['metadata']['name']}", component="job-controller", first=ago - 1)
    s.event(job, "SuccessfulCreate", f"Created pod: {pod2_name}", component="job-controller", first=ago - 1 - 21 * 60 - 15)
    s.event(job, "SuccessfulDelete", f"Deleted pod: {pod2_name}", component="job-controller", first=end + 1)
    s.event(job, "DeadlineExceeded", "Job was active longer than specified deadline", type_="Warning", component="job-controller", first=end)
    s.start_events(p0, ago - 1.5)
    lines = [f'{{"level":"info","ts":"{ts_log(s, ago - 4)}","msg":"reindex starting","source":"catalog","target":"products-v42","documents":9817344}}']
    done = 0
    for k in range(1, 21):
        done += s.rng.randint(20500, 23500) * 60 // 60
        lines.append(f'{{"level":"info","ts":"{ts_log(s, ago - 4 - k * 60)}","msg":"progress","indexed":{done},"total":9817344,"rate_per_s":{round(done / (k * 60), 1)},"eta":"{int((9817344 - done) / (done / (k * 60)) // 3600)}h{int((9817344 - done) / (done / (k * 60)) % 3600 // 60)}m"}}')
    lines.append(f'{{"level":"error","ts":"{ts_log(s, ago - 4 - 21 * 60)}","msg":"bulk request failed","error":"Post \\"http://elasticsearch.search.svc:9200/_bulk\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)","attempt":3}}')
    lines.append(f'{{"level":"fatal","ts":"{ts_log(s, ago - 4 - 21 * 60)}","msg":"giving up after 3 bulk failures"}}')
    s.log("search", p0["metadata"]["name"], "reindex", "\n".join(lines))
    write(s, {"title": "reindex Job failed: DeadlineExceeded (activeDeadlineSeconds 3600)",
              "description": "The reindex of ~9.8M documents runs at ~350 docs/s (ETA over 7h) but the Job allows 3600 s. The first pod failed on a bulk timeout, its replacement was deleted when the deadline hit: Failed=True DeadlineExceeded.",
              "expect": [{"category": "JobFailed", "resource": "Job/search/reindex-products-v42"}], "maxRootCauses": 1})


@scenario
def cronjob_last_jobs_failing():
    s = Snap("cronjob-last-jobs-failing", "2026-11-21T02:51:07Z", profile="kubeadm")
    base(s, ns=["billing"])
    std_neighbours(s, "billing", ("billing-api", "invoice-ui"))
    c = s.container("pg-dump", "postgres:16.6", command=["/bin/sh", "-c"],
                    args=["pg_dump --format=custom --no-owner --file=/backup/billing-$(date +%Y%m%d).dump && ls -l /backup"],
                    env=[{"name": "PGHOST", "value": "billing-db.billing.svc"}, {"name": "PGUSER", "value": "backup"}, {"name": "PGDATABASE", "value": "billing"},
                         {"name": "PGPASSWORD", "valueFrom": {"secretKeyRef": {"key": "password", "name": "billing-db-backup"}}}],
                    resources=res("100m", "256Mi", "1Gi"), mounts=[{"mountPath": "/backup", "name": "backup"}])
    s.secret("billing", "billing-db-backup", {"password": "not-a-real-password"}, ago=200 * D)
    s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "nfs-backup", ago=118 * D, provisioner="nfs.csi.k8s.io", reclaimPolicy="Retain",
          volumeBindingMode="Immediate", parameters={"server": "10.10.0.5", "share": "/exports/backup"})
    s.pvc("billing", "billing-backups", "200Gi", storage_class="nfs-backup", ago=200 * D, access=("ReadWriteMany",))
    jspec = s.pod_template_spec([c], restart="Never", volumes=[{"name": "backup", "persistentVolumeClaim": {"claimName": "billing-backups"}}])
    cj = cronjob_obj(s, "billing", "billing-db-backup", "15 2 * * *", jspec, ago=200 * D, failed_hist=3, backoff=1)
    base_ago = 36 * 60 + 7  # 02:15:00
    ok_log = lambda p, st: f"-rw-r--r--    1 root     root     {s.rng.randint(2100000000, 2300000000)} {ts_log(s, st['all']['finished'], '%b %d %H:%M')} billing-{ts_log(s, st['ago'], '%Y%m%d')}.dump\n"
    bad_log = lambda p, st: "pg_dump: error: aborting because of server version mismatch\npg_dump: detail: server version: 17.2; pg_dump version: 16.6\n"
    for d in (6, 5, 4):
        cron_run(s, cj, base_ago + d * D, [(s.rng.randint(300, 420), 0, 0)], ok=True, log=ok_log)
    last = None
    for d in (2, 1, 0):
        job, pods = cron_run(s, cj, base_ago + d * D, [(1, 1, 10), (1, 1, 0)], ok=False, log=bad_log)
        last = job
    # the database StatefulSet was upgraded to 17 four days ago
    pc = s.container("postgres", "postgres:17.2", ports=[{"containerPort": 5432, "name": "postgres"}], resources=res("500m", "1Gi", "2Gi"),
                     env=[{"name": "PGDATA", "value": "/var/lib/postgresql/data/pgdata"}], readiness={"exec": {"command": ["pg_isready", "-U", "postgres"]}},
                     mounts=[{"mountPath": "/var/lib/postgresql/data", "name": "data"}])
    s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "local-path", ago=118 * D, annotations={"storageclass.kubernetes.io/is-default-class": "true"},
          provisioner="rancher.io/local-path", reclaimPolicy="Delete", volumeBindingMode="WaitForFirstConsumer")
    s.statefulset("billing", "billing-db", 1, s.pod_template_spec([pc]), [{"node": "worker-1", "ago": 3 * D + 20 * H}], "billing-db", ago=200 * D,
                  vct=[{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"},
                        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "50Gi"}}, "storageClassName": "local-path", "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}],
                  pvc_storage_class="local-path")
    s.service("billing", "billing-db", {"app": "billing-db"}, [{"name": "postgres", "port": 5432, "targetPort": "postgres"}], ago=200 * D)
    cj["status"] = {"lastScheduleTime": s.at(base_ago), "lastSuccessfulTime": s.at(base_ago + 4 * D - 400)}
    write(s, {"title": "billing-db-backup CronJob: the last three nightly Jobs failed",
              "description": "Since billing-db moved to PostgreSQL 17.2 four days ago, every nightly run of the pg_dump 16.6 image exits 1 ('server version mismatch'); the three newest Jobs are Failed with BackoffLimitExceeded, lastSuccessfulTime is four days old.",
              "expect": [{"category": "JobFailed", "resource": "CronJob/billing/billing-db-backup"}], "maxRootCauses": 1})


@scenario
def cronjob_suspended():
    s = Snap("cronjob-suspended", "2026-11-21T09:44:31Z", profile="eks")
    base(s, workers=3, ns=["pricing"])
    img = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fx-sync:1.6.2"
    c = s.container("fx-sync", img, args=["--provider=ecb", "--publish-configmap=pricing/exchange-rates"], resources=res("50m", "64Mi", "128Mi"))
    jspec = s.pod_template_spec([c], sa="fx-sync", restart="OnFailure")
    s.obj("config.yaml", "v1", "ServiceAccount", "fx-sync", "pricing", ago=150 * D)
    cj = cronjob_obj(s, "pricing", "exchange-rates-sync", "*/30 * * * *", jspec, ago=150 * D, suspend=True, hist=3)
    cj["metadata"]["generation"] = 2
    last_ago = 3 * D + 2 * H + 14 * 60 + 31  # 2026-11-18T07:30:00Z
    for k in (2, 1, 0):
        cron_run(s, cj, last_ago + k * 1800, [(s.rng.randint(6, 14), 0, 0)], ok=True,
                 log=lambda p, st: f'time="{ts_log(s, st["all"]["started"], "%Y-%m-%dT%H:%M:%SZ")}" level=info msg="fetched 31 rates from ecb"\ntime="{ts_log(s, st["all"]["finished"], "%Y-%m-%dT%H:%M:%SZ")}" level=info msg="configmap pricing/exchange-rates updated"\n')
    cj["status"] = {"lastScheduleTime": s.at(last_ago), "lastSuccessfulTime": s.at(last_ago - 12)}
    s.configmap("pricing", "exchange-rates", {"rates.json": json.dumps({"base": "EUR", "date": "2026-11-18", "rates": {"USD": 1.0412, "GBP": 0.8317, "CHF": 0.9302, "JPY": 161.27}}, sort_keys=True),
                                              "updatedAt": s.at(last_ago - 12)}, ago=150 * D)
    dep, rs, svc = healthy_app(s, "pricing", "pricing-api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/pricing-api:3.0.4", ago=150 * D, pod_ago=2 * D, replicas=2,
                               env=[{"name": "FX_MAX_AGE", "value": "2h"}])
    for p in rs["_podlist"]:
        lines = []
        for a in range(2 * D - 60, 0, -3 * H):
            lines.append(f'{{"time":"{ts_log(s, a)}","level":"WARN","msg":"exchange rates are stale","updatedAt":"{s.at(last_ago - 12)}","age":"{int((last_ago - a) // 3600)}h{int((last_ago - a) % 3600 // 60)}m","maxAge":"2h0m0s"}}')
            lines.append(f'{{"time":"{ts_log(s, a - 1)}","level":"INFO","msg":"quote served","currency":"USD","stale":true}}')
        s.log("pricing", p["metadata"]["name"], "pricing-api", "\n".join(lines))
    std_neighbours(s, "pricing", ("checkout",))
    write(s, {"title": "exchange-rates-sync CronJob is suspended; pricing-api serves 3-day-old rates",
              "description": "spec.suspend was set to true three days ago (generation 2); the last Job ran at 2026-11-18T07:30Z and pricing-api logs 'exchange rates are stale' with maxAge 2h.",
              "expect": [{"category": "CronJobNotScheduling", "resource": "CronJob/pricing/exchange-rates-sync"}], "maxRootCauses": 1})


@scenario
def cronjob_invalid_schedule():
    s = Snap("cronjob-invalid-schedule", "2026-11-21T10:06:12Z", profile="kubeadm")
    base(s, ns=["media"])
    std_neighbours(s, "media", ("uploader", "thumbnails"))
    c = s.container("cleanup", "ghcr.io/acme/media-tools:0.8.3", command=["/usr/local/bin/purge-tmp"], args=["--older-than=48h", "--bucket=media-tmp"], resources=res("50m", "64Mi", "128Mi"))
    cj = cronjob_obj(s, "media", "purge-tmp-uploads", "0 26 * * *", s.pod_template_spec([c], restart="OnFailure"), ago=90 * D)
    cj["metadata"]["generation"] = 3
    last = 8 * H + 6 * 60 + 12  # 02:00
    for d in (2, 1, 0):
        cron_run(s, cj, last + d * D, [(s.rng.randint(30, 90), 0, 0)], ok=True)
    cj["status"] = {"lastScheduleTime": s.at(last), "lastSuccessfulTime": s.at(last - 80)}
    s.event(cj, "UnparseableSchedule", 'unparseable schedule: "0 26 * * *" : end of range (26) above maximum (23): 26', type_="Warning",
            component="cronjob-controller", first=41 * 60, last=41 * 60 - 2, count=2)
    write(s, {"title": "purge-tmp-uploads CronJob has an unparseable schedule (hour 26)",
              "description": "An edit 41 minutes ago changed the schedule from '0 2 * * *' to '0 26 * * *'; the cronjob controller emits UnparseableSchedule and stops scheduling it. Earlier Jobs succeeded.",
              "expect": [{"category": "CronJobNotScheduling", "resource": "CronJob/media/purge-tmp-uploads"}], "maxRootCauses": 1})


@scenario
def cronjob_missed_starting_deadline():
    s = Snap("cronjob-missed-starting-deadline", "2026-11-21T09:52:40Z", profile="kubeadm")
    base(s, ns=["analytics"])
    std_neighbours(s, "analytics", ("dashboards", "events-api"))
    c = s.container("rollup", "ghcr.io/acme/metrics-rollup:4.1.0", args=["--window=5m"], resources=res("200m", "256Mi", "512Mi"))
    cj = cronjob_obj(s, "analytics", "metrics-rollup-5m", "*/5 * * * *", s.pod_template_spec([c], restart="OnFailure"), ago=70 * D, starting_deadline=5)
    # last Job that started: 09:20
    last = 32 * 60 + 40
    for k in (2, 1, 0):
        cron_run(s, cj, last + k * 300, [(s.rng.randint(40, 80), 0, 0)], ok=True)
    cj["status"] = {"lastScheduleTime": s.at(last), "lastSuccessfulTime": s.at(last - 70)}
    for k in range(6):
        missed = last - 300 * (k + 1)
        t = s.T - dt.timedelta(seconds=missed)
        s.event(cj, "MissSchedule", f"Missed scheduled time to start a job: {t.strftime('%a, %d %b %Y %H:%M:%S +0000')}", type_="Warning",
                component="cronjob-controller", first=missed - s.rng.randint(7, 12))
    kcm = [p for (ns, n), p in s.pods.items() if n.startswith("kube-controller-manager-")][0]
    lines = []
    for a in range(last - 290, 0, -37):
        lines.append(f'{klog_ts(s, a)}       1 request.go:700] Waited for {round(s.rng.uniform(5.2, 9.8), 6)}s due to client-side throttling, not priority and fairness, request: POST:https://10.10.0.10:6443/apis/batch/v1/namespaces/analytics/jobs')
        if s.rng.random() < 0.4:
            lines.append(f'{klog_ts(s, a - 1)}       1 request.go:700] Waited for {round(s.rng.uniform(4.0, 8.0), 6)}s due to client-side throttling, not priority and fairness, request: PUT:https://10.10.0.10:6443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager')
    s.log("kube-system", kcm["metadata"]["name"], "kube-controller-manager", "\n".join(lines))
    write(s, {"title": "metrics-rollup-5m misses every run: startingDeadlineSeconds 5 is shorter than the controller's create latency",
              "description": "Since 09:25 the cronjob controller reports MissSchedule for each */5 slot: kube-controller-manager is client-side throttled for 5-10 s per request, longer than the CronJob's startingDeadlineSeconds of 5, so no Job has been created for 30 minutes.",
              "expect": [{"category": "CronJobNotScheduling", "resource": "CronJob/analytics/metrics-rollup-5m"}], "maxRootCauses": 1})


# =========================================================================== ingress
def _web_apps(s, ns, names, ago=60 * D, pod_ago=None, replicas=2, **kw):
    out = {}
    for i, n in enumerate(names):
        out[n] = healthy_app(s, ns, n, f"ghcr.io/acme/{n}:{2 + i}.{s.rng.randint(0, 9)}.{s.rng.randint(0, 9)}", ago=ago - i * D if ago > 3 * D else ago,
                             pod_ago=pod_ago or (2 + i) * D, replicas=replicas, **kw)
    return out


@scenario
def ingress_missing_ingressclass():
    s = Snap("ingress-missing-ingressclass", "2026-11-21T09:49:03Z", profile="kubeadm")
    base(s, ns=["ingress-nginx", "docs", "shop"])
    _web_apps(s, "shop", ("frontend", "cart"))
    _web_apps(s, "docs", ("docs-site",), ago=25 * 60 + 300, pod_ago=25 * 60 + 200)
    good = ingress(s, "shop", "frontend", [("shop.example.com", [("/", "frontend", 80)])], ago=60 * D)
    bad = ingress(s, "docs", "docs-site", [("docs.example.com", [("/", "docs-site", 80)])], ago=24 * 60, cls="nginx-public", lb=False)
    lines = [f'{klog_ts(s, 24 * 60 - 1)}       7 store.go:436] "Ignoring ingress because of error while validating ingress class" ingress="docs/docs-site" error="no object matching key \\"nginx-public\\" in local store"']
    for a in range(24 * 60 - 60, 0, -311):
        lines.append(access_log(s, a, "shop.example.com", "/", 200, f"{s.pods[sorted(k for k in s.pods if k[0] == 'shop')[0]]['status']['podIP']}:8080", "shop-frontend-80"))
    ingress_nginx(s, lines, ing_objs=[good], default_class=False)
    write(s, {"title": "docs-site Ingress is ignored: ingressClassName nginx-public does not exist",
              "description": "The only IngressClass is 'nginx' (not marked default). The new docs Ingress asks for 'nginx-public', so ingress-nginx logs 'Ignoring ingress because of error while validating ingress class' and the Ingress never gets an address.",
              "expect": [{"category": "IngressMisconfigured", "resource": "Ingress/docs/docs-site"}], "maxRootCauses": 1})


@scenario
def ingress_backend_service_missing():
    s = Snap("ingress-backend-service-missing", "2026-11-21T10:11:27Z", profile="kubeadm")
    base(s, ns=["ingress-nginx", "shop"])
    apps = _web_apps(s, "shop", ("storefront", "storefront-backend"))
    ing = ingress(s, "shop", "storefront", [("shop.example.com", [("/api", "storefront-api", 80), ("/", "storefront", 80)])], ago=90 * D)
    ing["metadata"]["generation"] = 4
    ing["metadata"]["annotations"] = {"kubectl.kubernetes.io/last-applied-configuration": json.dumps({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"annotations": {}, "name": "storefront", "namespace": "shop"}, "spec": ing["spec"]}, separators=(",", ":")) + "\n"}
    fip = apps["storefront"][1]["_podlist"][0]["status"]["podIP"]
    lines = []
    for a in range(52 * 60, 0, -97):
        lines.append(f'{klog_ts(s, a, "W")}       7 controller.go:1214] Error obtaining Endpoints for Service "shop/storefront-api": no object matching key "shop/storefront-api" in local store')
        lines.append(access_log(s, a - 2, "shop.example.com", "/api/v2/cart", 503, None, "shop-storefront-api-80", size=190, rt=0.0))
        lines.append(access_log(s, a - 5, "shop.example.com", "/", 200, f"{fip}:8080", "shop-storefront-80"))
    ingress_nginx(s, lines, ing_objs=[ing])
    sync_event(s, ing, 52 * 60, 52 * 60 - 1, count=2)
    write(s, {"title": "storefront Ingress routes /api to a Service that does not exist",
              "description": "The backend Service was renamed to storefront-backend 52 minutes ago; the Ingress still points /api at storefront-api. ingress-nginx logs 'Error obtaining Endpoints for Service \"shop/storefront-api\"' and answers 503 on /api.",
              "expect": [{"category": "IngressMisconfigured", "resource": "Ingress/shop/storefront"}], "maxRootCauses": 1})


@scenario
def ingress_backend_port_missing():
    s = Snap("ingress-backend-port-missing", "2026-11-21T09:38:50Z", profile="eks")
    base(s, workers=3, ns=["ingress-nginx", "catalog"])
    apps = _web_apps(s, "catalog", ("catalog-api", "catalog-ui"))
    ing = ingress(s, "catalog", "catalog", [("catalog.example.com", [("/api", "catalog-api", 8080), ("/", "catalog-ui", 80)])], ago=14 * 60)
    uip = apps["catalog-ui"][1]["_podlist"][0]["status"]["podIP"]
    lines = []
    for a in range(14 * 60 - 5, 0, -53):
        lines.append(f'{klog_ts(s, a, "W")}       7 controller.go:1110] Service "catalog/catalog-api" does not have any active Endpoint.')
        lines.append(access_log(s, a - 1, "catalog.example.com", "/api/v1/products?page=2", 503, None, "catalog-catalog-api-8080", size=190, rt=0.0))
        lines.append(access_log(s, a - 3, "catalog.example.com", "/", 200, f"{uip}:8080", "catalog-catalog-ui-80"))
    ingress_nginx(s, lines, ing_objs=[ing])
    sync_event(s, ing, 14 * 60)
    write(s, {"title": "catalog Ingress uses port 8080 on Service catalog-api, which only exposes port 80",
              "description": "Service catalog-api has a single port 80 (name http, targetPort http); the Ingress backend asks for port number 8080, so ingress-nginx finds no endpoints for it and answers 503 on /api while / works.",
              "expect": [{"category": "IngressMisconfigured", "resource": "Ingress/catalog/catalog"}], "maxRootCauses": 1})


@scenario
def ingress_tls_secret_missing():
    s = Snap("ingress-tls-secret-missing", "2026-11-21T10:14:05Z", profile="kubeadm")
    base(s, ns=["ingress-nginx", "ops"])
    apps = _web_apps(s, "ops", ("admin-console", "status-page"))
    ing = ingress(s, "ops", "admin-console", [("admin.ops.example.com", [("/", "admin-console", 80)])], ago=47 * 60,
                  tls=[(["admin.ops.example.com"], "admin-console-tls")], annotations={"nginx.ingress.kubernetes.io/force-ssl-redirect": "true"})
    ing2 = ingress(s, "ops", "status-page", [("status.example.com", [("/", "status-page", 80)])], ago=80 * D)
    lines = [f'{klog_ts(s, 47 * 60 - 1, "W")}       7 backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key "ops/admin-console-tls" in local store']
    for a in range(47 * 60 - 2, 0, -240):
        lines.append(f'{klog_ts(s, a, "W")}       7 controller.go:1372] Error getting SSL certificate "ops/admin-console-tls": local SSL certificate ops/admin-console-tls was not found. Using default certificate')
    ingress_nginx(s, lines, ing_objs=[ing, ing2])
    sync_event(s, ing, 47 * 60)
    write(s, {"title": "admin-console Ingress references TLS Secret admin-console-tls, which does not exist",
              "description": "No Secret admin-console-tls exists in ops (there is no cert-manager in this cluster to create it). ingress-nginx serves its self-signed default certificate for admin.ops.example.com and logs 'local SSL certificate ops/admin-console-tls was not found'.",
              "expect": [{"category": "IngressMisconfigured", "resource": "Ingress/ops/admin-console"}], "maxRootCauses": 1})


# =========================================================================== Gateway API (Envoy Gateway)
GW = "gateway.networking.k8s.io/v1"


def gateway_crds(s, ago=80 * D):
    ann = {"api-approved.kubernetes.io": "https://github.com/kubernetes-sigs/gateway-api/pull/3328", "gateway.networking.k8s.io/bundle-version": "v1.2.1",
           "gateway.networking.k8s.io/channel": "standard"}
    crd(s, "gateway.networking.k8s.io", "GatewayClass", "gatewayclasses", ["v1beta1", "v1"], scope="Cluster", short=["gc"], categories=["gateway-api"], ago=ago, annotations=ann)
    crd(s, "gateway.networking.k8s.io", "Gateway", "gateways", ["v1beta1", "v1"], short=["gtw"], categories=["gateway-api"], ago=ago, annotations=ann)
    crd(s, "gateway.networking.k8s.io", "HTTPRoute", "httproutes", ["v1beta1", "v1"], categories=["gateway-api"], ago=ago, annotations=ann)
    crd(s, "gateway.networking.k8s.io", "ReferenceGrant", "referencegrants", ["v1beta1"], short=["refgrant"], categories=["gateway-api"], ago=ago, annotations=ann)
    crd(s, "gateway.envoyproxy.io", "EnvoyProxy", "envoyproxies", ["v1alpha1"], short=["eproxy"], ago=ago, annotations={"controller-gen.kubebuilder.io/version": "v0.16.1"})


def envoy_gateway(s, ago=80 * D, pod_ago=6 * D, log_lines=()):
    ns = "envoy-gateway-system"
    c = s.container("envoy-gateway", "docker.io/envoyproxy/gateway:v1.2.4", args=["server", "--config-path=/config/envoy-gateway.yaml"],
                    ports=[{"containerPort": 18000, "name": "grpc"}, {"containerPort": 18001, "name": "ratelimit"}, {"containerPort": 18002, "name": "wasm"}, {"containerPort": 19001, "name": "metrics"}],
                    resources={"limits": {"memory": "1Gi"}, "requests": {"cpu": "100m", "memory": "256Mi"}},
                    readiness={"httpGet": {"path": "/readyz", "port": 8081}, "initialDelaySeconds": 5},
                    liveness={"httpGet": {"path": "/healthz", "port": 8081}, "initialDelaySeconds": 15, "periodSeconds": 20},
                    mounts=[{"mountPath": "/config", "name": "envoy-gateway-config", "readOnly": True}, {"mountPath": "/certs", "name": "certs", "readOnly": True}])
    lab = {"app.kubernetes.io/instance": "eg", "app.kubernetes.io/name": "gateway-helm", "control-plane": "envoy-gateway"}
    dep, rs = s.deployment(ns, "envoy-gateway", 1, s.pod_template_spec([c], sa="envoy-gateway", volumes=[{"configMap": {"name": "envoy-gateway-config"}, "name": "envoy-gateway-config"},
                                                                                                          {"name": "certs", "secret": {"secretName": "envoy-gateway"}}]),
                           [{"node": s.workers[0], "ago": pod_ago}], ago=ago, labels=lab, template_labels={"control-plane": "envoy-gateway", "app.kubernetes.io/instance": "eg", "app.kubernetes.io/name": "gateway-helm"})
    s.service(ns, "envoy-gateway", dict(dep["spec"]["selector"]["matchLabels"]), [{"name": "grpc", "port": 18000, "targetPort": 18000}, {"name": "ratelimit", "port": 18001, "targetPort": 18001},
                                                                                  {"name": "wasm", "port": 18002, "targetPort": 18002}, {"name": "metrics", "port": 19001, "targetPort": 19001}], ago=ago, labels=lab)
    s.configmap(ns, "envoy-gateway-config", {"envoy-gateway.yaml": "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: EnvoyGateway\ngateway:\n  controllerName: gateway.envoyproxy.io/gatewayclass-controller\nlogging:\n  level:\n    default: info\nprovider:\n  kubernetes:\n    rateLimitDeployment: {}\n  type: Kubernetes\n"}, ago=ago)
    pod = rs["_podlist"][0]
    head = [f'{ts_log(s, pod_ago - 2)}\tINFO\tcert-provider\tcertgen/main.go:44\tcertificates are ready', f'{ts_log(s, pod_ago - 2)}\tINFO\tprovider\tkubernetes/kubernetes.go:56\tstarting provider', f'{ts_log(s, pod_ago - 1)}\tINFO\tprovider\tkubernetes/controller.go:155\twatching resources', f'{ts_log(s, pod_ago - 1)}\tINFO\tinfrastructure\tkubernetes/infra.go:60\tstarting infrastructure manager']
    s.log(ns, pod["metadata"]["name"], "envoy-gateway", "\n".join(head + list(log_lines)))
    return dep


def envoy_proxy_fleet(s, gw, pod_ago, ready=True, lb_ip="203.0.113.40", ago=None):
    """The per-Gateway envoy Deployment + LoadBalancer Service Envoy Gateway creates in envoy-gateway-system."""
    ns = "envoy-gateway-system"
    gns, gname = gw["metadata"]["namespace"], gw["metadata"]["name"]
    name = f"envoy-{gns}-{gname}-{hashlib.sha256(f'{gns}/{gname}'.encode()).hexdigest()[:8]}"
    lab = {"app.kubernetes.io/component": "proxy", "app.kubernetes.io/managed-by": "envoy-gateway", "app.kubernetes.io/name": "envoy",
           "gateway.envoyproxy.io/owning-gateway-name": gname, "gateway.envoyproxy.io/owning-gateway-namespace": gns}
    c = s.container("envoy", "docker.io/envoyproxy/envoy:distroless-v1.32.3", args=["--service-cluster", name, "--service-node", "$(ENVOY_POD_NAME)", "--config-yaml", "(bootstrap omitted)", "--log-level", "warn"],
                    ports=[{"containerPort": 10080, "name": "http-80"}, {"containerPort": 10443, "name": "https-443"}, {"containerPort": 19001, "name": "metrics"}],
                    resources={"requests": {"cpu": "100m", "memory": "512Mi"}}, readiness={"httpGet": {"path": "/ready", "port": 19003}, "timeoutSeconds": 1})
    a = ago or gw_age(s, gw)
    dep, rs = s.deployment(ns, name, 1, s.pod_template_spec([c], sa=name), [{"node": s.workers[-1], "ago": pod_ago}], ago=a, labels=lab)
    svc = s.service(ns, name, dict(dep["spec"]["selector"]["matchLabels"]), [{"name": "http-80", "port": 80, "targetPort": 10080}, {"name": "https-443", "port": 443, "targetPort": 10443}],
                    ago=a, type_="LoadBalancer", labels=lab)
    svc["status"] = {"loadBalancer": {"ingress": [{"ip": lb_ip, "ipMode": "VIP"}]}} if lb_ip else {"loadBalancer": {}}
    return dep, svc


def gw_age(s, gw):
    return (s.T - _parse(gw["metadata"]["creationTimestamp"])).total_seconds() - 2


def gatewayclass(s, name="eg", accepted=True, reason="Accepted", message="Valid GatewayClass", ago=80 * D, params=None, at=None):
    spec = {"controllerName": "gateway.envoyproxy.io/gatewayclass-controller"}
    if params:
        spec["parametersRef"] = params
    gc = cr(s, "gateway.yaml", GW, "GatewayClass", name, ago=ago, spec=spec, finalizers=["gateway-exists-finalizer.gateway.networking.k8s.io"])
    gc["status"] = {"conditions": [cond(s, "Accepted", "True" if accepted else "False", reason, message, at or ago - 5, 1)],
                    "supportedFeatures": [{"name": n} for n in ("GRPCRoute", "Gateway", "HTTPRoute", "HTTPRouteHostRewrite", "HTTPRoutePathRedirect", "HTTPRouteRequestMirror", "ReferenceGrant", "TLSRoute")]}
    return gc


def gateway(s, ns, name, cls="eg", ago=60 * D, listeners=None, status="programmed", addr="203.0.113.40", routes=1, at=None):
    listeners = listeners or [{"allowedRoutes": {"namespaces": {"from": "All"}}, "name": "http", "port": 80, "protocol": "HTTP"}]
    gw = cr(s, "gateway.yaml", GW, "Gateway", name, ns, ago=ago, spec={"gatewayClassName": cls, "listeners": listeners})
    at = at or ago - 10
    lst = []
    for l in listeners:
        kinds = [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute"}, {"group": "gateway.networking.k8s.io", "kind": "GRPCRoute"}]
        lst.append({"attachedRoutes": routes if status != "pending" else 0, "conditions": [
            cond(s, "Programmed", "True", "Programmed", "Sending translated listener configuration to the data plane", at, 1),
            cond(s, "Accepted", "True", "Accepted", "Listener has been successfully translated", at, 1),
            cond(s, "ResolvedRefs", "True", "ResolvedRefs", "Listener references have been resolved", at, 1)], "name": l["name"], "supportedKinds": kinds})
    if status == "pending":
        gw["status"] = {"conditions": [{"lastTransitionTime": "1970-01-01T00:00:00Z", "message": "Waiting for controller", "reason": "Pending", "status": "Unknown", "type": "Accepted"},
                                       {"lastTransitionTime": "1970-01-01T00:00:00Z", "message": "Waiting for controller", "reason": "Pending", "status": "Unknown", "type": "Programmed"}]}
    elif status == "noaddress":
        gw["status"] = {"conditions": [cond(s, "Accepted", "True", "Accepted", "The Gateway has been scheduled by Envoy Gateway", at, 1),
                                       cond(s, "Programmed", "False", "AddressNotAssigned", "No addresses have been assigned to the Gateway", at, 1)], "listeners": lst}
    else:
        gw["status"] = {"addresses": [{"type": "IPAddress", "value": addr}],
                        "conditions": [cond(s, "Accepted", "True", "Accepted", "The Gateway has been scheduled by Envoy Gateway", at, 1),
                                       cond(s, "Programmed", "True", "Programmed", "Address assigned to the Gateway, 1/1 envoy replicas available", at - 20, 1)], "listeners": lst}
    return gw


def httproute(s, ns, name, parent, hosts, backends, ago=30 * D, parent_status="ok", resolved=None, at=None):
    """parent: (ns, name) of the Gateway; backends: list of (path, svc, port)."""
    pref = {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": parent[1]}
    if parent[0] != ns:
        pref["namespace"] = parent[0]
    rules = [{"backendRefs": [{"group": "", "kind": "Service", "name": sv, "port": pt, "weight": 1}],
              "matches": [{"path": {"type": "PathPrefix", "value": p}}]} for p, sv, pt in backends]
    rt = cr(s, "gateway.yaml", GW, "HTTPRoute", name, ns, ago=ago, spec={"hostnames": hosts, "parentRefs": [pref], "rules": rules})
    at = at or ago - 3
    if parent_status == "none":
        rt["status"] = {"parents": []}
    else:
        rc = resolved or ("True", "ResolvedRefs", "Resolved all the Object references for the Route")
        rt["status"] = {"parents": [{"conditions": [cond(s, "Accepted", "True", "Accepted", "Route is accepted", at, 1),
                                                    cond(s, "ResolvedRefs", rc[0], rc[1], rc[2], at, 1)],
                                     "controllerName": "gateway.envoyproxy.io/gatewayclass-controller", "parentRef": pref}]}
    return rt


@scenario
def gateway_class_not_accepted():
    s = Snap("gateway-class-not-accepted", "2026-11-21T09:42:18Z", profile="eks")
    base(s, workers=3, ns=["envoy-gateway-system", "web"])
    gateway_crds(s)
    msg = 'Invalid parametersRef: failed to find envoyproxy envoy-gateway-system/eg-proxy-config: envoyproxies.gateway.envoyproxy.io "eg-proxy-config" not found'
    envoy_gateway(s, ago=30 * 60, pod_ago=29 * 60, log_lines=[
        f'{ts_log(s, 28 * 60)}\tERROR\tprovider\tkubernetes/controller.go:229\tfailed to process parametersRef for gatewayclass\t{{"runner": "provider", "name": "eg", "error": "failed to find envoyproxy envoy-gateway-system/eg-proxy-config: envoyproxies.gateway.envoyproxy.io \\"eg-proxy-config\\" not found"}}'])
    gatewayclass(s, "eg", accepted=False, reason="InvalidParameters", message=msg, ago=29 * 60, at=28 * 60,
                 params={"group": "gateway.envoyproxy.io", "kind": "EnvoyProxy", "name": "eg-proxy-config", "namespace": "envoy-gateway-system"})
    gw = gateway(s, "web", "public", ago=27 * 60, status="pending")
    _web_apps(s, "web", ("storefront", "blog"))
    httproute(s, "web", "storefront", ("web", "public"), ["www.example.com"], [("/", "storefront", 80)], ago=27 * 60, parent_status="none")
    httproute(s, "web", "blog", ("web", "public"), ["blog.example.com"], [("/", "blog", 80)], ago=27 * 60, parent_status="none")
    write(s, {"title": "GatewayClass eg not accepted: its parametersRef names an EnvoyProxy that does not exist",
              "description": "Envoy Gateway was installed 30 minutes ago with a GatewayClass whose parametersRef points at EnvoyProxy envoy-gateway-system/eg-proxy-config, which was never created: Accepted=False InvalidParameters. The Gateway stays 'Waiting for controller' and the HTTPRoutes have no parent status.",
              "expect": [{"category": "IngressMisconfigured", "resource": "GatewayClass/eg"}], "maxRootCauses": 1})


@scenario
def gateway_not_programmed():
    s = Snap("gateway-not-programmed", "2026-11-21T10:03:26Z", profile="kubeadm")
    base(s, ns=["envoy-gateway-system", "shop"])
    gateway_crds(s)
    envoy_gateway(s, ago=3 * H, pod_ago=3 * H - 60)
    gatewayclass(s, "eg", ago=3 * H - 30)
    gw = gateway(s, "shop", "shop-gateway", ago=2 * H + 40 * 60, status="noaddress")
    envoy_proxy_fleet(s, gw, pod_ago=2 * H + 39 * 60, lb_ip=None)
    _web_apps(s, "shop", ("frontend", "cart"))
    httproute(s, "shop", "frontend", ("shop", "shop-gateway"), ["shop.example.com"], [("/", "frontend", 80)], ago=2 * H + 30 * 60)
    httproute(s, "shop", "cart", ("shop", "shop-gateway"), ["shop.example.com"], [("/cart", "cart", 80)], ago=2 * H + 30 * 60)
    write(s, {"title": "Gateway shop-gateway is not Programmed: no address assigned (LoadBalancer Service pending)",
              "description": "On this bare-metal kubeadm cluster nothing implements Services of type LoadBalancer; the envoy Service Envoy Gateway created for shop/shop-gateway has no ingress IP, so the Gateway reports Programmed=False AddressNotAssigned although the listeners and routes are accepted.",
              "expect": [{"category": "IngressMisconfigured", "resource": "Gateway/shop/shop-gateway"}], "maxRootCauses": 1})


@scenario
def httproute_missing_gateway():
    s = Snap("httproute-missing-gateway", "2026-11-21T09:36:55Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["envoy-gateway-system", "gateway", "payments"])
    gateway_crds(s)
    envoy_gateway(s, ago=40 * D, pod_ago=5 * D)
    gatewayclass(s, "eg", ago=40 * D)
    gw = gateway(s, "gateway", "shared", ago=40 * D, addr="34.77.12.190", routes=1)
    envoy_proxy_fleet(s, gw, pod_ago=5 * D, lb_ip="34.77.12.190")
    _web_apps(s, "payments", ("payments-ui", "payments-api"))
    httproute(s, "payments", "payments-ui", ("gateway", "shared"), ["pay.example.com"], [("/", "payments-ui", 80)], ago=30 * D)
    httproute(s, "payments", "payments-api", ("gateway", "shared-gateway"), ["api.pay.example.com"], [("/", "payments-api", 80)], ago=33 * 60, parent_status="none")
    write(s, {"title": "HTTPRoute payments-api attaches to Gateway gateway/shared-gateway, which does not exist",
              "description": "The route's parentRef names 'shared-gateway'; the Gateway is called 'shared'. No controller owns that parent, so status.parents stays empty and api.pay.example.com is not served, while the sibling route on 'shared' works.",
              "expect": [{"category": "IngressMisconfigured", "resource": "HTTPRoute/payments/payments-api"}], "maxRootCauses": 1})


@scenario
def httproute_missing_service():
    s = Snap("httproute-missing-service", "2026-11-21T10:07:44Z", profile="eks")
    base(s, workers=3, ns=["envoy-gateway-system", "shop"])
    gateway_crds(s)
    envoy_gateway(s, ago=50 * D, pod_ago=8 * D)
    gatewayclass(s, "eg", ago=50 * D)
    gw = gateway(s, "shop", "shop", ago=50 * D, addr="203.0.113.71", routes=2)
    envoy_proxy_fleet(s, gw, pod_ago=8 * D, lb_ip="203.0.113.71")
    _web_apps(s, "shop", ("frontend", "reviews"))
    httproute(s, "shop", "frontend", ("shop", "shop"), ["shop.example.com"], [("/", "frontend", 80)], ago=50 * D)
    httproute(s, "shop", "reviews", ("shop", "shop"), ["shop.example.com"], [("/reviews", "reviews-v2", 80)], ago=19 * 60,
              resolved=("False", "BackendNotFound", "Failed to process route rule 0 backendRef 0: service shop/reviews-v2 not found."))
    write(s, {"title": "HTTPRoute reviews sends /reviews to Service reviews-v2, which does not exist",
              "description": "The route was changed 19 minutes ago to a reviews-v2 Service that has not been deployed; Envoy Gateway reports ResolvedRefs=False BackendNotFound and /reviews returns 500.",
              "expect": [{"category": "IngressMisconfigured", "resource": "HTTPRoute/shop/reviews"}], "maxRootCauses": 1})


# =========================================================================== storage
def local_path_sc(s, default=True, ago=118 * D):
    return s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "local-path", ago=ago,
                 annotations={"storageclass.kubernetes.io/is-default-class": "true"} if default else None, provisioner="rancher.io/local-path",
                 reclaimPolicy="Delete", volumeBindingMode="WaitForFirstConsumer")


def ebs_sc(s, name="gp3", default=True, ago=21 * D, binding="WaitForFirstConsumer", params=None):
    return s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", name, ago=ago,
                 annotations={"storageclass.kubernetes.io/is-default-class": "true"} if default else None, provisioner="ebs.csi.aws.com",
                 allowVolumeExpansion=True, parameters=params or {"encrypted": "true", "type": "gp3"}, reclaimPolicy="Delete", volumeBindingMode=binding)


@scenario
def pvc_no_default_storageclass():
    s = Snap("pvc-no-default-storageclass", "2026-11-21T09:59:38Z", profile="kubeadm")
    base(s, ns=["storage", "shop"])
    sc = local_path_sc(s, default=False)
    sc["metadata"]["annotations"] = {"storageclass.kubernetes.io/is-default-class": "false"}
    std_neighbours(s, "shop", ("frontend", "cart"))
    c = s.container("minio", "quay.io/minio/minio:RELEASE.2024-11-07T00-52-20Z", args=["server", "/data", "--console-address", ":9001"],
                    ports=[{"containerPort": 9000, "name": "api"}, {"containerPort": 9001, "name": "console"}], resources=res("250m", "512Mi", "1Gi"),
                    readiness={"httpGet": {"path": "/minio/health/ready", "port": "api"}}, mounts=[{"mountPath": "/data", "name": "data"}])
    msg = "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    ago = 26 * 60
    vct = [{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "100Gi"}}, "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}]
    sts = s.statefulset("storage", "minio", 1, s.pod_template_spec([c]), [{"node": None, "unschedulable": msg, "ago": ago - 2}], "minio", ago=ago, vct=vct,
                        labels={"app": "minio"}, pvc_bound=False)
    pvc = s.get("PersistentVolumeClaim", "storage", "data-minio-0")
    del pvc["spec"]["storageClassName"]
    s.service("storage", "minio", {"app": "minio"}, [{"name": "api", "port": 9000, "targetPort": "api"}], ago=ago, headless=True)
    pod = s.pods[("storage", "minio-0")]
    s.event(sts, "SuccessfulCreate", "create Claim data-minio-0 Pod minio-0 in StatefulSet minio success", component="statefulset-controller", first=ago - 1)
    s.event(sts, "SuccessfulCreate", "create Pod minio-0 in StatefulSet minio successful", component="statefulset-controller", first=ago - 2)
    s.event(pvc, "FailedBinding", "no persistent volumes available for this claim and no storage class is set", type_="Warning",
            component="persistentvolume-controller", first=ago - 3, last=8, count=104)
    s.sched_event(pod, "FailedScheduling", msg, ago - 2, series=(6, 150))
    write(s, {"title": "minio PVC has no storageClassName and the cluster has no default StorageClass",
              "description": "local-path is explicitly marked is-default-class=false; the StatefulSet's volumeClaimTemplate sets no storageClassName, so data-minio-0 waits for a class-less PV that does not exist ('no persistent volumes available for this claim and no storage class is set') and minio-0 stays Pending.",
              "expect": [{"category": "VolumeBindingFailure", "resource": "PersistentVolumeClaim/storage/data-minio-0"}], "maxRootCauses": 1})


@scenario
def pvc_provisioning_failed():
    s = Snap("pvc-provisioning-failed", "2026-11-21T10:12:09Z", profile="eks")
    base(s, workers=3, ns=["kafka", "shop"])
    ebs_sc(s)
    ebs_sc(s, "io2-immediate", default=False, ago=2 * H, binding="Immediate", params={"encrypted": "true", "iopsPerGB": "50", "type": "io2"})
    std_neighbours(s, "shop", ("frontend",))
    ago = 47 * 60
    pvc = s.pvc("kafka", "kafka-data-0", "4Ti", storage_class="io2-immediate", ago=ago, bound=False, labels={"app": "kafka"})
    pvc["metadata"]["annotations"] = {"volume.beta.kubernetes.io/storage-provisioner": "ebs.csi.aws.com", "volume.kubernetes.io/storage-provisioner": "ebs.csi.aws.com"}
    c = s.container("kafka", "docker.io/apache/kafka:3.9.0", ports=[{"containerPort": 9092, "name": "broker"}], resources=res("1", "4Gi", "8Gi"),
                    mounts=[{"mountPath": "/var/lib/kafka/data", "name": "data"}])
    msg = "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    dep, rs = broken_deploy(s, "kafka", "kafka-broker-0", [c], [{"node": None, "unschedulable": msg, "ago": ago - 3}], ago, ago - 3,
                            spec_kw={"volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "kafka-data-0"}}]},
                            conditions=unavailable_conditions(s, "{rs}", ago - 3, "ReplicaSetUpdated"))
    fix_rs_name_in_conditions(dep, rs)
    s.sched_event(rs["_podlist"][0], "FailedScheduling", msg, ago - 3, series=(9, 200))
    ctrl = f"ebs.csi.aws.com_ebs-csi-controller-7c9d8b5f4-qx2lw_{s.uid()}"
    s.event(pvc, "ExternalProvisioning", "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
            component="persistentvolume-controller", first=ago, last=5, count=190)
    s.event(pvc, "Provisioning", 'External provisioner is provisioning volume for claim "kafka/kafka-data-0"', component=ctrl.split("_")[0] if False else ctrl, first=ago, last=65, count=14)
    err = (f'failed to provision volume with StorageClass "io2-immediate": rpc error: code = Internal desc = Could not create volume "pvc-{pvc["metadata"]["uid"]}": '
           f'could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 400, RequestID: {s.uid()}, '
           'api error VolumeLimitExceeded: You have exceeded your maximum io2 storage limit of 20 TiB in this region. Please contact AWS Support to request an Elastic Block Store service limit increase.')
    s.event(pvc, "ProvisioningFailed", err, type_="Warning", component=ctrl, first=ago - 2, last=64, count=14)
    write(s, {"title": "kafka-data-0 cannot be provisioned: EBS io2 storage quota exceeded",
              "description": "The 4Ti io2 claim is retried by the EBS CSI provisioner but EC2 CreateVolume returns VolumeLimitExceeded (20 TiB io2 limit in the region). The PVC stays Pending and the broker pod is unschedulable.",
              "expect": [{"category": "VolumeBindingFailure", "resource": "PersistentVolumeClaim/kafka/kafka-data-0"}], "maxRootCauses": 1})


@scenario
def failed_attach_volume():
    s = Snap("failed-attach-volume", "2026-11-21T09:53:17Z", profile="eks")
    base(s, workers=4, ns=["monitoring", "shop"])
    ebs_sc(s)
    std_neighbours(s, "shop", ("frontend", "cart"))
    w = s.workers
    pvc = s.pvc("monitoring", "grafana", "10Gi", storage_class="gp3", ago=120 * D if False else 20 * D, labels={"app.kubernetes.io/name": "grafana"})
    pv = s.get("PersistentVolume", None, pvc["spec"]["volumeName"])
    z0 = s.nodes[w[0]]["metadata"]["labels"]["topology.kubernetes.io/zone"]
    pv["spec"]["nodeAffinity"] = {"required": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "topology.kubernetes.io/zone", "operator": "In", "values": [z0]}]}]}}
    mk = lambda tag: s.container("grafana", f"docker.io/grafana/grafana:{tag}", ports=[{"containerPort": 3000, "name": "grafana"}], resources=res("100m", "256Mi", "512Mi"),
                                 readiness={"httpGet": {"path": "/api/health", "port": 3000}}, mounts=[{"mountPath": "/var/lib/grafana", "name": "storage"}])
    vols = [{"name": "storage", "persistentVolumeClaim": {"claimName": "grafana"}}]
    ago = 22 * 60
    old = [{"template_spec": s.pod_template_spec([mk("11.2.2")], volumes=vols), "replicas": 1, "pods": [{"node": w[0], "ago": 9 * D}], "revision": 6, "ago": 20 * D}]
    # the new pod lands on a node in another AZ... no: same AZ node w[0] is full, scheduler picks w[3%]
    new_node = [n for n in w if s.nodes[n]["metadata"]["labels"]["topology.kubernetes.io/zone"] == z0 and n != w[0]]
    if not new_node:
        new_node = [w[0]]
    dep, rs = s.deployment("monitoring", "grafana", 1, s.pod_template_spec([mk("11.3.1")], volumes=vols),
                           [{"node": w[0] if new_node == [w[0]] else new_node[0], "ago": ago, "all": {"s": "waiting", "reason": "ContainerCreating"}, "sandbox": False}],
                           ago=20 * D, revision=7, generation=7, rs_ago=ago + 1, old_rs=old, labels={"app.kubernetes.io/name": "grafana"},
                           status_override={"rs_spec_replicas": 1})
    old_rs = dep["_rslist"][0]
    old_pod = old_rs["_podlist"][0]
    newp = rs["_podlist"][0]
    write_note = None
    dep["status"]["conditions"] = [
        {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": s.at(19 * D), "lastUpdateTime": s.at(19 * D)},
        {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has timed out progressing.', "lastTransitionTime": s.at(ago - 600), "lastUpdateTime": s.at(ago - 600)}]
    dep_scaled_event(s, dep, rs, 0, 1, ago + 1)
    s.rs_events(rs, [newp])
    scheduled(s, newp, ago)
    s.obj("storage.yaml", "storage.k8s.io/v1", "VolumeAttachment", "csi-" + hashlib.sha256((pv["metadata"]["name"] + old_pod["spec"]["nodeName"]).encode()).hexdigest(), ago=9 * D,
          spec={"attacher": "ebs.csi.aws.com", "nodeName": old_pod["spec"]["nodeName"], "source": {"persistentVolumeName": pv["metadata"]["name"]}},
          status={"attached": True, "attachmentMetadata": {"devicePath": "/dev/xvdaa"}})
    s.event(newp, "FailedAttachVolume", f'Multi-Attach error for volume "{pv["metadata"]["name"]}" Volume is already used by pod(s) {old_pod["metadata"]["name"]}',
            type_="Warning", component="attachdetach-controller", first=ago - 1)
    s.event(newp, "FailedMount", "Unable to attach or mount volumes: unmounted volumes=[storage], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition",
            type_="Warning", first=ago - 121, last=40, count=10)
    write(s, {"title": "grafana rollout stuck: RWO EBS volume is still attached to the old pod's node (Multi-Attach)",
              "description": "grafana (1 replica, RollingUpdate, one ReadWriteOnce gp3 PVC) started a new pod on another node while the old pod still runs; attachdetach-controller reports Multi-Attach error and kubelet times out mounting. The strategy should be Recreate.",
              "expect": [{"category": "VolumeBindingFailure", "resource": "Deployment/monitoring/grafana"}], "maxRootCauses": 1})


@scenario
def volume_node_affinity_conflict():
    s = Snap("volume-node-affinity-conflict", "2026-11-21T10:04:02Z", profile="eks")
    base(s, workers=2, ns=["kafka", "shop"])
    ebs_sc(s)
    std_neighbours(s, "shop", ("frontend",))
    c = s.container("kafka", "docker.io/apache/kafka:3.9.0", ports=[{"containerPort": 9092, "name": "broker"}, {"containerPort": 9093, "name": "controller"}],
                    resources=res("500m", "2Gi", "4Gi"), readiness={"tcpSocket": {"port": 9092}}, mounts=[{"mountPath": "/var/lib/kafka/data", "name": "data"}])
    vct = [{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "200Gi"}}, "storageClassName": "gp3", "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}]
    w = s.workers
    msg = "0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."
    ago = 38 * 60
    sts = s.statefulset("kafka", "kafka", 3, s.pod_template_spec([c]), [{"node": w[0], "ago": 4 * D}, {"node": w[1], "ago": 4 * D - 90},
                                                                       {"node": None, "unschedulable": msg, "ago": ago}], "kafka-headless", ago=90 * D, vct=vct, pvc_storage_class="gp3")
    sts["status"].update({"availableReplicas": 2, "readyReplicas": 2, "currentReplicas": 3, "replicas": 3})
    zones = {"kafka-0": "eu-west-1a", "kafka-1": "eu-west-1b", "kafka-2": "eu-west-1c"}
    for pvn in ("data-kafka-0", "data-kafka-1", "data-kafka-2"):
        pvc = s.get("PersistentVolumeClaim", "kafka", pvn)
        pv = s.get("PersistentVolume", None, pvc["spec"]["volumeName"])
        z = zones[pvn[5:]]
        pv["spec"]["nodeAffinity"] = {"required": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "topology.kubernetes.io/zone", "operator": "In", "values": [z]}]}]}}
        pv["spec"]["csi"]["volumeHandle"] = "vol-0" + s.hexs(16)
        pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"] = f"ip-10-0-{s.rng.randint(96, 127)}-{s.rng.randint(10, 250)}.eu-west-1.compute.internal" if z == "eu-west-1c" else [n for n in w if zones[pvn[5:]] in json.dumps(s.nodes[n]["metadata"]["labels"])][0]
    s.service("kafka", "kafka-headless", {"app": "kafka"}, [{"name": "broker", "port": 9092, "targetPort": "broker"}], ago=90 * D, headless=True, publish_not_ready=True)
    pod = s.pods[("kafka", "kafka-2")]
    s.sched_event(pod, "FailedScheduling", msg, ago, series=(8, 170))
    s.event(sts, "SuccessfulCreate", "create Pod kafka-2 in StatefulSet kafka successful", component="statefulset-controller", first=ago)
    write(s, {"title": "kafka-2 Pending: its EBS volume lives in eu-west-1c and no node is left in that zone",
              "description": "The node group lost its eu-west-1c node (spot interruption 40 minutes ago). PV of data-kafka-2 has zone affinity eu-west-1c, so the scheduler reports 'volume node affinity conflict' on both remaining nodes (1a, 1b).",
              "expect": [{"category": "VolumeBindingFailure", "resource": "StatefulSet/kafka/kafka"}], "maxRootCauses": 1})


@scenario
def pv_released_failed():
    s = Snap("pv-released-failed", "2026-11-21T09:47:58Z", profile="kubeadm")
    base(s, ns=["reports"])
    local_path_sc(s)
    s.obj("storage.yaml", "storage.k8s.io/v1", "StorageClass", "nfs-static", ago=300 * D if False else 110 * D, provisioner="kubernetes.io/no-provisioner",
          reclaimPolicy="Retain", volumeBindingMode="Immediate")
    old_uid = s.uid()
    pv = s.obj("storage.yaml", "v1", "PersistentVolume", "reports-archive-nfs", ago=110 * D,
               spec={"accessModes": ["ReadWriteMany"], "capacity": {"storage": "500Gi"},
                     "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": "reports-archive", "namespace": "reports", "resourceVersion": str(s.rv - 900000), "uid": old_uid},
                     "mountOptions": ["nfsvers=4.1", "hard"], "nfs": {"path": "/exports/reports-archive", "server": "10.10.0.5"},
                     "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "nfs-static", "volumeMode": "Filesystem"},
               status={"lastPhaseTransitionTime": s.at(3 * H + 20 * 60), "phase": "Released"})
    pv["metadata"]["finalizers"] = ["kubernetes.io/pv-protection"]
    pv["metadata"]["annotations"] = {"pv.kubernetes.io/bound-by-controller": "yes"}
    ago = 3 * H + 12 * 60
    pvc = s.pvc("reports", "reports-archive", "500Gi", storage_class="nfs-static", ago=ago, bound=False, access=("ReadWriteMany",), labels={"app": "report-archiver"})
    pvc["spec"]["volumeName"] = "reports-archive-nfs"
    c = s.container("archiver", "ghcr.io/acme/report-archiver:1.4.2", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"),
                    mounts=[{"mountPath": "/archive", "name": "archive"}])
    msg = "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    dep, rs = broken_deploy(s, "reports", "report-archiver", [c], [{"node": None, "unschedulable": msg, "ago": ago - 5}], ago + 200 * 0 + 30, ago - 5,
                            spec_kw={"volumes": [{"name": "archive", "persistentVolumeClaim": {"claimName": "reports-archive"}}]},
                            conditions=unavailable_conditions(s, "{rs}", ago - 5, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    s.sched_event(rs["_podlist"][0], "FailedScheduling", msg, ago - 5, series=(30, 240))
    s.event(pvc, "FailedBinding", 'volume "reports-archive-nfs" already bound to a different claim.', type_="Warning", component="persistentvolume-controller",
            first=ago, last=11, count=755)
    std_neighbours(s, "reports", ("report-api",))
    write(s, {"title": "PV reports-archive-nfs is Released (Retain) and still claimed by the deleted PVC",
              "description": "The namespace's workloads were redeployed 3 hours ago: the old PVC reports-archive was deleted, the Retain PV went to Released with claimRef still holding the old claim's uid. The re-created PVC names the PV in volumeName and gets 'already bound to a different claim'. Clearing spec.claimRef on the PV fixes it.",
              "expect": [{"category": "VolumeBindingFailure", "resource": "PersistentVolume/reports-archive-nfs"}], "maxRootCauses": 1})


# =========================================================================== nodes
def remove_obj(s, obj):
    for f, items in s.files.items():
        if any(i is obj for i in items):
            items[:] = [i for i in items if i is not obj]
    s.objs.pop((obj["kind"], obj["metadata"].get("namespace"), obj["metadata"]["name"]), None)


def refresh_endpoints(s, ns, name, file="services.yaml"):
    """Recompute Endpoints/EndpointSlice of a Service after pod states were changed."""
    svc = s.get("Service", ns, name)
    remove_obj(s, s.get("Endpoints", ns, name))
    for (k, n2, nm), o in list(s.objs.items()):
        if k == "EndpointSlice" and n2 == ns and o["metadata"]["labels"].get("kubernetes.io/service-name") == name:
            remove_obj(s, o)
    s.endpoints_for(svc, file)


def node_leases(s, stale=None):
    for n, node in s.nodes.items():
        renew = stale.get(n) if stale and n in stale else s.rng.randint(1, 9)
        s.obj("leases.yaml", "coordination.k8s.io/v1", "Lease", n, "kube-node-lease", ago=(s.T - _parse(node["metadata"]["creationTimestamp"])).total_seconds() - 5,
              owner=node, spec={"holderIdentity": n, "leaseDurationSeconds": 40, "renewTime": s.at_micro(renew)})
        s.get("Lease", "kube-node-lease", n)["metadata"]["ownerReferences"][0].pop("blockOwnerDeletion", None)
        s.get("Lease", "kube-node-lease", n)["metadata"]["ownerReferences"][0].pop("controller", None)


@scenario
def node_notready_kubelet_stopped():
    s = Snap("node-notready-kubelet-stopped", "2026-11-21T10:08:31Z", profile="kubeadm")
    down = 9 * 60 + 12  # last heartbeat
    trans = down - 40
    unknown = {t: {"status": "Unknown", "reason": "NodeStatusUnknown", "message": "Kubelet stopped posting node status.", "lastHeartbeatTime": s.at(down), "lastTransitionTime": s.at(trans)}
               for t in ("MemoryPressure", "DiskPressure", "PIDPressure", "Ready")}
    taints = [{"effect": "NoSchedule", "key": "node.kubernetes.io/unreachable", "timeAdded": s.at(trans - 1)},
              {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "timeAdded": s.at(trans - 1)}]
    base(s, workers=3, ns=["shop", "payments"], worker_overrides={"worker-2": {"conditions": unknown, "taints": taints}})
    evict = trans - 300
    apps = []
    for ns, name, img in (("shop", "frontend", "ghcr.io/acme/frontend:3.9.0"), ("shop", "cart", "ghcr.io/acme/cart:2.1.4"), ("payments", "payments-api", "ghcr.io/acme/payments:5.3.0")):
        c = s.container(name, img, ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
        states = [{"node": "worker-1", "ago": 6 * D}, {"node": "worker-2", "ago": 6 * D - 30}, {"node": "worker-3", "ago": evict - 2}]
        dep, rs = s.deployment(ns, name, 2, s.pod_template_spec([c]), states, ago=80 * D, labels={"app": name}, status_override={"rs_spec_replicas": 2})
        apps.append((dep, rs))
        p_old = rs["_podlist"][1]
        set_ready(s, p_old, False, trans)
        p_old["metadata"]["deletionTimestamp"] = s.at(evict - 30)
        p_old["metadata"]["deletionGracePeriodSeconds"] = 30
        p_old["status"]["conditions"].insert(0, {"lastProbeTime": None, "lastTransitionTime": s.at(evict), "message": "Taint manager: deleting due to NoExecute taint",
                                                 "reason": "DeletionByTaintManager", "status": "True", "type": "DisruptionTarget"})
        rs["status"] = {"availableReplicas": 2, "fullyLabeledReplicas": 3, "observedGeneration": 1, "readyReplicas": 2, "replicas": 3}
        dep["status"].update({"availableReplicas": 2, "readyReplicas": 2, "replicas": 3, "updatedReplicas": 3})
        dep["status"].pop("unavailableReplicas", None)
        s.service(ns, name, {"app": name}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=80 * D)
        s.event(p_old, "NodeNotReady", "Node is not ready", type_="Warning", component="node-controller", first=trans)
        s.event(p_old, "TaintManagerEviction", f"Marking for deletion Pod {ns}/{p_old['metadata']['name']}", component="taint-eviction-controller", first=evict)
        newp = rs["_podlist"][2]
        s.event(rs, "SuccessfulCreate", f"Created pod: {newp['metadata']['name']}", component="replicaset-controller", first=evict - 2)
        s.start_events(newp, evict - 2.5)
    for (ns, pn), p in s.pods.items():
        if p["spec"].get("nodeName") == "worker-2" and ns == "kube-system":
            set_ready(s, p, False, trans)
            s.event(p, "NodeNotReady", "Node is not ready", type_="Warning", component="node-controller", first=trans)
    s.event(s.nodes["worker-2"], "NodeNotReady", "Node worker-2 status is now: NodeNotReady", component="node-controller", first=trans)
    refresh_endpoints(s, "kube-system", "kube-dns")
    node_leases(s, stale={"worker-2": down})
    write(s, {"title": "worker-2 is NotReady: kubelet stopped posting node status",
              "description": "worker-2's Lease and conditions stopped updating 9 minutes ago (Ready=Unknown NodeStatusUnknown); the node lifecycle controller tainted it unreachable, marked its pods NotReady and, 5 minutes later, evicted them. They stay Terminating because the kubelet is gone; replacements run on worker-3.",
              "expect": [{"category": "NodeNotReady", "resource": "Node/worker-2"}], "maxRootCauses": 1})


def _evicted_states(s, node, msgs, created, cname):
    out = []
    for i, (m, ago_ev) in enumerate(msgs):
        out.append({"node": node, "ago": created - i * 400, "phase": "Failed", "reason": "Evicted", "message": m, "terminal_at": ago_ev, "sandbox": False, "unready_since": ago_ev,
                    "all": {"s": "terminated", "exit": 137, "reason": "ContainerStatusUnknown", "message": "The container could not be located when the pod was terminated", "started": created - i * 400 - 5, "finished": ago_ev},
                    "disruption": {"lastProbeTime": None, "lastTransitionTime": s.at(ago_ev), "message": m, "reason": "TerminationByKubelet", "status": "True", "type": "DisruptionTarget"}})
    return out


@scenario
def node_disk_pressure_evictions():
    s = Snap("node-disk-pressure-evictions", "2026-11-21T09:55:46Z", profile="kubeadm")
    since = 17 * 60
    dp = {"DiskPressure": {"status": "True", "reason": "KubeletHasDiskPressure", "message": "kubelet has disk pressure", "lastTransitionTime": s.at(since)}}
    base(s, ns=["shop", "tracing"], worker_overrides={"worker-1": {"conditions": dp, "taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/disk-pressure", "timeAdded": s.at(since)}]}})
    std_neighbours(s, "shop", ("frontend", "cart"))
    c = s.container("collector", "ghcr.io/acme/trace-collector:0.9.0", args=["--spool-dir=/spool", "--debug-dump=true"], ports=[{"containerPort": 4317, "name": "otlp"}],
                    resources=res("200m", "256Mi", "512Mi"), mounts=[{"mountPath": "/spool", "name": "spool"}])
    spec = s.pod_template_spec([c], volumes=[{"emptyDir": {}, "name": "spool"}])
    thr = "10609644339"
    msgs = [(f"The node was low on resource: ephemeral-storage. Threshold quantity: {thr}, available: {s.rng.randint(9100000, 10300000)}Ki. Container collector was using {u}Ki, request is 0, has larger consumption of ephemeral-storage. ", a)
            for u, a in ((58223104, since - 20), (41960312, since - 420), (37712508, since - 800))]
    states = _evicted_states(s, "worker-1", msgs, 2 * H, "collector") + [{"node": "worker-2", "ago": since - 30}, {"node": "worker-2", "ago": since - 440}]
    dep, rs = s.deployment("tracing", "trace-collector", 2, spec, states, ago=40 * D, revision=4, generation=4, rs_ago=2 * H + 100, labels={"app": "trace-collector"})
    for p in rs["_podlist"][:3]:
        p["status"]["containerStatuses"][0]["state"]["terminated"]["startedAt"] = None
        ago_ev = (s.T - _parse(p["status"]["conditions"][0]["lastTransitionTime"])).total_seconds()
        s.event(p, "Evicted", p["status"]["message"].rstrip(), type_="Warning", first=ago_ev)
        s.event(p, "Killing", "Stopping container collector", first=ago_ev, field_path="spec.containers{collector}")
    s.rs_events(rs, rs["_podlist"][3:])
    for p in rs["_podlist"][3:]:
        s.start_events(p, (s.T - _parse(p["metadata"]["creationTimestamp"])).total_seconds() - 0.5)
    n = s.nodes["worker-1"]
    s.event(n, "EvictionThresholdMet", "Attempting to reclaim ephemeral-storage", type_="Warning", first=since + 5, last=60, count=6, host="worker-1")
    s.event(n, "NodeHasDiskPressure", "Node worker-1 status is now: NodeHasDiskPressure", first=since, host="worker-1")
    s.event(n, "FreeDiskSpaceFailed", "Failed to garbage collect required amount of images. Attempted to free 14209855078 bytes, but only found 1911603404 bytes eligible to free.",
            type_="Warning", first=since + 8, last=300, count=4, host="worker-1")
    for p in rs["_podlist"][3:]:
        s.log("tracing", p["metadata"]["name"], "collector", "\n".join(f'{ts_log(s, a)} info spool: wrote debug dump /spool/dump-{int(s.T.timestamp()) - a}.bin ({s.rng.randint(180, 420)} MiB)' for a in range(since - 60, 0, -120)))
    write(s, {"title": "worker-1 DiskPressure: trace-collector debug dumps fill the node disk, kubelet evicts pods",
              "description": "trace-collector writes large debug dumps into an emptyDir without sizeLimit; worker-1 crossed nodefs.available<10% 17 minutes ago (DiskPressure=True, disk-pressure taint), image GC could not free enough and kubelet evicted three collector pods.",
              "expect": [{"category": "NodePressure", "resource": "Node/worker-1"}]})


@scenario
def node_pid_pressure():
    s = Snap("node-pid-pressure", "2026-11-21T10:10:10Z", profile="kubeadm")
    since = 12 * 60
    pp = {"PIDPressure": {"status": "True", "reason": "KubeletHasInsufficientPID", "message": "kubelet has insufficient PID available", "lastTransitionTime": s.at(since)}}
    base(s, ns=["media", "shop"], worker_overrides={"worker-2": {"conditions": pp, "taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/pid-pressure", "timeAdded": s.at(since)}]}})
    std_neighbours(s, "shop", ("frontend", "cart"))
    c = s.container("thumbnailer", "ghcr.io/acme/thumbnailer:2.2.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res("500m", "512Mi", "1Gi"), readiness=http_probe("/healthz"))
    msgs = [(f"The node was low on resource: pids. Threshold quantity: 3276, available: {a}. ", t) for a, t in ((2911, since - 25), (3010, since - 300))]
    states = _evicted_states(s, "worker-2", msgs, 3 * H, "thumbnailer") + [{"node": "worker-1", "ago": since - 30}, {"node": "worker-2", "ago": 3 * H - 60}]
    dep, rs = s.deployment("media", "thumbnailer", 2, s.pod_template_spec([c]), states, ago=50 * D, revision=9, generation=9, rs_ago=3 * H + 10)
    for p in rs["_podlist"][:2]:
        p["status"]["containerStatuses"][0]["state"]["terminated"]["startedAt"] = None
        ago_ev = (s.T - _parse(p["status"]["conditions"][0]["lastTransitionTime"])).total_seconds()
        s.event(p, "Evicted", p["status"]["message"].rstrip(), type_="Warning", first=ago_ev)
        s.event(p, "Killing", "Stopping container thumbnailer", first=ago_ev, field_path="spec.containers{thumbnailer}")
    s.service("media", "thumbnailer", {"app": "thumbnailer"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=50 * D)
    live = rs["_podlist"][3]
    lines = []
    for a in range(since + 600, 0, -45):
        lines.append(f'{ts_log(s, a)} ERROR convert job={s.hexs(8)} err="fork/exec /usr/bin/convert: resource temporarily unavailable"' if a < since + 60 else
                     f'{ts_log(s, a)} INFO convert job={s.hexs(8)} spawned=/usr/bin/convert children={int(900 + (since + 600 - a) * 4.1)}')
    s.log("media", live["metadata"]["name"], "thumbnailer", "\n".join(lines))
    n = s.nodes["worker-2"]
    s.event(n, "NodeHasInsufficientPID", "Node worker-2 status is now: NodeHasInsufficientPID", first=since, host="worker-2")
    s.event(n, "EvictionThresholdMet", "Attempting to reclaim pids", type_="Warning", first=since + 3, last=40, count=5, host="worker-2")
    write(s, {"title": "worker-2 PIDPressure: thumbnailer leaks child processes",
              "description": "thumbnailer spawns ImageMagick children it never reaps; worker-2 fell below pid.available 10% (PIDPressure=True, pid-pressure taint), kubelet evicted two pods and the surviving pod logs 'fork/exec ... resource temporarily unavailable'.",
              "expect": [{"category": "NodePressure", "resource": "Node/worker-2"}]})


@scenario
def node_cordoned():
    s = Snap("node-cordoned", "2026-11-21T09:40:22Z", profile="kubeadm")
    cordon = 2 * D + 5 * H
    base(s, workers=3, ns=["api"], worker_overrides={"worker-3": {"unschedulable": True, "taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable", "timeAdded": s.at(cordon)}]}})
    big = {"limits": {"cpu": "2", "memory": "4Gi"}, "requests": {"cpu": "1500m", "memory": "2Gi"}}
    for n in ("search-api", "recommender"):
        healthy_app(s, "api", n, f"ghcr.io/acme/{n}:4.2.0", replicas=2, ago=60 * D, pod_ago=6 * D, resources=big, nodes=["worker-1", "worker-2"])
    c = s.container("gateway", "ghcr.io/acme/api-gateway:7.0.3", ports=[{"containerPort": 8080, "name": "http"}], resources=big, readiness=http_probe("/healthz"))
    msg = ("0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Insufficient cpu. "
           "preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.")
    ago = 35 * 60
    states = [{"node": "worker-1", "ago": 6 * D}, {"node": "worker-2", "ago": 6 * D - 9}, {"node": None, "unschedulable": msg, "ago": ago}, {"node": None, "unschedulable": msg, "ago": ago}]
    dep, rs = s.deployment("api", "api-gateway", 4, s.pod_template_spec([c]), states, ago=60 * D, status_override={"rs_spec_replicas": 4})
    s.service("api", "api-gateway", {"app": "api-gateway"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=60 * D)
    dep["metadata"]["generation"] = 2
    dep["status"]["observedGeneration"] = 2
    dep_scaled_event(s, dep, rs, 2, 4, ago)
    s.rs_events(rs, rs["_podlist"][2:])
    for p in rs["_podlist"][2:]:
        s.sched_event(p, "FailedScheduling", msg, ago - 1, series=(7, 120))
    write(s, {"title": "worker-3 has been cordoned for two days; new api-gateway replicas cannot be placed",
              "description": "worker-3 is spec.unschedulable (taint node.kubernetes.io/unschedulable since 2 days, an unfinished maintenance) and runs nothing; the two other workers are full, so the scale-up to 4 leaves two pods Pending ('1 node(s) were unschedulable, 2 Insufficient cpu').",
              "expect": [{"category": "NodeCordoned", "resource": "Node/worker-3"}], "maxRootCauses": 1})


# =========================================================================== HPA
def metrics_server(s, ready=True, pod_ago=20 * D - 500, node=None, log=None):
    c = s.container("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.7.2",
                    args=["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--kubelet-use-node-status-port", "--metric-resolution=15s"],
                    ports=[{"containerPort": 10250, "name": "https"}], resources={"requests": {"cpu": "100m", "memory": "200Mi"}},
                    readiness={"httpGet": {"path": "/readyz", "port": "https", "scheme": "HTTPS"}, "initialDelaySeconds": 20},
                    liveness={"httpGet": {"path": "/livez", "port": "https", "scheme": "HTTPS"}})
    st = {"node": node or s.workers[-1], "ago": pod_ago}
    if not ready:
        st["all"] = {"s": "running", "ready": False, "started": pod_ago - 3}
        st["unready_since"] = pod_ago - 4
    md, mrs = s.deployment("kube-system", "metrics-server", 1, s.pod_template_spec([c], sa="metrics-server", priority_class="system-cluster-critical"), [st],
                           ago=pod_ago + 100 if not ready else 118 * D, labels={"k8s-app": "metrics-server"})
    s.service("kube-system", "metrics-server", {"k8s-app": "metrics-server"}, [{"name": "https", "port": 443, "targetPort": "https"}], ago=pod_ago + 100 if not ready else 118 * D)
    cnd = (cond(s, "Available", "True", "Passed", "all checks passed", pod_ago - 30) if ready else
           cond(s, "Available", "False", "MissingEndpoints", 'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"', pod_ago - 1))
    s.obj("services.yaml", "apiregistration.k8s.io/v1", "APIService", "v1beta1.metrics.k8s.io", ago=pod_ago + 100 if not ready else 118 * D, labels={"k8s-app": "metrics-server"},
          spec={"group": "metrics.k8s.io", "groupPriorityMinimum": 100, "insecureSkipTLSVerify": True, "service": {"name": "metrics-server", "namespace": "kube-system", "port": 443}, "version": "v1beta1", "versionPriority": 100},
          status={"conditions": [cnd]})
    if log:
        s.log("kube-system", mrs["_podlist"][0]["metadata"]["name"], "metrics-server", log)
    return md, mrs


def hpa(s, ns, name, target, mn, mx, util, conditions, current_replicas, desired, current_util=None, ago=60 * D, last_scale=None, target_kind="Deployment"):
    h = cr(s, "workloads.yaml", "autoscaling/v2", "HorizontalPodAutoscaler", name, ns, ago=ago, generation=None,
           spec={"maxReplicas": mx, "metrics": [{"resource": {"name": "cpu", "target": {"averageUtilization": util, "type": "Utilization"}}, "type": "Resource"}],
                 "minReplicas": mn, "scaleTargetRef": {"apiVersion": "apps/v1", "kind": target_kind, "name": target}})
    st = {"conditions": conditions, "currentReplicas": current_replicas, "desiredReplicas": desired}
    if current_util is not None:
        st["currentMetrics"] = [{"resource": {"current": {"averageUtilization": current_util, "averageValue": "%dm" % current_util}, "name": "cpu"}, "type": "Resource"}]
    else:
        st["currentMetrics"] = [{"type": ""}]
    if last_scale:
        st["lastScaleTime"] = s.at(last_scale)
    h["status"] = st
    return h


def hcond(s, t, st, reason, msg, ago):
    return {"lastTransitionTime": s.at(ago), "message": msg, "reason": reason, "status": st, "type": t}


@scenario
def hpa_cannot_get_metrics():
    s = Snap("hpa-cannot-get-metrics", "2026-11-21T10:00:54Z", profile="kubeadm")
    base(s, ns=["web"])
    since = 38 * 60
    log = "\n".join([f'{klog_ts(s, since + 20)}       1 serving.go:374] Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)',
                     f'{klog_ts(s, since + 19)}       1 handler.go:275] Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager',
                     f'{klog_ts(s, since + 18)}       1 secure_serving.go:213] Serving securely on [::]:10250'] +
                    [f'{klog_ts(s, a, "E")}       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://{s.node_ip(n)}:10250/metrics/resource\\": tls: failed to verify certificate: x509: cannot validate certificate for {s.node_ip(n)} because it doesn\'t contain any IP SANs" node="{n}"'
                     for a in range(since, 0, -15) for n in list(s.nodes)[:3] if a % 60 < 15] +
                    [f'{klog_ts(s, 30)}       1 server.go:191] "Failed probe" probe="metric-storage-ready" err="no metrics to serve"'])
    md, mrs = metrics_server(s, ready=False, pod_ago=since + 22, log=log)
    mp = mrs["_podlist"][0]
    s.event(mp, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 500", type_="Warning", first=since, last=4, count=228, field_path="spec.containers{metrics-server}")
    dep, rs, svc = healthy_app(s, "web", "storefront", "ghcr.io/acme/storefront:5.1.0", replicas=3, ago=80 * D, pod_ago=3 * D)
    std_neighbours(s, "web", ("search",))
    err = "unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)"
    h = hpa(s, "web", "storefront", "storefront", 3, 12, 60, [
        hcond(s, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale", 70 * D),
        hcond(s, "ScalingActive", "False", "FailedGetResourceMetric", f"the HPA was unable to compute the replica count: failed to get cpu utilization: {err}", since - 30),
        hcond(s, "ScalingLimited", "False", "DesiredWithinRange", "the desired count is within the acceptable range", 3 * D)], 3, 3, ago=70 * D, last_scale=3 * D)
    s.event(h, "FailedGetResourceMetric", f"failed to get cpu utilization: {err}", type_="Warning", component="horizontal-pod-autoscaler", first=since - 30, last=10, count=152)
    s.event(h, "FailedComputeMetricsReplicas", f"invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: {err}",
            type_="Warning", component="horizontal-pod-autoscaler", first=since - 30, last=10, count=152)
    write(s, {"title": "HPA storefront cannot read CPU metrics: metrics-server is not Ready",
              "description": "metrics-server was reinstalled 38 minutes ago without --kubelet-insecure-tls on a kubeadm cluster whose kubelet serving certs have no IP SANs; it scrapes nothing, stays unready, the metrics.k8s.io APIService is MissingEndpoints and the HPA reports ScalingActive=False FailedGetResourceMetric.",
              "expect": [{"category": "HPAMisconfigured", "resource": "HorizontalPodAutoscaler/web/storefront"}], "maxRootCauses": 2})


@scenario
def hpa_target_missing():
    s = Snap("hpa-target-missing", "2026-11-21T09:45:36Z", profile="eks")
    base(s, workers=3, ns=["checkout"])
    metrics_server(s)
    healthy_app(s, "checkout", "checkout", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/checkout:8.0.2", replicas=2, ago=5 * H, pod_ago=5 * H - 40)
    std_neighbours(s, "checkout", ("cart",))
    since = 5 * H
    msg = 'deployments/scale.apps "checkout-api" not found'
    h = hpa(s, "checkout", "checkout-api", "checkout-api", 2, 10, 70, [
        hcond(s, "AbleToScale", "False", "FailedGetScale", f"the HPA controller was unable to get the target's current scale: {msg}", since - 60),
        hcond(s, "ScalingActive", "True", "ValidMetricFound", "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", 90 * D),
        hcond(s, "ScalingLimited", "False", "DesiredWithinRange", "the desired count is within the acceptable range", 20 * D)], 4, 4, current_util=41, ago=90 * D, last_scale=20 * D)
    s.event(h, "FailedGetScale", msg, type_="Warning", component="horizontal-pod-autoscaler", first=55 * 60, last=12, count=222)
    write(s, {"title": "HPA checkout-api targets Deployment checkout-api, which no longer exists",
              "description": "The Deployment was renamed to 'checkout' five hours ago; the old HPA still points at checkout-api (AbleToScale=False FailedGetScale 'deployments/scale.apps \"checkout-api\" not found'), so the new Deployment is not autoscaled.",
              "expect": [{"category": "HPAMisconfigured", "resource": "HorizontalPodAutoscaler/checkout/checkout-api"}], "maxRootCauses": 1})


@scenario
def hpa_no_resource_requests():
    s = Snap("hpa-no-resource-requests", "2026-11-21T10:15:03Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["ml"])
    metrics_server(s, pod_ago=8 * D)
    c = s.container("recommender", "europe-west1-docker.pkg.dev/acme-prod-4411/apps/recommender:1.12.0", ports=[{"containerPort": 8080, "name": "http"}],
                    resources={"limits": {"memory": "2Gi"}, "requests": {"memory": "1Gi"}}, readiness=http_probe("/healthz"))
    ago = 2 * H
    dep, rs = s.deployment("ml", "recommender", 2, s.pod_template_spec([c]), [{"node": s.workers[0], "ago": ago - 5}, {"node": s.workers[1], "ago": ago - 6}], ago=ago)
    s.service("ml", "recommender", {"app": "recommender"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=ago)
    pname = rs["_podlist"][0]["metadata"]["name"]
    err = f"missing request for cpu in container recommender of Pod {pname}"
    h = hpa(s, "ml", "recommender", "recommender", 2, 8, 70, [
        hcond(s, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale", ago - 10),
        hcond(s, "ScalingActive", "False", "FailedGetResourceMetric", f"the HPA was unable to compute the replica count: failed to get cpu utilization: {err}", ago - 10)], 2, 2, ago=ago - 10)
    s.event(h, "FailedGetResourceMetric", f"failed to get cpu utilization: {err}", type_="Warning", component="horizontal-pod-autoscaler", first=58 * 60, last=14, count=231)
    s.event(h, "FailedComputeMetricsReplicas", f"invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: {err}",
            type_="Warning", component="horizontal-pod-autoscaler", first=58 * 60, last=14, count=231)
    std_neighbours(s, "ml", ("feature-store",))
    write(s, {"title": "HPA recommender cannot compute CPU utilisation: the container has no CPU request",
              "description": "The HPA targets 70% CPU utilisation but the recommender container only requests memory; the controller reports 'missing request for cpu in container recommender' and never scales.",
              "expect": [{"category": "HPAMisconfigured", "resource": "HorizontalPodAutoscaler/ml/recommender"}], "maxRootCauses": 1})


@scenario
def hpa_pinned_at_max():
    s = Snap("hpa-pinned-at-max", "2026-11-21T09:58:11Z", profile="eks")
    base(s, workers=3, ns=["search"])
    metrics_server(s)
    c = s.container("search-api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/search-api:6.4.1", ports=[{"containerPort": 8080, "name": "http"}],
                    resources=res("500m", "512Mi", "1Gi"), readiness=http_probe("/healthz"))
    states = [{"node": s.workers[i % 3], "ago": (7 * D) if i < 2 else (52 * 60 - i * 40)} for i in range(6)]
    dep, rs = s.deployment("search", "search-api", 6, s.pod_template_spec([c]), states, ago=90 * D, revision=14, generation=14, rs_ago=7 * D + 60)
    s.service("search", "search-api", {"app": "search-api"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=90 * D)
    h = hpa(s, "search", "search-api", "search-api", 2, 6, 60, [
        hcond(s, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", 45 * 60),
        hcond(s, "ScalingActive", "True", "ValidMetricFound", "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", 80 * D),
        hcond(s, "ScalingLimited", "True", "TooManyReplicas", "the desired replica count is more than the maximum replica count", 48 * 60)], 6, 6, current_util=180, ago=80 * D, last_scale=48 * 60)
    h["status"]["currentMetrics"][0]["resource"]["current"]["averageValue"] = "901m"
    s.event(h, "SuccessfulRescale", "New size: 4; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler", first=52 * 60)
    s.event(h, "SuccessfulRescale", "New size: 6; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler", first=48 * 60)
    for p in rs["_podlist"]:
        lines = [f'{{"ts":"{ts_log(s, a)}","level":"warn","msg":"slow query","path":"/v2/search","p99_ms":{s.rng.randint(1800, 4200)},"inflight":{s.rng.randint(60, 140)}}}' for a in range(45 * 60, 0, -300)]
        s.log("search", p["metadata"]["name"], "search-api", "\n".join(lines))
    write(s, {"title": "HPA search-api is pinned at maxReplicas 6 with CPU at 180% of request",
              "description": "Traffic doubled 50 minutes ago; the HPA scaled 2 -> 6 and now reports ScalingLimited=True TooManyReplicas with utilisation 180% against a 60% target. Latency is degraded; maxReplicas is too low.",
              "expect": [{"category": "HPAMisconfigured", "resource": "HorizontalPodAutoscaler/search/search-api"}], "maxRootCauses": 1})


# =========================================================================== PDB / NetworkPolicy
@scenario
def pdb_zero_disruptions():
    s = Snap("pdb-zero-disruptions", "2026-11-21T09:41:09Z", profile="kubeadm")
    drain = 37 * 60
    base(s, workers=3, ns=["kured", "payments"], worker_overrides={"worker-2": {"unschedulable": True, "taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable", "timeAdded": s.at(drain)}]}})
    s.nodes["worker-2"]["metadata"]["annotations"]["weave.works/kured-node-lock"] = json.dumps({"nodeID": "worker-2", "metadata": {"unschedulable": False}, "created": s.at(drain + 2), "TTL": 0}, separators=(",", ":"))
    dep, rs, svc = healthy_app(s, "payments", "payments-api", "ghcr.io/acme/payments:5.3.0", replicas=2, ago=90 * D, pod_ago=6 * D, nodes=["worker-2", "worker-1"])
    healthy_app(s, "payments", "payments-ui", "ghcr.io/acme/payments-ui:5.3.0", replicas=2, ago=90 * D, pod_ago=6 * D, nodes=["worker-1", "worker-3"])
    pdb = cr(s, "workloads.yaml", "policy/v1", "PodDisruptionBudget", "payments-api", "payments", ago=90 * D,
             spec={"minAvailable": 2, "selector": {"matchLabels": {"app": "payments-api"}}})
    pdb["status"] = {"conditions": [cond(s, "DisruptionAllowed", "False", "InsufficientPods", "", 6 * D - 30, 1)], "currentHealthy": 2, "desiredHealthy": 2,
                     "disruptionsAllowed": 0, "expectedPods": 2, "observedGeneration": 1}
    kc = s.container("kured", "ghcr.io/kubereboot/kured:1.16.2", command=["/usr/bin/kured"], args=["--reboot-sentinel=/var/run/reboot-required", "--period=1h", "--drain-timeout=0s"],
                     security={"privileged": True}, resources={},
                     env=[{"name": "KURED_NODE_ID", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}}])
    ds = s.daemonset("kured", "kured", s.pod_template_spec([kc], sa="kured", host_network=False, tolerations=[{"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}]),
                     {n: {"ago": 30 * D - i * 20} for i, n in enumerate(s.workers)}, ago=100 * D, labels={"name": "kured"})
    kp = [p for (ns, n), p in s.pods.items() if ns == "kured" and p["spec"]["nodeName"] == "worker-2"][0]
    ppod = [p for p in rs["_podlist"] if p["spec"]["nodeName"] == "worker-2"][0]["metadata"]["name"]
    lines = [f'time="{ts_log(s, drain + 5, "%Y-%m-%dT%H:%M:%SZ")}" level=info msg="Reboot required"',
             f'time="{ts_log(s, drain + 3, "%Y-%m-%dT%H:%M:%SZ")}" level=info msg="Acquired reboot lock"',
             f'time="{ts_log(s, drain + 2, "%Y-%m-%dT%H:%M:%SZ")}" level=info msg="Draining node worker-2"',
             'WARNING: ignoring DaemonSet-managed Pods: kube-system/' + [p for (ns, n), p in s.pods.items() if n.startswith("kube-proxy-") and p["spec"]["nodeName"] == "worker-2"][0]["metadata"]["name"] + f', kured/{kp["metadata"]["name"]}',
             f"evicting pod payments/{ppod}"]
    for a in range(drain - 1, 0, -5):
        if a % 30 < 5:
            lines.append(f"error when evicting pods/\"{ppod}\" -n \"payments\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.")
            lines.append(f"evicting pod payments/{ppod}")
    s.log("kured", kp["metadata"]["name"], "kured", "\n".join(lines))
    s.event(s.nodes["worker-2"], "NodeNotSchedulable", "Node worker-2 status is now: NodeNotSchedulable", first=drain, host="worker-2")
    write(s, {"title": "Node drain of worker-2 blocked: PDB payments-api allows 0 disruptions",
              "description": "kured cordoned worker-2 37 minutes ago to apply a kernel reboot; its drain retries the eviction of a payments-api pod every 5 s ('Cannot evict pod as it would violate the pod's disruption budget.') because the PDB requires minAvailable 2 of 2 replicas.",
              "expect": [{"category": "PDBBlocking", "resource": "PodDisruptionBudget/payments/payments-api"}], "maxRootCauses": 1})


def netpol(s, ns, name, spec, ago=30 * D):
    return cr(s, "netpol.yaml", "networking.k8s.io/v1", "NetworkPolicy", name, ns, ago=ago, spec=spec)


def calico(s):
    c = s.container("calico-node", "docker.io/calico/node:v3.29.1", env=[{"name": "DATASTORE_TYPE", "value": "kubernetes"}, {"name": "CALICO_NETWORKING_BACKEND", "value": "bird"}],
                    resources={"requests": {"cpu": "250m"}}, security={"privileged": True},
                    readiness={"exec": {"command": ["/bin/calico-node", "-felix-ready", "-bird-ready"]}, "periodSeconds": 10, "timeoutSeconds": 10},
                    liveness={"exec": {"command": ["/bin/calico-node", "-felix-live", "-bird-live"]}, "periodSeconds": 10, "timeoutSeconds": 10, "failureThreshold": 6})
    s.daemonset("kube-system", "calico-node", s.pod_template_spec([c], sa="calico-node", host_network=True, priority_class="system-node-critical", tolerations=[{"operator": "Exists"}]),
                {n: {"ago": 20 * D - 60 - i * 7} for i, n in enumerate(s.nodes)}, ago=118 * D, labels={"k8s-app": "calico-node"})


@scenario
def netpol_selects_no_pods():
    s = Snap("netpol-selects-no-pods", "2026-11-21T09:59:59Z", profile="kubeadm")
    base(s, ns=["shop"])
    calico(s)
    ago = 44 * 60
    api = healthy_app(s, "shop", "catalog-api", "ghcr.io/acme/catalog-api:3.2.0", replicas=2, ago=60 * D, pod_ago=5 * D,
                      labels={"app.kubernetes.io/name": "catalog-api", "app.kubernetes.io/part-of": "shop"})
    fe = healthy_app(s, "shop", "frontend", "ghcr.io/acme/frontend:3.9.0", replicas=2, ago=60 * D, pod_ago=5 * D,
                     labels={"app.kubernetes.io/name": "frontend", "app.kubernetes.io/part-of": "shop"})
    netpol(s, "shop", "default-deny-ingress", {"podSelector": {}, "policyTypes": ["Ingress"]}, ago=ago)
    netpol(s, "shop", "allow-ingress-nginx-to-frontend", {"ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}]}],
                                                         "podSelector": {"matchLabels": {"app.kubernetes.io/name": "frontend"}}, "policyTypes": ["Ingress"]}, ago=ago)
    netpol(s, "shop", "allow-frontend-to-catalog-api", {"ingress": [{"from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "frontend"}}}], "ports": [{"port": 8080, "protocol": "TCP"}]}],
                                                       "podSelector": {"matchLabels": {"app": "catalog-api"}}, "policyTypes": ["Ingress"]}, ago=ago)
    ip = s.get("Service", "shop", "catalog-api")["spec"]["clusterIP"]
    for p in fe[1]["_podlist"]:
        s.log("shop", p["metadata"]["name"], "frontend", "\n".join(
            f'{{"level":"error","ts":"{ts_log(s, a)}","msg":"catalog request failed","url":"http://catalog-api.shop.svc.cluster.local/v1/products","error":"Get \\"http://catalog-api.shop.svc.cluster.local/v1/products\\": dial tcp {ip}:80: i/o timeout"}}'
            for a in range(ago - 30, 0, -173)))
    write(s, {"title": "NetworkPolicy allow-frontend-to-catalog-api selects no pods, so default-deny blocks frontend -> catalog-api",
              "description": "The namespace got default-deny-ingress plus allow policies 44 minutes ago. The allow policy for catalog-api selects app=catalog-api, but the pods are labelled app.kubernetes.io/name=catalog-api; it matches nothing and frontend's calls time out.",
              "expect": [{"category": "NetworkPolicyBlocking", "resource": "NetworkPolicy/shop/allow-frontend-to-catalog-api"}], "maxRootCauses": 1})


@scenario
def netpol_default_deny_blocks_dependency():
    s = Snap("netpol-default-deny-blocks-dependency", "2026-11-21T10:02:02Z", profile="kubeadm")
    base(s, ns=["orders"])
    calico(s)
    local_path_sc(s)
    ago = 26 * 60
    pc = s.container("postgres", "postgres:16.4", ports=[{"containerPort": 5432, "name": "postgres"}], resources=res("250m", "512Mi", "1Gi"),
                     readiness={"exec": {"command": ["pg_isready", "-U", "postgres"]}}, mounts=[{"mountPath": "/var/lib/postgresql/data", "name": "data"}])
    s.statefulset("orders", "orders-db", 1, s.pod_template_spec([pc]), [{"node": "worker-2", "ago": 12 * D}], "orders-db", ago=150 * D,
                  vct=[{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "20Gi"}}, "storageClassName": "local-path", "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}],
                  pvc_storage_class="local-path")
    db = s.service("orders", "orders-db", {"app": "orders-db"}, [{"name": "postgres", "port": 5432, "targetPort": "postgres"}], ago=150 * D)
    netpol(s, "orders", "default-deny", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}, ago=ago)
    netpol(s, "orders", "allow-dns-egress", {"egress": [{"ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}],
                                                        "to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}}, "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}]}],
                                             "podSelector": {}, "policyTypes": ["Egress"]}, ago=ago)
    netpol(s, "orders", "allow-ingress-to-orders-api", {"ingress": [{"ports": [{"port": 8080, "protocol": "TCP"}]}], "podSelector": {"matchLabels": {"app": "orders-api"}}, "policyTypes": ["Ingress"]}, ago=ago)
    c = s.container("orders-api", "ghcr.io/acme/orders-api:4.4.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"),
                    env=[{"name": "DATABASE_URL", "value": "postgres://orders@orders-db.orders.svc.cluster.local:5432/orders"}])
    states = [{"node": "worker-1", "ago": 4 * D, "all": {"s": "running", "ready": False, "started": 4 * D - 3, "restarts": 0}, "unready_since": ago - 40},
              {"node": "worker-2", "ago": 4 * D - 8, "all": {"s": "running", "ready": False, "started": 4 * D - 11}, "unready_since": ago - 45}]
    dep, rs = s.deployment("orders", "orders-api", 2, s.pod_template_spec([c]), states, ago=150 * D, revision=21, generation=21, rs_ago=4 * D + 10,
                           conditions=unavailable_conditions(s, "x", ago - 40, "NewReplicaSetAvailable"))
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.'
    s.service("orders", "orders-api", {"app": "orders-api"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=150 * D)
    ip = db["spec"]["clusterIP"]
    for p in rs["_podlist"]:
        pip = p["status"]["podIP"]
        s.event(p, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", type_="Warning", first=ago - 40, last=6, count=150, field_path="spec.containers{orders-api}")
        s.log("orders", p["metadata"]["name"], "orders-api", "\n".join(
            f'time={ts_log(s, a)} level=ERROR msg="db ping failed" err="failed to connect to `user=orders database=orders`: {ip}:5432 (orders-db.orders.svc.cluster.local): dial error: timeout: dial tcp {ip}:5432: i/o timeout"'
            for a in range(ago - 30, 0, -61)))
    write(s, {"title": "default-deny NetworkPolicy in orders blocks orders-api -> orders-db",
              "description": "A namespace-wide default-deny (Ingress+Egress) was added 26 minutes ago with only DNS egress and ingress to orders-api allowed. orders-api can resolve orders-db but its connections to 10.96.x:5432 time out, although the database Service has a ready endpoint.",
              "expect": [{"category": "NetworkPolicyBlocking", "resource": "NetworkPolicy/orders/default-deny"}], "maxRootCauses": 1})


# =========================================================================== admission
def failed_create_deploy(s, ns, name, c, msg_fmt, ago, replicas=2, last=60, count=20, rollout=True, old_pods_nodes=None, labels=None):
    """A Deployment whose new ReplicaSet cannot create pods (admission rejects). msg_fmt gets {rs}."""
    spec = s.pod_template_spec([c])
    old = None
    if rollout:
        oc = dict(c, image=c["image"].rsplit(":", 1)[0] + ":" + "prev")
        oc["image"] = c["image"].rsplit(":", 1)[0] + ":" + c["image"].rsplit(":", 1)[1].replace(c["image"].rsplit(":", 1)[1].split(".")[-1], str(max(0, int(c["image"].rsplit(".", 1)[1]) - 1)) if c["image"].rsplit(".", 1)[1].isdigit() else "0")
        old = [{"template_spec": s.pod_template_spec([oc]), "replicas": replicas, "pods": [{"node": s.workers[i % len(s.workers)], "ago": 5 * D - i * 7} for i in range(replicas)], "revision": 3, "ago": 60 * D}]
    dep, rs = s.deployment(ns, name, replicas, spec, [], ago=60 * D if rollout else ago, revision=4 if rollout else 1, generation=4 if rollout else 1, rs_ago=ago, old_rs=old,
                           status_override={"rs_spec_replicas": 1 if rollout else replicas}, labels=labels)
    msg = msg_fmt.format(rs=rs["metadata"]["name"])
    rs["spec"]["replicas"] = 1 if rollout else replicas
    rs["status"] = {"conditions": [{"lastTransitionTime": s.at(ago - 1), "message": msg, "reason": "FailedCreate", "status": "True", "type": "ReplicaFailure"}],
                    "observedGeneration": 1, "replicas": 0}
    gen = dep["metadata"]["generation"]
    conds = [{"type": "Available", "status": "True" if rollout else "False", "reason": "MinimumReplicasAvailable" if rollout else "MinimumReplicasUnavailable",
              "message": "Deployment has minimum availability." if rollout else "Deployment does not have minimum availability.", "lastTransitionTime": s.at(59 * D if rollout else ago - 1), "lastUpdateTime": s.at(59 * D if rollout else ago - 1)},
             {"type": "ReplicaFailure", "status": "True", "reason": "FailedCreate", "message": msg, "lastTransitionTime": s.at(ago - 1), "lastUpdateTime": s.at(ago - 1)},
             {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated", "message": f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.', "lastTransitionTime": s.at(ago), "lastUpdateTime": s.at(ago - 1)}]
    if ago > 600:
        conds[2] = {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has timed out progressing.', "lastTransitionTime": s.at(ago - 601), "lastUpdateTime": s.at(ago - 601)}
    if rollout:
        dep["status"] = {"availableReplicas": replicas, "conditions": conds, "observedGeneration": gen, "readyReplicas": replicas, "replicas": replicas, "updatedReplicas": 0}
        old_rs = dep["_rslist"][0]
        dep_scaled_event(s, dep, rs, 0, 1, ago)
    else:
        dep["status"] = {"conditions": conds, "observedGeneration": gen, "unavailableReplicas": replicas}
        dep_scaled_event(s, dep, rs, 0, replicas, ago)
    s.service(ns, name, dict(dep["spec"]["selector"]["matchLabels"]), [{"name": "http", "port": 80, "targetPort": "http"}], ago=60 * D)
    s.event(rs, "FailedCreate", "Error creating: " + msg, type_="Warning", component="replicaset-controller", first=ago - 1, last=last, count=count)
    return dep, rs, msg


@scenario
def limitrange_rejection():
    s = Snap("limitrange-rejection", "2026-11-21T09:50:14Z", profile="kubeadm")
    base(s, ns=["analytics"])
    std_neighbours(s, "analytics", ("dashboards", "events-api"), resources={"limits": {"cpu": "500m", "memory": "512Mi"}, "requests": {"cpu": "100m", "memory": "256Mi"}})
    s.obj("config.yaml", "v1", "LimitRange", "container-limits", "analytics", ago=70 * D,
          spec={"limits": [{"default": {"cpu": "500m", "memory": "512Mi"}, "defaultRequest": {"cpu": "100m", "memory": "256Mi"},
                            "max": {"cpu": "2", "memory": "1Gi"}, "type": "Container"}]})
    c = s.container("worker", "ghcr.io/acme/analytics-worker:2.8.1", ports=[{"containerPort": 8080, "name": "http"}],
                    resources={"limits": {"cpu": "1", "memory": "2Gi"}, "requests": {"cpu": "500m", "memory": "1536Mi"}})
    failed_create_deploy(s, "analytics", "analytics-worker", c, 'pods "{rs}-" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi', 23 * 60, last=47, count=17)
    write(s, {"title": "analytics-worker rollout blocked: LimitRange caps container memory at 1Gi, the new template asks for 2Gi",
              "description": "Revision 4 raised the worker's memory limit to 2Gi; the namespace LimitRange container-limits allows at most 1Gi per container, so every create of the new ReplicaSet is forbidden and the old pods keep running the previous version.",
              "expect": [{"category": "QuotaExceeded", "resource": "Deployment/analytics/analytics-worker"}], "maxRootCauses": 1})


def webhook_cfg(s, kind, name, hooks, ago=90 * D, labels=None, annotations=None):
    return cr(s, "admission.yaml", "admissionregistration.k8s.io/v1", kind, name, ago=ago, labels=labels, annotations=annotations, webhooks=hooks)


def hook(name, svc_ns, svc, path, ca_pem, rules, failure="Fail", ns_selector=None, timeout=10, side="None"):
    h = {"admissionReviewVersions": ["v1"], "clientConfig": {"caBundle": b64s(ca_pem), "service": {"name": svc, "namespace": svc_ns, "path": path, "port": 443}},
         "failurePolicy": failure, "matchPolicy": "Equivalent", "name": name, "namespaceSelector": ns_selector or {"matchExpressions": [{"key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system"]}]},
         "objectSelector": {}, "rules": rules, "sideEffects": side, "timeoutSeconds": timeout}
    return h


POD_RULES = [{"apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"], "resources": ["pods"], "scope": "Namespaced"}]


@scenario
def webhook_service_missing():
    s = Snap("webhook-service-missing", "2026-11-21T10:09:40Z", profile="eks")
    base(s, workers=3, ns=["shop"])
    webhook_cfg(s, "ValidatingWebhookConfiguration", "kyverno-resource-validating-webhook-cfg",
                [hook("validate.kyverno.svc-fail", "kyverno", "kyverno-svc", "/validate/fail", pem("cm-webhook-ca"), POD_RULES)], ago=140 * D,
                labels={"webhook.kyverno.io/managed-by": "kyverno"})
    std_neighbours(s, "shop", ("cart",))
    c = s.container("frontend", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/frontend:3.10.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
    failed_create_deploy(s, "shop", "frontend", c, 'Internal error occurred: failed calling webhook "validate.kyverno.svc-fail": failed to call webhook: Post "https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s": service "kyverno-svc" not found',
                         31 * 60, last=33, count=19)
    write(s, {"title": "Pod creation fails: leftover Kyverno ValidatingWebhookConfiguration points at a deleted Service",
              "description": "Kyverno was uninstalled yesterday (namespace kyverno is gone) but its webhook configuration with failurePolicy Fail remains; every pod create in non-system namespaces fails with 'service \"kyverno-svc\" not found', so the frontend rollout cannot create pods.",
              "expect": [{"category": "AdmissionWebhookFailure", "resource": "ValidatingWebhookConfiguration/kyverno-resource-validating-webhook-cfg"}], "maxRootCauses": 1})


@scenario
def webhook_no_ready_endpoints():
    s = Snap("webhook-no-ready-endpoints", "2026-11-21T09:56:28Z", profile="kubeadm")
    base(s, ns=["vault", "payments"])
    webhook_cfg(s, "MutatingWebhookConfiguration", "vault-agent-injector-cfg",
                [dict(hook("vault.hashicorp.com", "vault", "vault-agent-injector-svc", "/mutate", pem("cm-webhook-ca"), [{"apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"], "resources": ["pods"], "scope": "Namespaced"}],
                           ns_selector={"matchExpressions": [{"key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["vault"]}]}), reinvocationPolicy="Never")],
                ago=80 * D, labels={"app.kubernetes.io/instance": "vault", "app.kubernetes.io/name": "vault-agent-injector"})
    ic = s.container("sidecar-injector", "hashicorp/vault-k8s:1.5.0", args=["agent-inject", "2>&1"], ports=[{"containerPort": 8080, "name": "https"}],
                     env=[{"name": "AGENT_INJECT_LISTEN", "value": ":8080"}, {"name": "AGENT_INJECT_VAULT_ADDR", "value": "http://vault.vault.svc:8200"},
                          {"name": "AGENT_INJECT_TLS_AUTO", "value": "vault-agent-injector-cfg"}, {"name": "AGENT_INJECT_TLS_AUTO_HOSTS", "value": "vault-agent-injector-svc,vault-agent-injector-svc.vault,vault-agent-injector-svc.vault.svc"}],
                     resources=res("50m", "64Mi", "128Mi"), readiness={"httpGet": {"path": "/health/ready", "port": 8080, "scheme": "HTTPS"}, "failureThreshold": 2, "initialDelaySeconds": 5, "periodSeconds": 2, "successThreshold": 1, "timeoutSeconds": 5},
                     liveness={"httpGet": {"path": "/health/ready", "port": 8080, "scheme": "HTTPS"}, "failureThreshold": 2, "initialDelaySeconds": 5, "periodSeconds": 2, "successThreshold": 1, "timeoutSeconds": 5})
    lab = {"app.kubernetes.io/instance": "vault", "app.kubernetes.io/name": "vault-agent-injector", "component": "webhook"}
    ago = 44 * 60
    dep, rs = s.deployment("vault", "vault-agent-injector", 1, s.pod_template_spec([ic], sa="vault-agent-injector"),
                           [{"node": "worker-1", "ago": ago, "all": crash_state(13, 1, last_start=70, last_end=69)}], ago=80 * D, revision=5, generation=5, rs_ago=ago + 1, labels=lab,
                           conditions=unavailable_conditions(s, "x", ago - 30, "ReplicaSetUpdated"))
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" is progressing.'
    s.service("vault", "vault-agent-injector-svc", dict(dep["spec"]["selector"]["matchLabels"]), [{"name": "https", "port": 443, "targetPort": 8080}], ago=80 * D, labels=lab)
    p = rs["_podlist"][0]
    crash_events(s, p, "sidecar-injector", first=ago - 2, restarts=13, last=40, bo_count=190)
    log = lambda a: (f'{ts_log(s, a, "%Y-%m-%dT%H:%M:%S.{ms}Z")} [INFO]  handler: Starting handler..\n'
                     f'{ts_log(s, a - 1, "%Y-%m-%dT%H:%M:%S.{ms}Z")} [ERROR] handler: failed to create certificate: error="failed to read vault-agent-injector-cfg MutatingWebhookConfiguration: mutatingwebhookconfigurations.admissionregistration.k8s.io \\"vault-agent-injector-cfg\\" is forbidden: User \\"system:serviceaccount:vault:vault-agent-injector\\" cannot get resource \\"mutatingwebhookconfigurations\\" in API group \\"admissionregistration.k8s.io\\" at the cluster scope"\n'
                     f'Error: failed to configure TLS for webhook: certificate generation failed\n')
    s.log("vault", p["metadata"]["name"], "sidecar-injector", log(70))
    s.log("vault", p["metadata"]["name"], "sidecar-injector", log(400), previous=True)
    std_neighbours(s, "payments", ("payments-ui",))
    c = s.container("payments-api", "ghcr.io/acme/payments:5.4.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
    failed_create_deploy(s, "payments", "payments-api", c, 'Internal error occurred: failed calling webhook "vault.hashicorp.com": failed to call webhook: Post "https://vault-agent-injector-svc.vault.svc:443/mutate?timeout=10s": no endpoints available for service "vault-agent-injector-svc"',
                         27 * 60, last=21, count=18)
    write(s, {"title": "Pod creation blocked by the vault-agent-injector mutating webhook: no ready endpoints",
              "description": "The injector's ClusterRole lost access to its MutatingWebhookConfiguration during an upgrade, so the injector crash-loops; its webhook (failurePolicy Fail) has no ready endpoints and every pod create in other namespaces fails with 'no endpoints available for service \"vault-agent-injector-svc\"'.",
              "expect": [{"category": "AdmissionWebhookFailure", "resource": "MutatingWebhookConfiguration/vault-agent-injector-cfg"}], "maxRootCauses": 2})


# =========================================================================== certificates
@scenario
def tls_secret_expired():
    s = Snap("tls-secret-expired", "2026-11-21T09:58:01Z", profile="kubeadm")
    base(s, ns=["ingress-nginx", "shop", "monitoring"])
    apps = _web_apps(s, "shop", ("storefront", "cart"))
    tls_secret(s, "shop", "www-shop-example-com", "shop-www-expired", "le-r11", ago=93 * D)
    ing = ingress(s, "shop", "storefront", [("www.shop.example.com", [("/", "storefront", 80)]), ("shop.example.com", [("/", "storefront", 80)])], ago=200 * D,
                  tls=[(["www.shop.example.com", "shop.example.com"], "www-shop-example-com")])
    ingress_nginx(s, [], ing_objs=[ing])
    bb = s.container("blackbox-exporter", "quay.io/prometheus/blackbox-exporter:v0.25.0", args=["--config.file=/config/blackbox.yaml", "--log.level=info"],
                     ports=[{"containerPort": 9115, "name": "http"}], resources=res("25m", "32Mi", "64Mi"))
    bdep, brs = s.deployment("monitoring", "blackbox-exporter", 1, s.pod_template_spec([bb]), [{"node": "worker-2", "ago": 11 * D}], ago=150 * D)
    s.log("monitoring", brs["_podlist"][0]["metadata"]["name"], "blackbox-exporter", "\n".join(
        f'ts={ts_log(s, a)} caller=main.go:190 module=https_2xx target=https://www.shop.example.com/ level=error msg="Error for HTTP request" err="Get \\"https://{s.nodes["worker-1"]["status"]["addresses"][0]["address"] if False else "www.shop.example.com"}/\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time {ts_log(s, a, "%Y-%m-%dT%H:%M:%SZ")} is after 2026-11-18T09:12:03Z"'
        for a in range(3 * H, 0, -900)))
    write(s, {"title": "TLS certificate for www.shop.example.com expired three days ago",
              "description": "The kubernetes.io/tls Secret shop/www-shop-example-com (uploaded by hand, no cert-manager) holds a Let's Encrypt certificate whose notAfter is 2026-11-18T09:12:03Z. ingress-nginx still serves it; browsers and the blackbox probe reject it.",
              "expect": [{"category": "CertificateExpired", "resource": "Secret/shop/www-shop-example-com"}], "maxRootCauses": 1})


@scenario
def tls_secret_expiring_soon():
    s = Snap("tls-secret-expiring-soon", "2026-11-21T10:00:00Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["ingress-nginx", "billing"])
    _web_apps(s, "billing", ("billing-portal", "billing-api"))
    tls_secret(s, "billing", "portal-billing-tls", "billing-portal-expiring", "le-e6", ago=84 * D)
    ing = ingress(s, "billing", "billing-portal", [("portal.billing.example.com", [("/", "billing-portal", 80)])], ago=300 * D,
                  tls=[(["portal.billing.example.com"], "portal-billing-tls")])
    ingress_nginx(s, [], ing_objs=[ing])
    write(s, {"title": "TLS certificate of portal.billing.example.com expires in 6 days",
              "description": "Secret billing/portal-billing-tls was last renewed manually 84 days ago; its certificate expires 2026-11-27T08:40:16Z and nothing in the cluster renews it. Nothing is broken yet.",
              "expect": [{"category": "CertificateExpired", "resource": "Secret/billing/portal-billing-tls"}], "maxRootCauses": 1})


@scenario
def webhook_cabundle_expired():
    s = Snap("webhook-cabundle-expired", "2026-11-21T09:41:12Z", profile="kubeadm")
    base(s, ns=["policy", "shop"])
    webhook_cfg(s, "ValidatingWebhookConfiguration", "policy-webhook",
                [hook("validate.policy.acme.io", "policy", "policy-webhook", "/validate", pem("policy-webhook-ca"),
                      [{"apiGroups": ["apps"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"], "resources": ["deployments"], "scope": "Namespaced"}] + POD_RULES)],
                ago=372 * D if False else 110 * D)
    tls_secret(s, "policy", "policy-webhook-tls", "policy-webhook-serving", ca="policy-webhook-ca", ago=372 * D if False else 110 * D)
    pc = s.container("webhook", "ghcr.io/acme/policy-webhook:1.3.0", args=["--tls-cert-file=/certs/tls.crt", "--tls-private-key-file=/certs/tls.key", "--port=8443"],
                     ports=[{"containerPort": 8443, "name": "https"}], resources=res("50m", "64Mi", "128Mi"),
                     readiness={"httpGet": {"path": "/healthz", "port": "https", "scheme": "HTTPS"}}, mounts=[{"mountPath": "/certs", "name": "certs", "readOnly": True}])
    pdep, prs = s.deployment("policy", "policy-webhook", 2, s.pod_template_spec([pc], volumes=[{"name": "certs", "secret": {"secretName": "policy-webhook-tls"}}]),
                             [{"node": "worker-1", "ago": 9 * D}, {"node": "worker-2", "ago": 9 * D - 11}], ago=110 * D)
    s.service("policy", "policy-webhook", {"app": "policy-webhook"}, [{"name": "https", "port": 443, "targetPort": "https"}], ago=110 * D)
    std_neighbours(s, "shop", ("cart",))
    c = s.container("frontend", "ghcr.io/acme/frontend:3.10.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
    failed_create_deploy(s, "shop", "frontend", c, 'Internal error occurred: failed calling webhook "validate.policy.acme.io": failed to call webhook: Post "https://policy-webhook.policy.svc:443/validate?timeout=10s": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T09:18:40Z is after 2026-11-14T08:31:02Z',
                         23 * 60, last=35, count=17)
    for p in prs["_podlist"]:
        s.log("policy", p["metadata"]["name"], "webhook", "\n".join(f'{ts_log(s, a, "%Y/%m/%d %H:%M:%S")} http: TLS handshake error from 10.10.0.10:{s.rng.randint(30000, 60000)}: remote error: tls: bad certificate' for a in range(23 * 60, 0, -97)))
    write(s, {"title": "policy-webhook's caBundle and serving certificate expired a week ago; pod creates fail",
              "description": "The self-signed CA in ValidatingWebhookConfiguration policy-webhook (and the serving cert signed by it) expired on 2026-11-14. With failurePolicy Fail every pod/deployment write in non-system namespaces is rejected with 'x509: certificate has expired'.",
              "expect": [{"category": "CertificateExpired", "resource": "ValidatingWebhookConfiguration/policy-webhook"}], "maxRootCauses": 1})


# =========================================================================== RBAC
@scenario
def rbac_role_missing_verb():
    s = Snap("rbac-role-missing-verb", "2026-11-21T09:52:18Z", profile="kubeadm")
    base(s, ns=["platform"])
    std_neighbours(s, "platform", ("portal",))
    s.obj("config.yaml", "v1", "ServiceAccount", "flagd", "platform", ago=30 * D)
    s.obj("rbac.yaml", "rbac.authorization.k8s.io/v1", "Role", "flagd", "platform", ago=2 * H,
          rules=[{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}])
    s.obj("rbac.yaml", "rbac.authorization.k8s.io/v1", "RoleBinding", "flagd", "platform", ago=30 * D,
          roleRef={"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "flagd"}, subjects=[{"kind": "ServiceAccount", "name": "flagd", "namespace": "platform"}])
    s.configmap("platform", "feature-flags", {"flags.json": json.dumps({"flags": {"new-checkout": {"state": "ENABLED", "variants": {"on": True, "off": False}, "defaultVariant": "off"}}}, sort_keys=True)}, ago=3 * H)
    c = s.container("flag-service", "ghcr.io/acme/flag-service:0.11.0", args=["--source=configmap:platform/feature-flags"], ports=[{"containerPort": 8013, "name": "http"}],
                    resources=res("50m", "64Mi", "128Mi"), readiness=http_probe("/readyz"))
    ago = 2 * H - 30
    dep, rs = s.deployment("platform", "flag-service", 2, s.pod_template_spec([c], sa="flagd"), [{"node": "worker-1", "ago": ago}, {"node": "worker-2", "ago": ago - 7}], ago=30 * D,
                           revision=6, generation=6, rs_ago=ago + 1)
    s.service("platform", "flag-service", {"app": "flag-service"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=30 * D)
    for p in rs["_podlist"]:
        lines = [f'{klog_ts(s, ago - 3)}       1 main.go:41] "starting flag-service" version="0.11.0" source="configmap:platform/feature-flags"']
        for a in range(ago - 5, 0, -s.rng.randint(50, 90)):
            lines.append(f'{klog_ts(s, a, "W")}       1 reflector.go:561] k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to watch *v1.ConfigMap: configmaps is forbidden: User "system:serviceaccount:platform:flagd" cannot watch resource "configmaps" in API group "" in the namespace "platform"')
            lines.append(f'{klog_ts(s, a, "E")}       1 reflector.go:158] "Unhandled Error" err="k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.ConfigMap: configmaps is forbidden: User \\"system:serviceaccount:platform:flagd\\" cannot watch resource \\"configmaps\\" in API group \\"\\" in the namespace \\"platform\\"" logger="UnhandledError"')
        s.log("platform", p["metadata"]["name"], "flag-service", "\n".join(lines))
    write(s, {"title": "flag-service cannot watch ConfigMaps: its Role grants get/list but not watch",
              "description": "The Role flagd was tightened two hours ago to get/list on configmaps; the informer in flag-service lists successfully but every watch is forbidden, so flag changes are no longer picked up (pods stay Running).",
              "expect": [{"category": "PermissionDenied", "resource": "Deployment/platform/flag-service"}], "maxRootCauses": 1})


# =========================================================================== custom resources
def cert_manager(s, ago=100 * D, pod_ago=15 * D):
    for n, img, port in (("cert-manager", "quay.io/jetstack/cert-manager-controller:v1.16.2", 9402), ("cert-manager-cainjector", "quay.io/jetstack/cert-manager-cainjector:v1.16.2", 9402),
                         ("cert-manager-webhook", "quay.io/jetstack/cert-manager-webhook:v1.16.2", 10250)):
        cc = s.container(n.replace("cert-manager-", "") if n != "cert-manager" else "cert-manager-controller", img, ports=[{"containerPort": port, "name": "http-metrics" if port == 9402 else "https"}],
                         resources={}, security={"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "readOnlyRootFilesystem": True})
        lab = {"app.kubernetes.io/component": {"cert-manager": "controller", "cert-manager-cainjector": "cainjector", "cert-manager-webhook": "webhook"}[n], "app.kubernetes.io/instance": "cert-manager",
               "app.kubernetes.io/name": n.replace("cert-manager-", "") if n != "cert-manager" else "cert-manager"}
        d, r = s.deployment("cert-manager", n, 1, s.pod_template_spec([cc], sa=n, security={"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}), [{"node": s.workers[0], "ago": pod_ago}], ago=ago, labels=lab)
        if n != "cert-manager-cainjector":
            s.service("cert-manager", n, lab, [{"name": "tcp-prometheus-servicemonitor" if port == 9402 else "https", "port": port if port == 9402 else 443, "targetPort": port if port == 9402 else "https"}], ago=ago)
    for k, p in (("Certificate", "certificates"), ("CertificateRequest", "certificaterequests"), ("Issuer", "issuers")):
        crd(s, "cert-manager.io", k, p, ["v1"], ago=ago, categories=["cert-manager"], labels={"app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/name": "cert-manager"})
    crd(s, "cert-manager.io", "ClusterIssuer", "clusterissuers", ["v1"], scope="Cluster", ago=ago, categories=["cert-manager"], labels={"app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/name": "cert-manager"})
    for k, p in (("Order", "orders"), ("Challenge", "challenges")):
        crd(s, "acme.cert-manager.io", k, p, ["v1"], ago=ago, categories=["cert-manager", "cert-manager-acme"], labels={"app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/name": "cert-manager"})
    ci = cr(s, "certs.yaml", "cert-manager.io/v1", "ClusterIssuer", "letsencrypt-prod", ago=ago,
            spec={"acme": {"email": "ops@example.com", "privateKeySecretRef": {"name": "letsencrypt-prod"}, "server": "https://acme-v02.api.letsencrypt.org/directory",
                           "solvers": [{"http01": {"ingress": {"ingressClassName": "nginx"}}}]}},
            status={"acme": {"lastPrivateKeyHash": "x2JqHk1Ck5u8Q5cFhZl0nYbq3b0xq9uV9bJmH0eYk1c=", "lastRegisteredEmail": "ops@example.com", "uri": "https://acme-v02.api.letsencrypt.org/acme/acct/1893355187"},
                    "conditions": [cond(s, "Ready", "True", "ACMEAccountRegistered", "The ACME account was registered with the ACME server", ago - 60, 1)]})
    return ci


def certificate(s, ns, name, hosts, secret, issuer="letsencrypt-prod", ago=60 * D, ready=True, leaf=None, chain=None, revision=2, renewed_ago=30 * D, not_after=None, not_before=None):
    c = cr(s, "certs.yaml", "cert-manager.io/v1", "Certificate", name, ns, ago=ago,
           spec={"dnsNames": hosts, "issuerRef": {"group": "cert-manager.io", "kind": "ClusterIssuer", "name": issuer}, "privateKey": {"algorithm": "ECDSA", "rotationPolicy": "Always", "size": 256},
                 "secretName": secret, "usages": ["digital signature", "key encipherment"]})
    if ready:
        c["status"] = {"conditions": [cond(s, "Ready", "True", "Ready", "Certificate is up to date and has not expired", renewed_ago, 1)],
                       "notAfter": not_after, "notBefore": not_before, "renewalTime": s.at((s.T - _parse(not_after)).total_seconds() + 30 * D) if not_after else None, "revision": revision}
        ann = {"cert-manager.io/alt-names": ",".join(hosts), "cert-manager.io/certificate-name": name, "cert-manager.io/common-name": hosts[0], "cert-manager.io/ip-sans": "",
               "cert-manager.io/issuer-group": "cert-manager.io", "cert-manager.io/issuer-kind": "ClusterIssuer", "cert-manager.io/issuer-name": issuer, "cert-manager.io/uri-sans": ""}
        tls_secret(s, ns, secret, leaf, chain, ago=renewed_ago, annotations=ann, labels={"controller.cert-manager.io/fao": "true"}, file="certs.yaml")
    return c


@scenario
def certmanager_certificate_not_ready():
    s = Snap("certmanager-certificate-not-ready", "2026-11-21T10:05:33Z", profile="kubeadm")
    base(s, ns=["cert-manager", "ingress-nginx", "api"])
    cert_manager(s)
    ago = 34 * 60
    _web_apps(s, "api", ("public-api",), ago=70 * D)
    ing = ingress(s, "api", "public-api", [("api.acme.example.com", [("/", "public-api", 80)])], ago=ago, tls=[(["api.acme.example.com"], "public-api-tls")],
                  annotations={"cert-manager.io/cluster-issuer": "letsencrypt-prd"})
    ingress_nginx(s, [f'{klog_ts(s, a, "W")}       7 controller.go:1372] Error getting SSL certificate "api/public-api-tls": local SSL certificate api/public-api-tls was not found. Using default certificate' for a in range(ago - 5, 0, -300)], ing_objs=[ing])
    c = certificate(s, "api", "public-api-tls", ["api.acme.example.com"], "public-api-tls", issuer="letsencrypt-prd", ago=ago - 1, ready=False)
    c["metadata"]["ownerReferences"] = [owner_ref(ing)]
    nk = f"public-api-tls-{s.rand(5)}"
    c["status"] = {"conditions": [cond(s, "Ready", "False", "DoesNotExist", "Issuing certificate as Secret does not exist", ago - 2, 1),
                                  cond(s, "Issuing", "True", "DoesNotExist", "Issuing certificate as Secret does not exist", ago - 2, 1)],
                   "nextPrivateKeySecretName": nk}
    s.secret("api", nk, {"tls.key": pem("healthy-api", "key")}, ago=ago - 3, labels={"cert-manager.io/next-private-key": "true", "controller.cert-manager.io/fao": "true"}, file="certs.yaml")
    s.get("Secret", "api", nk)["metadata"]["ownerReferences"] = [owner_ref(c)]
    req = cr(s, "certs.yaml", "cert-manager.io/v1", "CertificateRequest", "public-api-tls-1", "api", ago=ago - 4, owner=c,
             annotations={"cert-manager.io/certificate-name": "public-api-tls", "cert-manager.io/certificate-revision": "1", "cert-manager.io/private-key-secret-name": nk},
             spec={"extra": {"authentication.kubernetes.io/credential-id": ["JTI=" + s.uid()], "authentication.kubernetes.io/pod-name": [s.get("Deployment", "cert-manager", "cert-manager")["_rslist"][-1]["_podlist"][0]["metadata"]["name"]]},
                   "groups": ["system:serviceaccounts", "system:serviceaccounts:cert-manager", "system:authenticated"],
                   "issuerRef": {"group": "cert-manager.io", "kind": "ClusterIssuer", "name": "letsencrypt-prd"},
                   "request": b64s("-----BEGIN CERTIFICATE REQUEST-----\nMIHxMIGYAgEAMAAwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT(omitted)\n-----END CERTIFICATE REQUEST-----\n"),
                   "uid": s.uid(), "usages": ["digital signature", "key encipherment"], "username": "system:serviceaccount:cert-manager:cert-manager"},
             status={"conditions": [cond(s, "Approved", "True", "cert-manager.io", "Certificate request has been approved by cert-manager.io", ago - 4),
                                    cond(s, "Ready", "False", "Pending", 'Referenced "ClusterIssuer" not found: clusterissuer.cert-manager.io "letsencrypt-prd" not found', ago - 4)]})
    s.event(c, "Issuing", "Issuing certificate as Secret does not exist", component="cert-manager-certificates-trigger", first=ago - 2)
    s.event(c, "Generated", f'Stored new private key in temporary Secret resource "{nk}"', component="cert-manager-certificates-key-manager", first=ago - 3)
    s.event(c, "Requested", 'Created new CertificateRequest resource "public-api-tls-1"', component="cert-manager-certificates-request-manager", first=ago - 4)
    s.event(req, "cert-manager.io", "Certificate request has been approved by cert-manager.io", component="cert-manager-certificaterequests-approver", first=ago - 4)
    for kind in ("acme", "ca", "selfsigned", "vault", "venafi"):
        s.event(req, "IssuerNotFound", 'Referenced "ClusterIssuer" not found: clusterissuer.cert-manager.io "letsencrypt-prd" not found', component=f"cert-manager-certificaterequests-issuer-{kind}", first=ago - 4)
    write(s, {"title": "Certificate public-api-tls is not Ready: its ClusterIssuer letsencrypt-prd does not exist",
              "description": "The Ingress annotation names ClusterIssuer 'letsencrypt-prd' (the real one is letsencrypt-prod). ingress-shim created the Certificate, its CertificateRequest is Pending with 'Referenced \"ClusterIssuer\" not found', the Secret is never created and ingress-nginx serves its default certificate.",
              "expect": [{"category": "ResourceNotReady", "resource": "Certificate/api/public-api-tls"}], "maxRootCauses": 1})


@scenario
def argocd_application_sync_failed():
    s = Snap("argocd-application-sync-failed", "2026-11-21T09:49:47Z", profile="eks")
    base(s, workers=3, ns=["argocd", "payments"])
    for k, p, sh in (("Application", "applications", ["app", "apps"]), ("AppProject", "appprojects", ["appproj", "appprojs"]), ("ApplicationSet", "applicationsets", ["appset", "appsets"])):
        crd(s, "argoproj.io", k, p, ["v1alpha1"], short=sh, ago=200 * D, labels={"app.kubernetes.io/name": p, "app.kubernetes.io/part-of": "argocd"})
    lab = lambda n: {"app.kubernetes.io/component": n, "app.kubernetes.io/name": f"argocd-{n}", "app.kubernetes.io/part-of": "argocd"}
    for n, img in (("server", "quay.io/argoproj/argocd:v2.13.1"), ("repo-server", "quay.io/argoproj/argocd:v2.13.1"), ("redis", "public.ecr.aws/docker/library/redis:7.0.15-alpine"),
                   ("applicationset-controller", "quay.io/argoproj/argocd:v2.13.1")):
        healthy_app(s, "argocd", f"argocd-{n}", img, port={"server": 8080, "repo-server": 8081, "redis": 6379, "applicationset-controller": 7000}[n], replicas=1, ago=200 * D, pod_ago=12 * D,
                    probe="/healthz" if n != "redis" else None, labels={"app.kubernetes.io/name": f"argocd-{n}"})
    ac = s.container("argocd-application-controller", "quay.io/argoproj/argocd:v2.13.1", command=["argocd-application-controller"], ports=[{"containerPort": 8082, "name": "metrics"}],
                     resources={}, readiness={"httpGet": {"path": "/healthz", "port": 8082}, "initialDelaySeconds": 5})
    s.statefulset("argocd", "argocd-application-controller", 1, s.pod_template_spec([ac], sa="argocd-application-controller"), [{"node": s.workers[1], "ago": 12 * D}], "argocd-application-controller",
                  ago=200 * D, labels={"app.kubernetes.io/name": "argocd-application-controller"})
    proj = cr(s, "argocd.yaml", "argoproj.io/v1alpha1", "AppProject", "default", "argocd", ago=200 * D, spec={"clusterResourceWhitelist": [{"group": "*", "kind": "*"}], "destinations": [{"namespace": "*", "server": "*"}], "sourceRepos": ["*"]}, status={})
    c = s.container("payments-api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-api:5.3.0", ports=[{"containerPort": 8080, "name": "http"}],
                    resources={"limits": {"cpu": "1", "memory": "1Gi"}, "requests": {"cpu": "500m", "memory": "512Mi"}}, readiness=http_probe("/healthz"))
    dep, rs = s.deployment("payments", "payments-api", 3, s.pod_template_spec([c]), [{"node": s.workers[i], "ago": 6 * D - i * 11} for i in range(3)], ago=150 * D, revision=23, generation=23, rs_ago=6 * D + 10,
                           labels={"app": "payments-api", "app.kubernetes.io/instance": "payments"})
    dep["metadata"]["annotations"]["argocd.argoproj.io/tracking-id"] = "payments:apps/Deployment:payments/payments-api"
    s.service("payments", "payments-api", {"app": "payments-api"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=150 * D)
    rev = "3f9c2e1b7a64d8c05e2f19a4b6d7c8e90a1b2c3d"
    prev = "a81d0c4e5f6b7a8c9d0e1f2a3b4c5d6e7f8a9b0c"
    err = ('one or more objects failed to apply, reason: Deployment.apps "payments-api" is invalid: spec.template.spec.containers[0].resources.requests: '
           'Invalid value: "2": must be less than or equal to cpu limit of 1')
    started = 31 * 60
    app = cr(s, "argocd.yaml", "argoproj.io/v1alpha1", "Application", "payments", "argocd", ago=150 * D, finalizers=["resources-finalizer.argocd.argoproj.io"],
             spec={"destination": {"namespace": "payments", "server": "https://kubernetes.default.svc"}, "project": "default",
                   "source": {"path": "apps/payments/overlays/prod", "repoURL": "https://github.com/acme/platform-gitops.git", "targetRevision": "main"},
                   "syncPolicy": {"automated": {"prune": True, "selfHeal": True}, "retry": {"backoff": {"duration": "5s", "factor": 2, "maxDuration": "3m0s"}, "limit": 5}}})
    app["metadata"]["generation"] = 48211
    res_list = [{"group": "apps", "health": {"status": "Healthy"}, "kind": "Deployment", "name": "payments-api", "namespace": "payments", "status": "OutOfSync", "version": "v1"},
                {"health": {"status": "Healthy"}, "kind": "Service", "name": "payments-api", "namespace": "payments", "status": "Synced", "version": "v1"}]
    app["status"] = {
        "conditions": [{"lastTransitionTime": s.at(started - 200), "message": f"Failed sync attempt to {rev}: {err} (retried 5 times).", "type": "SyncError"}],
        "controllerNamespace": "argocd", "health": {"lastTransitionTime": s.at(6 * D), "status": "Healthy"},
        "history": [{"deployStartedAt": s.at(6 * D + 30), "deployedAt": s.at(6 * D), "id": 41, "initiatedBy": {"automated": True}, "revision": prev,
                     "source": {"path": "apps/payments/overlays/prod", "repoURL": "https://github.com/acme/platform-gitops.git", "targetRevision": "main"}}],
        "operationState": {"finishedAt": s.at(started - 200), "message": f"{err} (retried 5 times).",
                           "operation": {"initiatedBy": {"automated": True}, "retry": {"backoff": {"duration": "5s", "factor": 2, "maxDuration": "3m0s"}, "limit": 5},
                                         "sync": {"prune": True, "revision": rev}},
                           "phase": "Failed", "retryCount": 5, "startedAt": s.at(started),
                           "syncResult": {"resources": [{"group": "apps", "hookPhase": "Failed", "kind": "Deployment", "message": err.split("reason: ", 1)[1], "name": "payments-api", "namespace": "payments",
                                                         "status": "SyncFailed", "syncPhase": "Sync", "version": "v1"},
                                                        {"group": "", "hookPhase": "Running", "kind": "Service", "message": "service/payments-api unchanged", "name": "payments-api", "namespace": "payments",
                                                         "status": "Synced", "syncPhase": "Sync", "version": "v1"}],
                                          "revision": rev, "source": {"path": "apps/payments/overlays/prod", "repoURL": "https://github.com/acme/platform-gitops.git", "targetRevision": "main"}}},
        "reconciledAt": s.at(40), "resourceHealthSource": "appTree", "resources": res_list,
        "sourceType": "Kustomize", "summary": {"images": ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-api:5.3.0"]},
        "sync": {"comparedTo": {"destination": {"namespace": "payments", "server": "https://kubernetes.default.svc"},
                                "source": {"path": "apps/payments/overlays/prod", "repoURL": "https://github.com/acme/platform-gitops.git", "targetRevision": "main"}},
                 "revision": rev, "status": "OutOfSync"}}
    s.event(app, "OperationStarted", f"Initiated automated sync to '{rev}'", component="argocd-application-controller", first=started)
    s.event(app, "OperationCompleted", f"Sync operation to {rev} failed: {err} (retried 5 times).", type_="Warning", component="argocd-application-controller", first=started - 200)
    s.event(app, "ResourceUpdated", "Updated sync status: Synced -> OutOfSync", component="argocd-application-controller", first=started + 20)
    write(s, {"title": "Argo CD Application payments fails to sync: the new revision's Deployment is invalid",
              "description": "Commit 3f9c2e1 raised the payments-api CPU request to 2 while the limit stays 1; the apiserver rejects the apply, the automated sync failed after 5 retries (SyncError, operationState Failed) and the app is OutOfSync while the old revision keeps running Healthy.",
              "expect": [{"category": "ResourceNotReady", "resource": "Application/argocd/payments"}], "maxRootCauses": 1})


@scenario
def flux_helmrelease_failed():
    s = Snap("flux-helmrelease-failed", "2026-11-21T10:01:26Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["flux-system", "cache", "shop"])
    for g, k, p, v in (("helm.toolkit.fluxcd.io", "HelmRelease", "helmreleases", ["v2beta2", "v2"]), ("source.toolkit.fluxcd.io", "HelmRepository", "helmrepositories", ["v1beta2", "v1"]),
                       ("source.toolkit.fluxcd.io", "HelmChart", "helmcharts", ["v1beta2", "v1"]), ("source.toolkit.fluxcd.io", "GitRepository", "gitrepositories", ["v1beta2", "v1"]),
                       ("kustomize.toolkit.fluxcd.io", "Kustomization", "kustomizations", ["v1beta2", "v1"])):
        crd(s, g, k, p, v, ago=150 * D, labels={"app.kubernetes.io/component": g.split(".")[0] + "-controller", "app.kubernetes.io/instance": "flux-system", "app.kubernetes.io/part-of": "flux"})
    for n, ver in (("source-controller", "v1.4.1"), ("helm-controller", "v1.1.0"), ("kustomize-controller", "v1.4.0"), ("notification-controller", "v1.4.0")):
        healthy_app(s, "flux-system", n, f"ghcr.io/fluxcd/{n}:{ver}", port=9440, replicas=1, ago=150 * D, pod_ago=9 * D, probe="/healthz", svc=(n in ("source-controller", "notification-controller")))
    ago = 52 * 60
    repo = cr(s, "flux.yaml", "source.toolkit.fluxcd.io/v1", "HelmRepository", "bitnami", "flux-system", ago=150 * D,
              spec={"interval": "1h0m0s", "type": "oci", "url": "oci://registry-1.docker.io/bitnamicharts"},
              status={"conditions": [cond(s, "Ready", "True", "Succeeded", "Helm repository is Ready", 150 * D, 1)], "observedGeneration": 1})
    hr = cr(s, "flux.yaml", "helm.toolkit.fluxcd.io/v2", "HelmRelease", "session-redis", "cache", ago=ago, finalizers=["finalizers.fluxcd.io"],
            spec={"chart": {"spec": {"chart": "redis", "interval": "10m0s", "reconcileStrategy": "ChartVersion", "sourceRef": {"kind": "HelmRepository", "name": "bitnami", "namespace": "flux-system"}, "version": "20.3.0"}},
                  "install": {"remediation": {"retries": 3}}, "interval": "10m0s", "timeout": "5m0s",
                  "values": {"architecture": "standalone", "auth": {"enabled": False}, "image": {"repository": "bitnami/redis", "tag": "7.4.1-debian-12-r2"}}})
    chart = cr(s, "flux.yaml", "source.toolkit.fluxcd.io/v1", "HelmChart", "cache-session-redis", "flux-system", ago=ago - 2, owner=None,
               spec={"chart": "redis", "interval": "10m0s", "reconcileStrategy": "ChartVersion", "sourceRef": {"kind": "HelmRepository", "name": "bitnami"}, "version": "20.3.0"},
               status={"artifact": {"digest": "sha256:" + s.hexs(64), "lastUpdateTime": s.at(ago - 4), "path": "helmchart/flux-system/cache-session-redis/redis-20.3.0.tgz", "revision": "20.3.0",
                                    "size": 116734, "url": "http://source-controller.flux-system.svc.cluster.local./helmchart/flux-system/cache-session-redis/redis-20.3.0.tgz"},
                       "conditions": [cond(s, "Ready", "True", "ChartPullSucceeded", "pulled 'redis' chart with version '20.3.0'", ago - 4, 1)], "observedChartName": "redis", "observedGeneration": 1, "observedSourceArtifactRevision": "20.3.0"})
    msg = "Helm install failed for release cache/session-redis with chart redis@20.3.0: context deadline exceeded"
    last_try = 9 * 60 + 40
    hr["status"] = {"conditions": [cond(s, "Stalled", "True", "RetriesExceeded", "Failed to install after 4 attempt(s)", last_try - 1, 1),
                                   cond(s, "Ready", "False", "InstallFailed", msg, last_try, 1),
                                   cond(s, "Released", "False", "InstallFailed", msg, last_try, 1)],
                    "helmChart": "flux-system/cache-session-redis", "history": [{"appVersion": "7.4.1", "chartName": "redis", "chartVersion": "20.3.0", "configDigest": "sha256:" + s.hexs(64), "digest": "sha256:" + s.hexs(64),
                                                                                 "firstDeployed": s.at(last_try + 300), "lastDeployed": s.at(last_try + 300), "name": "session-redis", "namespace": "cache", "status": "failed", "version": 4}],
                    "installFailures": 4, "lastAttemptedConfigDigest": "sha256:" + s.hexs(64), "lastAttemptedGeneration": 1, "lastAttemptedReleaseAction": "install", "lastAttemptedRevision": "20.3.0",
                    "observedGeneration": 1, "storageNamespace": "cache"}
    s.secret("cache", "sh.helm.release.v1.session-redis.v4", {"release": "H4sIAAAAAAAC/+x9(omitted)"}, type_="helm.sh/release.v1", ago=last_try + 300,
             labels={"modifiedAt": str(int(s.T.timestamp()) - last_try), "name": "session-redis", "owner": "helm", "status": "failed", "version": "4"})
    img = "docker.io/bitnami/redis:7.4.1-debian-12-r2"
    rc = s.container("redis", img, ports=[{"containerPort": 6379, "name": "redis"}], resources={"limits": {"cpu": "150m", "ephemeral-storage": "2Gi", "memory": "192Mi"}, "requests": {"cpu": "100m", "ephemeral-storage": "50Mi", "memory": "128Mi"}},
                     readiness={"exec": {"command": ["sh", "-c", "/health/ping_readiness_local.sh 1"]}, "initialDelaySeconds": 20, "periodSeconds": 5, "timeoutSeconds": 2})
    err = f'rpc error: code = NotFound desc = failed to pull and unpack image "{img}": failed to resolve reference "{img}": {img}: not found'
    sts = s.statefulset("cache", "session-redis-master", 1, s.pod_template_spec([rc], sa="session-redis-master"),
                        [{"node": s.workers[1], "ago": last_try + 298, "all": {"s": "waiting", "reason": "ImagePullBackOff", "message": f'Back-off pulling image "{img}": ErrImagePull: {err}'}}],
                        "session-redis-headless", ago=last_try + 299, labels={"app.kubernetes.io/component": "master", "app.kubernetes.io/instance": "session-redis", "app.kubernetes.io/name": "redis"})
    sts["metadata"]["labels"]["helm.toolkit.fluxcd.io/name"] = "session-redis"
    sts["metadata"]["labels"]["helm.toolkit.fluxcd.io/namespace"] = "cache"
    s.service("cache", "session-redis-master", {"app.kubernetes.io/component": "master", "app.kubernetes.io/instance": "session-redis", "app.kubernetes.io/name": "redis"}, [{"name": "tcp-redis", "port": 6379, "targetPort": "redis"}], ago=last_try + 299)
    p = s.pods[("cache", "session-redis-master-0")]
    from generate import pull_fail_events
    pull_fail_events(s, p, "redis", img, err, first=last_try + 296, last=20, count_pull=7, count_backoff=41)
    s.event(hr, "InstallFailed", msg, type_="Warning", component="helm-controller", first=ago - 300, last=last_try, count=4)
    s.event(hr, "UninstallSucceeded", "Helm uninstall succeeded for release cache/session-redis.v3 with chart redis@20.3.0", component="helm-controller", first=ago - 600, last=last_try + 310, count=3)
    std_neighbours(s, "shop", ("cart",))
    write(s, {"title": "HelmRelease cache/session-redis failed to install: Redis image tag no longer exists",
              "description": "The chart values pin docker.io/bitnami/redis:7.4.1-debian-12-r2, which was removed from Docker Hub; the Redis pod sits in ImagePullBackOff, helm --wait times out, and after 4 attempts the HelmRelease is Ready=False InstallFailed / Stalled RetriesExceeded.",
              "expect": [{"category": "ResourceNotReady", "resource": "HelmRelease/cache/session-redis"}], "maxRootCauses": 2})


@scenario
def capi_machine_not_ready():
    s = Snap("capi-machine-not-ready", "2026-11-21T09:54:07Z", profile="kubeadm")
    base(s, ns=["capi-system", "capa-system", "clusters"])
    lab = {"cluster.x-k8s.io/provider": "cluster-api"}
    for g, k, p in (("cluster.x-k8s.io", "Cluster", "clusters"), ("cluster.x-k8s.io", "MachineDeployment", "machinedeployments"), ("cluster.x-k8s.io", "MachineSet", "machinesets"),
                    ("cluster.x-k8s.io", "Machine", "machines"), ("bootstrap.cluster.x-k8s.io", "KubeadmConfig", "kubeadmconfigs"),
                    ("infrastructure.cluster.x-k8s.io", "AWSMachine", "awsmachines"), ("infrastructure.cluster.x-k8s.io", "AWSCluster", "awsclusters")):
        crd(s, g, k, p, ["v1beta1", "v1beta2"] if k.startswith("AWS") else ["v1beta1"], ago=200 * D, categories=["cluster-api"], labels=lab)
    healthy_app(s, "capi-system", "capi-controller-manager", "registry.k8s.io/cluster-api/cluster-api-controller:v1.8.5", port=9443, replicas=1, ago=200 * D, pod_ago=10 * D, probe="/healthz", svc=False)
    healthy_app(s, "capa-system", "capa-controller-manager", "registry.k8s.io/cluster-api-aws/cluster-api-aws-controller:v2.7.1", port=9443, replicas=1, ago=200 * D, pod_ago=10 * D, probe="/healthz", svc=False)
    ns = "clusters"
    cl = cr(s, "capi.yaml", "cluster.x-k8s.io/v1beta1", "Cluster", "prod-eu-1", ns, ago=180 * D, labels={"cluster.x-k8s.io/cluster-name": "prod-eu-1"},
            spec={"clusterNetwork": {"pods": {"cidrBlocks": ["192.168.0.0/16"]}}, "controlPlaneEndpoint": {"host": "prod-eu-1-apiserver-1812345678.eu-west-1.elb.amazonaws.com", "port": 6443},
                  "infrastructureRef": {"apiVersion": "infrastructure.cluster.x-k8s.io/v1beta2", "kind": "AWSCluster", "name": "prod-eu-1", "namespace": ns}},
            status={"conditions": [cond(s, "Ready", "True", "", "", 180 * D), cond(s, "ControlPlaneInitialized", "True", "", "", 180 * D), cond(s, "ControlPlaneReady", "True", "", "", 180 * D),
                                   cond(s, "InfrastructureReady", "True", "", "", 180 * D)], "controlPlaneReady": True, "infrastructureReady": True, "observedGeneration": 1, "phase": "Provisioned"})
    for c in cl["status"]["conditions"]:
        c.pop("message"); c.pop("reason")
    awsc = cr(s, "capi.yaml", "infrastructure.cluster.x-k8s.io/v1beta2", "AWSCluster", "prod-eu-1", ns, ago=180 * D, owner=cl, spec={"region": "eu-west-1", "sshKeyName": "capi"}, status={"ready": True})
    md = cr(s, "capi.yaml", "cluster.x-k8s.io/v1beta1", "MachineDeployment", "prod-eu-1-md-0", ns, ago=180 * D, owner=cl, labels={"cluster.x-k8s.io/cluster-name": "prod-eu-1"},
            spec={"clusterName": "prod-eu-1", "replicas": 4, "selector": {"matchLabels": {"cluster.x-k8s.io/cluster-name": "prod-eu-1", "cluster.x-k8s.io/deployment-name": "prod-eu-1-md-0"}},
                  "strategy": {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}, "type": "RollingUpdate"},
                  "template": {"metadata": {"labels": {"cluster.x-k8s.io/cluster-name": "prod-eu-1", "cluster.x-k8s.io/deployment-name": "prod-eu-1-md-0"}},
                               "spec": {"bootstrap": {"configRef": {"apiVersion": "bootstrap.cluster.x-k8s.io/v1beta1", "kind": "KubeadmConfigTemplate", "name": "prod-eu-1-md-0"}}, "clusterName": "prod-eu-1",
                                        "infrastructureRef": {"apiVersion": "infrastructure.cluster.x-k8s.io/v1beta2", "kind": "AWSMachineTemplate", "name": "prod-eu-1-md-0-m6i"}, "version": "v1.31.4"}}})
    md["metadata"]["ownerReferences"][0]["controller"] = False
    ms_name = f"prod-eu-1-md-0-{s.rand(5)}-{s.rand(5)}"
    ms = cr(s, "capi.yaml", "cluster.x-k8s.io/v1beta1", "MachineSet", ms_name, ns, ago=40 * D, owner=md, labels={"cluster.x-k8s.io/cluster-name": "prod-eu-1", "cluster.x-k8s.io/deployment-name": "prod-eu-1-md-0"},
            spec={"clusterName": "prod-eu-1", "replicas": 4, "selector": {"matchLabels": {"cluster.x-k8s.io/cluster-name": "prod-eu-1", "cluster.x-k8s.io/deployment-name": "prod-eu-1-md-0"}}})
    zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1a"]
    for i in range(4):
        mname = f"{ms_name}-{s.rand(5)}"
        broken = i == 3
        mago = 41 * 60 if broken else 40 * D - i * 300
        m = cr(s, "capi.yaml", "cluster.x-k8s.io/v1beta1", "Machine", mname, ns, ago=mago, owner=ms, finalizers=["machine.cluster.x-k8s.io"],
               labels={"cluster.x-k8s.io/cluster-name": "prod-eu-1", "cluster.x-k8s.io/deployment-name": "prod-eu-1-md-0", "cluster.x-k8s.io/set-name": ms_name},
               spec={"bootstrap": {"configRef": {"apiVersion": "bootstrap.cluster.x-k8s.io/v1beta1", "kind": "KubeadmConfig", "name": mname, "namespace": ns}, "dataSecretName": mname},
                     "clusterName": "prod-eu-1", "failureDomain": zones[i],
                     "infrastructureRef": {"apiVersion": "infrastructure.cluster.x-k8s.io/v1beta2", "kind": "AWSMachine", "name": mname, "namespace": ns}, "version": "v1.31.4"})
        kc = cr(s, "capi.yaml", "bootstrap.cluster.x-k8s.io/v1beta1", "KubeadmConfig", mname, ns, ago=mago - 1, owner=m, spec={"joinConfiguration": {"nodeRegistration": {"kubeletExtraArgs": {"cloud-provider": "external"}, "name": "{{ ds.meta_data.local_hostname }}"}}},
                status={"conditions": [cond(s, "Ready", "True", "", "", mago - 5), cond(s, "DataSecretAvailable", "True", "", "", mago - 5)], "dataSecretName": mname, "observedGeneration": 1, "ready": True})
        s.secret(ns, mname, {"format": "cloud-config", "value": "## template: jinja\n#cloud-config\n(omitted)\n"}, type_="cluster.x-k8s.io/secret", ago=mago - 5, labels={"cluster.x-k8s.io/cluster-name": "prod-eu-1"}, file="capi.yaml")
        s.get("Secret", ns, mname)["metadata"]["ownerReferences"] = [owner_ref(kc)]
        am = cr(s, "capi.yaml", "infrastructure.cluster.x-k8s.io/v1beta2", "AWSMachine", mname, ns, ago=mago - 1, owner=m, finalizers=["awsmachine.infrastructure.cluster.x-k8s.io"],
                spec={"ami": {}, "iamInstanceProfile": "nodes.cluster-api-provider-aws.sigs.k8s.io", "instanceType": "m6i.2xlarge", "sshKeyName": "capi"})
        for o in (kc,):
            for c in o["status"]["conditions"]:
                c.pop("message"); c.pop("reason")
        if not broken:
            iid = "i-0" + s.hexs(16)
            am["spec"]["providerID"] = f"aws:///{zones[i]}/{iid}"
            am["spec"]["instanceID"] = iid
            am["status"] = {"conditions": [cond(s, "Ready", "True", "", "", mago - 120), cond(s, "InstanceReady", "True", "", "", mago - 120)], "instanceState": "running", "ready": True}
            for c in am["status"]["conditions"]:
                c.pop("message"); c.pop("reason")
            host = f"ip-10-20-{s.rng.randint(0, 200)}-{s.rng.randint(2, 250)}.eu-west-1.compute.internal"
            m["spec"]["providerID"] = am["spec"]["providerID"]
            m["status"] = {"bootstrapReady": True, "conditions": [cond(s, k, "True", "", "", mago - 200) for k in ("Ready", "BootstrapReady", "InfrastructureReady", "NodeHealthy")],
                           "infrastructureReady": True, "lastUpdated": s.at(mago - 200), "nodeInfo": {"kubeletVersion": "v1.31.4", "osImage": "Ubuntu 22.04.5 LTS"},
                           "nodeRef": {"apiVersion": "v1", "kind": "Node", "name": host, "uid": s.uid()}, "observedGeneration": 2, "phase": "Running"}
            for c in m["status"]["conditions"]:
                c.pop("message"); c.pop("reason")
        else:
            err = ("failed to create AWSMachine instance: failed to run instance: InsufficientInstanceCapacity: We currently do not have sufficient m6i.2xlarge capacity in the Availability Zone you requested (eu-west-1a). "
                   "Our system will be working on provisioning additional capacity. You can currently get m6i.2xlarge capacity by not specifying an Availability Zone in your request or choosing eu-west-1b, eu-west-1c.\n"
                   f"\tstatus code: 500, request id: {s.uid()}")
            ic = {"lastTransitionTime": s.at(mago - 30), "message": err, "reason": "InstanceProvisionFailed", "severity": "Error", "status": "False", "type": "InstanceReady"}
            am["status"] = {"conditions": [dict(ic, type="Ready"), ic], "ready": False}
            m["status"] = {"bootstrapReady": True, "conditions": [
                {"lastTransitionTime": s.at(mago - 30), "message": err, "reason": "InstanceProvisionFailed", "severity": "Error", "status": "False", "type": "Ready"},
                {"lastTransitionTime": s.at(mago - 5), "status": "True", "type": "BootstrapReady"},
                {"lastTransitionTime": s.at(mago - 30), "message": err, "reason": "InstanceProvisionFailed", "severity": "Error", "status": "False", "type": "InfrastructureReady"},
                {"lastTransitionTime": s.at(mago - 2), "reason": "WaitingForNodeRef", "severity": "Info", "status": "False", "type": "NodeHealthy"}],
                "infrastructureReady": False, "lastUpdated": s.at(mago - 5), "observedGeneration": 2, "phase": "Provisioning"}
            s.event(am, "FailedCreate", "Failed to create instance: " + err.split("failed to run instance: ", 1)[1], type_="Warning", component="awsmachine-controller", first=mago - 30, last=95, count=27)
            bad = mname
    ms["status"] = {"availableReplicas": 3, "fullyLabeledReplicas": 4, "observedGeneration": 1, "readyReplicas": 3, "replicas": 4, "selector": "cluster.x-k8s.io/cluster-name=prod-eu-1,cluster.x-k8s.io/deployment-name=prod-eu-1-md-0"}
    md["status"] = {"availableReplicas": 3, "observedGeneration": 2, "phase": "ScalingUp", "readyReplicas": 3, "replicas": 4, "unavailableReplicas": 1, "updatedReplicas": 4,
                    "selector": "cluster.x-k8s.io/cluster-name=prod-eu-1,cluster.x-k8s.io/deployment-name=prod-eu-1-md-0"}
    md["metadata"]["generation"] = 2
    write(s, {"title": f"Cluster API Machine {bad} stuck Provisioning: EC2 has no m6i.2xlarge capacity in eu-west-1a",
              "description": "The MachineDeployment was scaled 3 -> 4 forty minutes ago; the new Machine's AWSMachine keeps failing RunInstances with InsufficientInstanceCapacity in its failure domain eu-west-1a (Ready=False InstanceProvisionFailed), so it never gets a nodeRef.",
              "expect": [{"category": "ResourceNotReady", "resource": f"Machine/clusters/{bad}"}], "maxRootCauses": 1})


# =========================================================================== dependencies
@scenario
def dependency_no_such_host():
    s = Snap("dependency-no-such-host", "2026-11-21T10:03:08Z", profile="kubeadm")
    base(s, ns=["shop"])
    apps = _web_apps(s, "shop", ("inventory", "frontend"))
    c = s.container("order-router", "ghcr.io/acme/order-router:1.9.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"),
                    env=[{"name": "INVENTORY_URL", "value": "http://inventory-svc.shop.svc.cluster.local/v1"}])
    ago = 29 * 60
    states = [{"node": "worker-1", "ago": ago, "all": crash_state(8, 1, last_start=120, last_end=117)}, {"node": "worker-2", "ago": ago - 2, "all": crash_state(8, 1, last_start=200, last_end=197)}]
    dep, rs = broken_deploy(s, "shop", "order-router", [c], states, 60 * D, ago, revision=5, generation=5,
                            old=[{"template_spec": s.pod_template_spec([dict(c, image="ghcr.io/acme/order-router:1.8.4", env=[{"name": "INVENTORY_URL", "value": "http://inventory.shop.svc.cluster.local/v1"}])]),
                                  "replicas": 0, "pods": [], "revision": 4, "ago": 60 * D}],
                            conditions=unavailable_conditions(s, "{rs}", ago - 60, "ReplicaSetUpdated"), svc_port=80)
    fix_rs_name_in_conditions(dep, rs)
    for p in rs["_podlist"]:
        crash_events(s, p, "order-router", first=ago - 3, restarts=8, last=50, bo_count=120)
        for prev, a in ((True, 430), (False, 120)):
            s.log("shop", p["metadata"]["name"], "order-router", "\n".join([
                f'{{"time":"{ts_log(s, a)}","level":"INFO","msg":"order-router starting","version":"1.9.0"}}',
                f'{{"time":"{ts_log(s, a - 1)}","level":"ERROR","msg":"inventory health check failed","url":"http://inventory-svc.shop.svc.cluster.local/v1/healthz","error":"Get \\"http://inventory-svc.shop.svc.cluster.local/v1/healthz\\": dial tcp: lookup inventory-svc.shop.svc.cluster.local on 10.96.0.10:53: no such host"}}',
                f'{{"time":"{ts_log(s, a - 3)}","level":"ERROR","msg":"startup dependency check failed, exiting","dependency":"inventory"}}']), previous=prev)
    write(s, {"title": "order-router crash-loops: INVENTORY_URL names a Service that does not exist (inventory-svc)",
              "description": "Revision 5 changed INVENTORY_URL to inventory-svc.shop.svc.cluster.local; the Service is called inventory. DNS answers NXDOMAIN ('no such host'), the startup dependency check fails and the pods exit 1.",
              "expect": [{"category": "DependencyUnavailable", "resource": "Deployment/shop/order-router"}], "maxRootCauses": 1})


@scenario
def dependency_chain_db_oom():
    s = Snap("dependency-chain-db-oom", "2026-11-21T09:46:40Z", profile="eks")
    base(s, workers=3, ns=["accounts"])
    ebs_sc(s)
    pc = s.container("postgres", "postgres:16.4", ports=[{"containerPort": 5432, "name": "postgres"}], resources={"limits": {"memory": "512Mi"}, "requests": {"cpu": "250m", "memory": "512Mi"}},
                     args=["-c", "shared_buffers=1GB", "-c", "max_connections=200"], env=[{"name": "PGDATA", "value": "/var/lib/postgresql/data/pgdata"}],
                     readiness={"exec": {"command": ["pg_isready", "-U", "postgres"]}}, mounts=[{"mountPath": "/var/lib/postgresql/data", "name": "data"}])
    vct = [{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"creationTimestamp": None, "name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "50Gi"}}, "storageClassName": "gp3", "volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}]
    sts = s.statefulset("accounts", "postgres", 1, s.pod_template_spec([pc]), [{"node": s.workers[0], "ago": 2 * H, "all": crash_state(9, 137, "OOMKilled", last_start=140, last_end=82, backoff="5m0s")}],
                        "postgres", ago=200 * D, vct=vct, pvc_storage_class="gp3")
    sts["metadata"]["generation"] = 6
    sts["status"]["observedGeneration"] = 6
    db = s.service("accounts", "postgres", {"app": "postgres"}, [{"name": "postgres", "port": 5432, "targetPort": "postgres"}], ago=200 * D)
    pp = s.pods[("accounts", "postgres-0")]
    crash_events(s, pp, "postgres", first=55 * 60, restarts=9, last=30, bo_count=60)
    for prev, a in ((True, 140), (False, 20)):
        s.log("accounts", "postgres-0", "postgres", f"""{ts_log(s, a, '%Y-%m-%d %H:%M:%S.{ms} UTC')} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit
{ts_log(s, a, '%Y-%m-%d %H:%M:%S.{ms} UTC')} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432
{ts_log(s, a - 1, '%Y-%m-%d %H:%M:%S.{ms} UTC')} [29] LOG:  database system was interrupted; last known up at {ts_log(s, a + 300, '%Y-%m-%d %H:%M:%S UTC')}
{ts_log(s, a - 1, '%Y-%m-%d %H:%M:%S.{ms} UTC')} [29] LOG:  database system was not properly shut down; automatic recovery in progress
{ts_log(s, a - 2, '%Y-%m-%d %H:%M:%S.{ms} UTC')} [29] LOG:  redo starts at 3/9A0021D8
""" + ("" if not prev else f"{ts_log(s, 100, '%Y-%m-%d %H:%M:%S.{ms} UTC')} [29] LOG:  redo in progress, elapsed time: 40.12 s, current LSN: 3/C1F34A10\n"), previous=prev)
    c = s.container("api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/accounts-api:2.2.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"),
                    env=[{"name": "DATABASE_URL", "value": "postgres://accounts@postgres.accounts.svc.cluster.local:5432/accounts"}])
    states = [{"node": s.workers[1], "ago": 9 * D, "all": crash_state(11, 1, last_start=75, last_end=69)}, {"node": s.workers[2], "ago": 9 * D - 5, "all": crash_state(11, 1, last_start=160, last_end=154)}]
    dep, rs = s.deployment("accounts", "api", 2, s.pod_template_spec([c]), states, ago=200 * D, revision=30, generation=30, rs_ago=9 * D + 10,
                           conditions=unavailable_conditions(s, "x", 50 * 60, "NewReplicaSetAvailable"))
    dep["status"]["conditions"][1]["message"] = f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.'
    s.service("accounts", "api", {"app": "api"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=200 * D)
    ip = db["spec"]["clusterIP"]
    for p in rs["_podlist"]:
        crash_events(s, p, "api", first=52 * 60, restarts=11, last=25, bo_count=130)
        for prev, a in ((True, 420), (False, 75)):
            s.log("accounts", p["metadata"]["name"], "api", "\n".join([f'time={ts_log(s, a)} level=INFO msg="accounts-api starting" version=2.2.0'] +
                  [f'time={ts_log(s, a - k)} level=WARN msg="database not reachable, retrying" attempt={k + 1} err="failed to connect to `user=accounts database=accounts`: {ip}:5432 (postgres.accounts.svc.cluster.local): dial error: dial tcp {ip}:5432: connect: connection refused"' for k in range(5)] +
                  [f'time={ts_log(s, a - 6)} level=ERROR msg="giving up on database" err="dial tcp {ip}:5432: connect: connection refused"']), previous=prev)
    write(s, {"title": "accounts api crash-loops because postgres-0 is OOMKilled (shared_buffers 1GB in a 512Mi container)",
              "description": "The postgres StatefulSet was changed to shared_buffers=1GB while its memory limit is 512Mi; postgres-0 is OOMKilled during recovery (exit 137, 9 restarts), its Service has no ready endpoint and the api pods exit after 'connection refused'.",
              "expect": [{"category": "DependencyUnavailable", "resource": "Deployment/accounts/api"}, {"category": "OOMKilled", "resource": "StatefulSet/accounts/postgres"}],
              "maxRootCauses": 2})


@scenario
def coredns_down():
    s = Snap("coredns-down", "2026-11-21T10:00:33Z", profile="kubeadm")
    base(s, workers=3, ns=["shop", "billing", "ops"])
    since = 21 * 60
    for ns, names in (("shop", ("frontend", "cart")), ("billing", ("billing-api",)), ("ops", ("status-page",))):
        std_neighbours(s, ns, names)
    dns = s.get("Deployment", "kube-system", "coredns")
    cm = s.get("ConfigMap", "kube-system", "coredns")
    cm["data"]["Corefile"] = cm["data"]["Corefile"].replace("forward . /etc/resolv.conf", "forward . 10.10.0.2 /etc/resolv.conf")
    cm["metadata"]["resourceVersion"] = s.next_rv()
    rs = dns["_rslist"][-1]
    for i, p in enumerate(rs["_podlist"]):
        cs = p["status"]["containerStatuses"][0]
        cid = cs["containerID"]
        cs.update({"ready": False, "started": False, "restartCount": 7,
                   "state": {"waiting": {"reason": "CrashLoopBackOff", "message": f"back-off 5m0s restarting failed container=coredns pod={p['metadata']['name']}_kube-system({p['metadata']['uid']})"}},
                   "lastState": {"terminated": {"containerID": cid, "exitCode": 1, "finishedAt": s.at(90 + 40 * i), "reason": "Error", "startedAt": s.at(92 + 40 * i)}}})
        set_ready(s, p, False, since)
        for c in p["status"]["conditions"]:
            if c["type"] in ("Ready", "ContainersReady"):
                c["reason"] = "ContainersNotReady"
                c["message"] = "containers with unready status: [coredns]"
        crash_events(s, p, "coredns", first=since, restarts=7, last=30, bo_count=90)
        body = f""".:53
[INFO] plugin/reload: Running configuration SHA512 = {s.hexs(128)}
CoreDNS-1.11.3
linux/amd64, go1.21.11, a6338e9
[FATAL] plugin/loop: Loop (127.0.0.1:{s.rng.randint(33000, 60000)} -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO {s.rng.randint(10**18, 9 * 10**18)}.{s.rng.randint(10**18, 9 * 10**18)}."
"""
        s.log("kube-system", p["metadata"]["name"], "coredns", body)
        s.log("kube-system", p["metadata"]["name"], "coredns", body, previous=True)
    dns["status"] = {"conditions": [{"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability.", "lastTransitionTime": s.at(since), "lastUpdateTime": s.at(since)},
                                    {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable", "message": f'ReplicaSet "{rs["metadata"]["name"]}" has successfully progressed.', "lastTransitionTime": s.at(118 * D), "lastUpdateTime": s.at(20 * D)}],
                     "observedGeneration": 1, "replicas": 2, "unavailableReplicas": 2, "updatedReplicas": 2}
    rs["status"] = {"fullyLabeledReplicas": 2, "observedGeneration": 1, "replicas": 2}
    refresh_endpoints(s, "kube-system", "kube-dns")
    targets = {"shop": "postgres.shop.svc.cluster.local", "billing": "billing-db.billing.svc.cluster.local", "ops": "api.statuspage.io"}
    for (ns, pn), p in s.pods.items():
        if ns in targets and p["spec"].get("nodeName"):
            lines = [f'{{"time":"{ts_log(s, a)}","level":"ERROR","msg":"request failed","error":"dial tcp: lookup {targets[ns]} on 10.96.0.10:53: read udp {p["status"]["podIP"]}:{s.rng.randint(32768, 60999)}->10.96.0.10:53: read: connection refused"}}'
                     if a < since - 60 else f'{{"time":"{ts_log(s, a)}","level":"ERROR","msg":"request failed","error":"dial tcp: lookup {targets[ns]} on 10.96.0.10:53: read udp {p["status"]["podIP"]}:{s.rng.randint(32768, 60999)}->10.96.0.10:53: i/o timeout"}}'
                     for a in range(since, 0, -97)]
            s.log(ns, pn, p["spec"]["containers"][0]["name"], "\n".join(lines))
    write(s, {"title": "CoreDNS crash-loops (forward loop detected); name resolution fails in every namespace",
              "description": "A Corefile edit 21 minutes ago added 10.10.0.2 (the node resolver, which forwards back to the cluster DNS) to 'forward'; the loop plugin detects the loop and both coredns pods exit 1. kube-dns has no ready endpoints and apps in shop, billing and ops log lookup failures against 10.96.0.10:53.",
              "expect": [{"category": "DependencyUnavailable", "resource": "Deployment/kube-system/coredns"}], "maxRootCauses": 1})


# =========================================================================== healthy clusters
@scenario
def healthy_hpa_scaling():
    s = Snap("healthy-hpa-scaling", "2026-11-21T10:04:19Z", profile="eks")
    base(s, workers=3, ns=["shop"])
    metrics_server(s)
    c = s.container("frontend", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/frontend:3.10.0", ports=[{"containerPort": 8080, "name": "http"}], resources=res("250m", "256Mi", "512Mi"), readiness=http_probe("/healthz"))
    states = [{"node": s.workers[i % 3], "ago": 4 * D - i * 9} for i in range(3)] + [{"node": s.workers[0], "ago": 190, "ready_since": 160}, {"node": s.workers[2], "ago": 190, "ready_since": 158}]
    dep, rs = s.deployment("shop", "frontend", 5, s.pod_template_spec([c]), states, ago=90 * D, revision=12, generation=14, rs_ago=4 * D + 20)
    s.service("shop", "frontend", {"app": "frontend"}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=90 * D)
    h = hpa(s, "shop", "frontend", "frontend", 3, 15, 65, [
        hcond(s, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation", 180),
        hcond(s, "ScalingActive", "True", "ValidMetricFound", "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", 80 * D),
        hcond(s, "ScalingLimited", "False", "DesiredWithinRange", "the desired count is within the acceptable range", 3 * D)], 5, 5, current_util=71, ago=80 * D, last_scale=191)
    dep_scaled_event(s, dep, rs, 3, 5, 191)
    s.rs_events(rs, rs["_podlist"][3:])
    for p in rs["_podlist"][3:]:
        s.start_events(p, 189)
    s.event(h, "SuccessfulRescale", "New size: 5; reason: cpu resource utilization (percentage of request) above target", component="horizontal-pod-autoscaler", first=191)
    std_neighbours(s, "shop", ("cart",))
    write(s, {"title": "Healthy: HPA scaled frontend 3 -> 5 during the morning peak",
              "description": "CPU at 71% of request against a 65% target; the HPA scaled up three minutes ago, well below maxReplicas 15 (ScalingActive True, ScalingLimited False). New pods are Ready.",
              "expectNoRootCause": True})


@scenario
def healthy_gateway_api():
    s = Snap("healthy-gateway-api", "2026-11-21T09:47:12Z", profile="gke", version="v1.31.5")
    base(s, workers=3, ns=["envoy-gateway-system", "gateway", "apps"])
    gateway_crds(s)
    envoy_gateway(s, ago=60 * D, pod_ago=7 * D)
    gatewayclass(s, "eg", ago=60 * D)
    tls_secret(s, "gateway", "wildcard-apps-tls", "gateway-wildcard", "le-e6", ago=33 * D)
    gw = gateway(s, "gateway", "apps", ago=60 * D, addr="34.140.77.21", routes=2,
                 listeners=[{"allowedRoutes": {"namespaces": {"from": "All"}}, "name": "http", "port": 80, "protocol": "HTTP"},
                            {"allowedRoutes": {"namespaces": {"from": "All"}}, "hostname": "*.apps.acme.example.com", "name": "https", "port": 443, "protocol": "HTTPS",
                             "tls": {"certificateRefs": [{"group": "", "kind": "Secret", "name": "wildcard-apps-tls"}], "mode": "Terminate"}}])
    envoy_proxy_fleet(s, gw, pod_ago=7 * D, lb_ip="34.140.77.21")
    _web_apps(s, "apps", ("wiki", "tickets"))
    httproute(s, "apps", "wiki", ("gateway", "apps"), ["wiki.apps.acme.example.com"], [("/", "wiki", 80)], ago=50 * D)
    httproute(s, "apps", "tickets", ("gateway", "apps"), ["tickets.apps.acme.example.com"], [("/", "tickets", 80)], ago=20 * D)
    write(s, {"title": "Healthy: Envoy Gateway with an accepted GatewayClass, a programmed Gateway and resolved HTTPRoutes",
              "description": "GatewayClass eg Accepted, Gateway gateway/apps Programmed with address 34.140.77.21, both listeners programmed, two HTTPRoutes Accepted and ResolvedRefs. The wildcard certificate is valid until January 2027.",
              "expectNoRootCause": True})


@scenario
def healthy_certificates_valid():
    s = Snap("healthy-certificates-valid", "2026-11-21T10:10:10Z", profile="kubeadm")
    base(s, ns=["cert-manager", "ingress-nginx", "web", "monitoring"])
    cert_manager(s)
    _web_apps(s, "web", ("api", "www"))
    healthy_app(s, "monitoring", "grafana", "docker.io/grafana/grafana:11.3.1", port=3000, ago=90 * D, pod_ago=7 * D, replicas=1, probe="/api/health")
    ings = []
    for ns, name, host, leaf, chain, svc, nb, na in (("web", "api-tls", "api.acme.example.com", "healthy-api", "le-e6", "api", "2026-10-26T07:15:22Z", "2027-01-24T07:15:21Z"),
                                                     ("web", "www-tls", "www.acme.example.com", "healthy-www", "le-r11", "www", "2026-10-28T11:44:09Z", "2027-01-26T11:44:08Z"),
                                                     ("monitoring", "grafana-tls", "grafana.ops.acme.example.com", "healthy-grafana", "le-e6", "grafana", "2026-11-01T02:29:17Z", "2027-01-30T02:29:16Z")):
        hosts = [host] + (["acme.example.com"] if name == "www-tls" else [])
        renewed = (s.T - _parse(nb)).total_seconds()
        ing = ingress(s, ns, svc, [(h, [("/", svc, 80)]) for h in hosts], ago=200 * D, tls=[(hosts, name)], annotations={"cert-manager.io/cluster-issuer": "letsencrypt-prod"})
        ings.append(ing)
        cert = certificate(s, ns, name, hosts, name, ago=200 * D, leaf=leaf, chain=chain, revision=3, renewed_ago=renewed - 60, not_after=na, not_before=nb)
        cert["metadata"]["ownerReferences"] = [owner_ref(ing)]
    ingress_nginx(s, [], ing_objs=ings)
    write(s, {"title": "Healthy: cert-manager Certificates Ready, TLS Secrets valid for 60+ days",
              "description": "Three ACME certificates renewed in the last four weeks, notAfter between 2027-01-24 and 2027-01-30 (64-70 days away); Certificates Ready=True, renewalTime in late December.",
              "expectNoRootCause": True})


@scenario
def healthy_pdb_and_netpol():
    s = Snap("healthy-pdb-and-netpol", "2026-11-21T09:39:27Z", profile="kubeadm")
    base(s, workers=3, ns=["ingress-nginx", "shop"])
    calico(s)
    fe = healthy_app(s, "shop", "frontend", "ghcr.io/acme/frontend:3.9.0", replicas=3, ago=90 * D, pod_ago=4 * D)
    ca = healthy_app(s, "shop", "catalog-api", "ghcr.io/acme/catalog-api:3.2.0", replicas=2, ago=90 * D, pod_ago=4 * D)
    ing = ingress(s, "shop", "frontend", [("shop.example.com", [("/", "frontend", 80)])], ago=90 * D)
    ingress_nginx(s, [], ing_objs=[ing])
    for n, mn in (("frontend", 2), ("catalog-api", 1)):
        pdb = cr(s, "workloads.yaml", "policy/v1", "PodDisruptionBudget", n, "shop", ago=80 * D, spec={"minAvailable": mn, "selector": {"matchLabels": {"app": n}}})
        tot = 3 if n == "frontend" else 2
        pdb["status"] = {"conditions": [cond(s, "DisruptionAllowed", "True", "SufficientPods", "", 4 * D - 60, 1)], "currentHealthy": tot, "desiredHealthy": mn,
                         "disruptionsAllowed": tot - mn, "expectedPods": tot, "observedGeneration": 1}
    netpol(s, "shop", "default-deny", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}, ago=60 * D)
    netpol(s, "shop", "allow-dns", {"egress": [{"ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}], "to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}}, "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}]}],
                                    "podSelector": {}, "policyTypes": ["Egress"]}, ago=60 * D)
    netpol(s, "shop", "frontend", {"egress": [{"ports": [{"port": 8080, "protocol": "TCP"}], "to": [{"podSelector": {"matchLabels": {"app": "catalog-api"}}}]}],
                                   "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}], "ports": [{"port": 8080, "protocol": "TCP"}]}],
                                   "podSelector": {"matchLabels": {"app": "frontend"}}, "policyTypes": ["Ingress", "Egress"]}, ago=60 * D)
    netpol(s, "shop", "catalog-api", {"ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "frontend"}}}], "ports": [{"port": 8080, "protocol": "TCP"}]}],
                                      "podSelector": {"matchLabels": {"app": "catalog-api"}}, "policyTypes": ["Ingress"]}, ago=60 * D)
    write(s, {"title": "Healthy: PDBs allow disruptions and NetworkPolicies allow what the apps need",
              "description": "frontend (3 replicas, minAvailable 2) and catalog-api (2 replicas, minAvailable 1) each allow one disruption. The namespace is default-deny with explicit allows for DNS, ingress-nginx -> frontend and frontend -> catalog-api:8080, matching the pod labels.",
              "expectNoRootCause": True})


@scenario
def healthy_recovered_node():
    s = Snap("healthy-recovered-node", "2026-11-21T10:12:48Z", profile="kubeadm")
    back = 51 * 60
    rec = {t: {"lastTransitionTime": s.at(back)} for t in ("MemoryPressure", "DiskPressure", "PIDPressure")}
    rec["Ready"] = {"lastTransitionTime": s.at(back - 12)}
    base(s, workers=3, ns=["shop"], worker_overrides={"worker-3": {"conditions": rec}})
    s.nodes["worker-3"]["status"]["nodeInfo"]["bootID"] = s.uid()
    for n, img in (("frontend", "ghcr.io/acme/frontend:3.9.0"), ("cart", "ghcr.io/acme/cart:2.1.4")):
        c = s.container(n, img, ports=[{"containerPort": 8080, "name": "http"}], resources=res(), readiness=http_probe("/healthz"))
        # the pods that were on worker-3 were evicted ~70 min ago and re-created on worker-1/2
        states = [{"node": "worker-1", "ago": 6 * D}, {"node": "worker-2", "ago": 68 * 60}]
        dep, rs = s.deployment("shop", n, 2, s.pod_template_spec([c]), states, ago=90 * D)
        s.service("shop", n, {"app": n}, [{"name": "http", "port": 80, "targetPort": "http"}], ago=90 * D)
    for (ns, pn), p in s.pods.items():
        if p["spec"].get("nodeName") == "worker-3" and ns == "kube-system":
            for c in p["status"].get("containerStatuses", []):
                c["restartCount"] = c.get("restartCount", 0) + 1
                c["state"] = {"running": {"startedAt": s.at(back - 20)}}
                created = (s.T - _parse(p["metadata"]["creationTimestamp"])).total_seconds()
                c["lastState"] = {"terminated": {"containerID": c["containerID"], "exitCode": 255, "finishedAt": s.at(back + 30), "reason": "Unknown", "startedAt": s.at(created - 3)}}
            set_ready(s, p, True, back - 25)
    n3 = s.nodes["worker-3"]
    for r, m in (("Starting", "Starting kubelet."), ("NodeAllocatableEnforced", "Updated Node Allocatable limit across pods"),
                 ("NodeHasSufficientMemory", "Node worker-3 status is now: NodeHasSufficientMemory"), ("NodeHasNoDiskPressure", "Node worker-3 status is now: NodeHasNoDiskPressure"),
                 ("NodeHasSufficientPID", "Node worker-3 status is now: NodeHasSufficientPID")):
        s.event(n3, r, m, first=back + 2, host="worker-3")
    s.event(n3, "Rebooted", f"Node worker-3 has been rebooted, boot id: {n3['status']['nodeInfo']['bootID']}", type_="Warning", first=back + 2, host="worker-3")
    s.event(n3, "NodeReady", "Node worker-3 status is now: NodeReady", first=back - 12, host="worker-3")
    node_leases(s)
    write(s, {"title": "Healthy: worker-3 was NotReady for ~20 minutes an hour ago and has recovered",
              "description": "worker-3 was rebooted after a kernel hang; it has been Ready for 51 minutes (old NotReady events have expired, kubelet start and Rebooted events remain). Its app pods were re-created on worker-1/2 and are Ready; the DaemonSet pods on worker-3 restarted once.",
              "expectNoRootCause": True})


@scenario
def healthy_jobs_with_retries():
    s = Snap("healthy-jobs-with-retries", "2026-11-21T09:35:51Z", profile="kubeadm")
    base(s, ns=["data"])
    std_neighbours(s, "data", ("warehouse-api",))
    c = s.container("import", "ghcr.io/acme/data-import:3.0.2", command=["/app/import"], args=["--source=s3://acme-exports/daily/"], resources=res("250m", "256Mi", "512Mi"))
    ago = 48 * 60
    states = run_pods(s, ["worker-1", "worker-2"], ago - 1, [(31, 1, 10), (212, 0, 0)])
    job, pods = s.job("data", "import-20261121", s.pod_template_spec([c], restart="Never"), states, ago, backoff=4)
    end = states[-1]["all"]["finished"] - 1
    job["status"] = job_done_status(s, ago, end, failed=1)
    for p, st in zip(pods, states):
        s.event(job, "SuccessfulCreate", f"Created pod: {p['metadata']['name']}", component="job-controller", first=st["ago"])
        s.start_events(p, st["ago"] - 0.5)
    s.event(job, "Completed", "Job completed", component="job-controller", first=end)
    s.log("data", pods[0]["metadata"]["name"], "import", f'{ts_log(s, states[0]["all"]["started"])} INFO listing s3://acme-exports/daily/2026-11-21/\n{ts_log(s, states[0]["all"]["finished"])} ERROR GetObject orders.parquet: RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period.\n')
    s.log("data", pods[1]["metadata"]["name"], "import", f'{ts_log(s, states[1]["all"]["started"])} INFO listing s3://acme-exports/daily/2026-11-21/\n{ts_log(s, states[1]["all"]["finished"] + 1)} INFO imported 4 files, 1893022 rows\n')
    cc = s.container("compact", "ghcr.io/acme/data-import:3.0.2", command=["/app/compact"], resources=res("250m", "256Mi", "512Mi"))
    cj = cronjob_obj(s, "data", "compact-partitions", "30 */2 * * *", s.pod_template_spec([cc], restart="Never"), ago=120 * D, failed_hist=1, backoff=0)
    first = 65 * 60 + 51  # 08:30
    cron_run(s, cj, first + 6 * H, [(70, 1, 0)], ok=False)  # 02:30 failed (kept by failedJobsHistoryLimit 1)
    for k in (2, 1, 0):
        cron_run(s, cj, first + k * 2 * H, [(s.rng.randint(80, 200), 0, 0)], ok=True)
    cj["status"] = {"lastScheduleTime": s.at(first), "lastSuccessfulTime": s.at(first - 150)}
    write(s, {"title": "Healthy: a Job that succeeded on its second pod and a CronJob whose old failure was followed by successes",
              "description": "import-20261121 had one failed pod (S3 timeout) and then completed (Complete=True, failed 1, succeeded 1). compact-partitions keeps its 02:30 failed Job in history but the three runs since succeeded.",
              "expectNoRootCause": True})
