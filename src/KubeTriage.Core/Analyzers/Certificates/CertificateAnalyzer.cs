using System.Security.Cryptography.X509Certificates;
using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Certificates;

/// <summary>Parses X.509 certificates in TLS Secrets and webhook caBundles; flags expired ones and those expiring within 14 days.</summary>
internal sealed class CertificateAnalyzer : IAnalyzer
{
    private static readonly TimeSpan Soon = TimeSpan.FromDays(14);

    public string Name => AnalyzerNames.Certificates;

    public void Analyze(AnalysisContext context)
    {
        context.ForEach(Name, context.InScope("Secret"), secret =>
        {
            foreach (var key in new[] { "tls.crt", "ca.crt" })
            {
                // Secret keys contain dots, so they are read directly rather than through a dotted path.
                if (CertificateReader.FromBase64Pem(secret.Raw.Prop("data").Prop(key).AsString()) is { } cert)
                {
                    Check(context, secret, $"{key}", cert, UsersOf(context, secret), WebhookServedWith(context, secret));
                }
            }
        });
        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService" })
        {
            context.ForEach(Name, context.Cluster.OfKind(kind), config =>
            {
                var bundles = kind == "APIService" ? [config.Raw.Str("spec.caBundle")] : config.Raw.Objects("webhooks").Select(w => w.Str("clientConfig.caBundle"));
                var cert = bundles.Select(CertificateReader.FromBase64Pem).OfType<X509Certificate2>().MinBy(c => c.NotAfter);
                if (cert is not null)
                {
                    Check(context, config, "caBundle", cert, [], null);
                }
            });
        }
    }

    private static void Check(AnalysisContext context, KubeObject holder, string field, X509Certificate2 cert, IReadOnlyList<ObjectRef> users, ObjectRef? servedWebhook)
    {
        var notAfter = new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var left = notAfter - context.Now;
        if (left > Soon)
        {
            return;
        }

        var expired = left <= TimeSpan.Zero;
        var subject = cert.GetNameInfo(X509NameType.DnsName, false) is { Length: > 0 } dns ? dns : cert.Subject;
        var when = expired ? $"expired {(-left).TotalDays:0.#} days ago ({notAfter:yyyy-MM-dd HH:mm}Z)" : $"expires in {left.TotalDays:0.#} days ({notAfter:yyyy-MM-dd HH:mm}Z)";
        // The objects that serve this certificate are affected: they join the cause as info findings.
        foreach (var user in users)
        {
            context.Add(new Finding
            {
                Analyzer = AnalyzerNames.Certificates,
                Category = Categories.CertificateExpired,
                Severity = Severity.Info,
                Subject = user,
                Cause = holder.Ref,
                Title = $"{user.Kind} {user.Name} serves the certificate of {holder.Kind} {holder.Name}",
                Explanation = $"{user} terminates TLS with this certificate.",
            });
        }

        context.Add(new Finding
        {
            Analyzer = AnalyzerNames.Certificates,
            Category = Categories.CertificateExpired,
            Severity = expired ? Severity.Critical : Severity.Warning,
            Subject = holder.Ref,
            Cause = servedWebhook,
            Title = $"Certificate for {subject} in {holder.Kind} {holder.Name} {(expired ? "has expired" : "expires soon")}",
            Explanation = $"The certificate in {holder.Kind} {holder.Name} ({field}, subject {cert.Subject}, issuer {cert.Issuer}) {when}. "
                + (expired ? "Clients that verify it refuse the connection." : "Renew it before clients start refusing connections.")
                + (users.Count > 0 ? $" Used by {string.Join(", ", users)}." : ""),
            Evidence = [Evidence.Spec($"{holder.Kind} {holder.Name} {field}: subject \"{cert.Subject}\", notAfter {notAfter:yyyy-MM-ddTHH:mm:ssZ}")],
            Remediation =
            [
                holder.Kind == "Secret"
                    ? new Remediation("Renew the certificate (cert-manager: kubectl cert-manager renew) or replace the Secret", $"kubectl create secret tls {holder.Name} -n {holder.Namespace} --cert=new.crt --key=new.key --dry-run=client -o yaml | kubectl apply -f -", Remediation.Confirm)
                    : new Remediation("Rotate the webhook's serving certificate and update caBundle", $"kubectl get {holder.Kind.ToLowerInvariant()} {holder.Name} -o yaml", Remediation.Safe),
            ],
        });
    }

    // A serving certificate mounted by a webhook's pods belongs to that webhook: one expiry, one cause.
    private static ObjectRef? WebhookServedWith(AnalysisContext context, KubeObject secret)
    {
        var mountingPods = context.Cluster.OfKind("Pod").Where(p => p.Namespace == secret.Namespace
            && p.Raw.Objects("spec.volumes").Any(v => v.Str("secret.secretName") == secret.Name)).ToList();
        if (mountingPods.Count == 0)
        {
            return null;
        }

        return context.Cluster.OfKind("ValidatingWebhookConfiguration").Concat(context.Cluster.OfKind("MutatingWebhookConfiguration"))
            .FirstOrDefault(config => config.Raw.Objects("webhooks").Any(w => w.Str("clientConfig.service.namespace") == secret.Namespace
                && context.Cluster.Find("Service", secret.Namespace, w.Str("clientConfig.service.name") ?? "") is { } service
                && Services.ServiceEndpoints.SelectedPods(context.Cluster, service).Any(mountingPods.Contains)))?.Ref;
    }

    private static List<ObjectRef> UsersOf(AnalysisContext context, KubeObject secret)
        => [.. context.Cluster.InNamespace("Ingress", secret.Namespace).Where(i => i.Raw.Objects("spec.tls").Any(t => t.Str("secretName") == secret.Name)).Select(i => i.Ref)];
}
