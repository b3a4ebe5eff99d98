using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Networking;

/// <summary>Checks Ingresses: their IngressClass, backend Services and ports, and TLS Secrets must exist.</summary>
internal sealed class IngressAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Ingress;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Ingress"), ingress => AnalyzeIngress(context, ingress));

    private void AnalyzeIngress(AnalysisContext context, KubeObject ingress)
    {
        var problems = new List<(string Title, Evidence Evidence, Remediation Fix)>();
        ObjectRef? cause = null;
        ClassProblem(context, ingress, problems);
        foreach (var (service, port) in Backends(ingress))
        {
            BackendProblem(context, ingress, service, port, problems);
        }

        foreach (var tls in ingress.Raw.Objects("spec.tls"))
        {
            var secret = tls.Str("secretName");
            if (secret is not null && context.Cluster.Find("Secret", ingress.Namespace, secret) is null && HasKind(context, "Secret"))
            {
                // cert-manager writes the Secret when its Certificate is issued: a failing Certificate is the deeper cause.
                cause ??= context.Cluster.OfKind("Certificate").FirstOrDefault(c => c.Namespace == ingress.Namespace && c.Raw.Str("spec.secretName") == secret)?.Ref;
                problems.Add(($"TLS Secret {secret} does not exist",
                    Evidence.Spec($"Ingress {ingress.Name} tls: secretName {secret} (hosts {string.Join(", ", tls.Objects("hosts").Select(h => h.ToString()))}); Secret not found in namespace {ingress.Namespace}"),
                    new Remediation($"Create the TLS Secret {secret} (or let cert-manager issue it)", $"kubectl create secret tls {secret} -n {ingress.Namespace} --cert=tls.crt --key=tls.key", Remediation.Confirm)));
            }
        }

        if (problems.Count == 0)
        {
            return;
        }

        var events = context.Cluster.EventsFor(ingress).Where(e => e.IsWarning).TakeLast(2).Select(e => Evidence.Event(e.Describe()));
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.IngressMisconfigured,
            Severity = Severity.Critical,
            Subject = ingress.Ref,
            Cause = problems.Count == 1 ? cause : null,
            Title = $"Ingress {ingress.Name}: {problems[0].Title}" + (problems.Count > 1 ? $" (and {problems.Count - 1} more)" : ""),
            Explanation = $"Ingress {ingress.Name} cannot route traffic as written: {string.Join("; ", problems.Select(p => p.Title))}. Requests to its hosts fail (404/503 from the controller, or no route at all).",
            Evidence = [.. problems.Select(p => p.Evidence), .. events],
            Remediation = [.. problems.Select(p => p.Fix).DistinctBy(f => f.Command)],
        });
    }

    private static void ClassProblem(AnalysisContext context, KubeObject ingress, List<(string, Evidence, Remediation)> problems)
    {
        if (!HasKind(context, "IngressClass"))
        {
            return;
        }

        var className = ingress.Raw.Str("spec.ingressClassName") ?? ingress.Annotations.GetValueOrDefault("kubernetes.io/ingress.class");
        var classes = context.Cluster.OfKind("IngressClass");
        if (className is null)
        {
            if (!classes.Any(c => c.Annotations.GetValueOrDefault("ingressclass.kubernetes.io/is-default-class") == "true"))
            {
                problems.Add(("no ingressClassName and no default IngressClass",
                    Evidence.Spec($"Ingress {ingress.Name}: spec.ingressClassName unset; IngressClasses: {(classes.Count == 0 ? "none" : string.Join(", ", classes.Select(c => c.Name)))}"),
                    new Remediation("Set spec.ingressClassName to an installed class", $"kubectl get ingressclass; kubectl edit ingress {ingress.Name} -n {ingress.Namespace}", Remediation.Confirm)));
            }
        }
        else if (classes.All(c => c.Name != className))
        {
            problems.Add(($"IngressClass {className} does not exist",
                Evidence.Spec($"Ingress {ingress.Name}: ingressClassName {className}; installed IngressClasses: {(classes.Count == 0 ? "none" : string.Join(", ", classes.Select(c => c.Name)))}"),
                new Remediation("Point the Ingress at an installed IngressClass", $"kubectl edit ingress {ingress.Name} -n {ingress.Namespace}", Remediation.Confirm)));
        }
    }

    private static void BackendProblem(AnalysisContext context, KubeObject ingress, string serviceName, JsonElement port, List<(string, Evidence, Remediation)> problems)
    {
        var service = context.Cluster.Find("Service", ingress.Namespace, serviceName);
        if (service is null)
        {
            if (HasKind(context, "Service"))
            {
                problems.Add(($"backend Service {serviceName} does not exist",
                    Evidence.Spec($"Ingress {ingress.Name} backend: service {serviceName}; no such Service in namespace {ingress.Namespace}"),
                    new Remediation($"Create Service {serviceName} or fix the backend name", $"kubectl get services -n {ingress.Namespace}", Remediation.Safe)));
            }

            return;
        }

        var number = port.Long("number");
        var name = port.Str("name");
        var ports = service.Raw.Objects("spec.ports").ToList();
        var matches = number is not null ? ports.Any(p => p.Long("port") == number) : name is null || ports.Any(p => p.Str("name") == name);
        if (!matches)
        {
            var available = string.Join(", ", ports.Select(p => p.Str("name") is { } n ? $"{n}:{p.Long("port")}" : $"{p.Long("port")}"));
            problems.Add(($"backend port {number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? name} is not a port of Service {serviceName}",
                Evidence.Spec($"Ingress {ingress.Name} backend: service {serviceName} port {number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? name}; Service ports: [{available}]"),
                new Remediation("Use one of the Service's ports in the Ingress backend", $"kubectl edit ingress {ingress.Name} -n {ingress.Namespace}", Remediation.Confirm)));
        }
    }

    private static IEnumerable<(string Service, JsonElement Port)> Backends(KubeObject ingress)
    {
        var paths = ingress.Raw.Objects("spec.rules").SelectMany(r => r.Objects("http.paths")).Select(p => p.At("backend.service"));
        return paths.Append(ingress.Raw.At("spec.defaultBackend.service"))
            .Where(b => b.Str("name") is not null)
            .Select(b => (b.Str("name")!, b.At("port")))
            .DistinctBy(b => (b.Item1, b.Item2.ValueKind == JsonValueKind.Undefined ? "" : b.Item2.GetRawText()));
    }

    // A snapshot without any object of a kind may simply not have collected it: absence proves nothing then.
    private static bool HasKind(AnalysisContext context, string kind) => context.Cluster.OfKind(kind).Count > 0;
}
