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
