using System.Text.Json;
using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.CustomResources;

/// <summary>Reports any custom resource whose Ready/Available/Synced condition is False (cert-manager, Flux, Cluster API, ...) and Argo CD Applications that fail.</summary>
internal sealed class ConditionAnalyzer : IAnalyzer
{
    private static readonly string[] HealthTypes = ["Ready", "Available", "Synced", "Healthy"];
    private static readonly HashSet<string> InProgressReasons = ["Progressing", "Reconciling", "Pending", "InProgress", "Issuing", "Provisioning", "DependencyNotReady"];
    private static readonly TimeSpan ProgressGrace = TimeSpan.FromMinutes(10);

    public string Name => AnalyzerNames.CustomResources;

    public void Analyze(AnalysisContext context)
    {
        var custom = context.Cluster.All.Where(o => !BuiltInApiGroups.IsBuiltIn(o.ApiVersion) && (context.NamespaceFilter is null || o.Namespace is null || o.Namespace == context.NamespaceFilter));
        context.ForEach(Name, custom, obj =>
        {
            if (obj.Kind == "Application" && obj.ApiVersion.StartsWith("argoproj.io/", StringComparison.Ordinal))
            {
                ArgoApplication(context, obj);
            }
            else
            {
                Conditions(context, obj);
            }
        });
    }

    private void Conditions(AnalysisContext context, KubeObject obj)
    {
        var failed = obj.Raw.Objects("status.conditions")
            .Where(c => HealthTypes.Contains(c.Str("type")) && c.Str("status") == "False")
            .FirstOrDefault(c => !(InProgressReasons.Contains(c.Str("reason") ?? "") && context.Now - (c.Time("lastTransitionTime") ?? context.Now) < ProgressGrace));
        if (!failed.Exists())
        {
            return;
        }

        var others = obj.Raw.Objects("status.conditions").Where(c => c.Str("type") != failed.Str("type") && c.Str("status") is "False" or "Unknown" && c.Str("message") is not null).Take(2);
        Add(context, obj, $"{failed.Str("type")}=False ({failed.Str("reason")}): {failed.Str("message")}",
            [Line(obj, failed), .. others.Select(c => Line(obj, c))]);
    }

    private void ArgoApplication(AnalysisContext context, KubeObject app)
    {
        var health = app.Raw.Str("status.health.status");
        var sync = app.Raw.Str("status.sync.status");
        var operation = app.Raw.Str("status.operationState.phase");
        var errors = app.Raw.Objects("status.conditions").Where(c => (c.Str("type") ?? "").EndsWith("Error", StringComparison.Ordinal)).ToList();
        if (health is not ("Degraded" or "Missing") && operation is not ("Failed" or "Error") && errors.Count == 0)
        {
            return;
        }

        var message = errors.Select(e => e.Str("message")).FirstOrDefault() ?? app.Raw.Str("status.operationState.message") ?? app.Raw.Str("status.health.message") ?? health;
        var evidence = new List<Evidence> { Evidence.Status($"Application {app.Name}: health {health ?? "unknown"}, sync {sync ?? "unknown"}, last operation {operation ?? "none"}") };
        evidence.AddRange(errors.Select(e => Evidence.Status($"Application {app.Name}: {e.Str("type")}: {e.Str("message")}")));
        if (app.Raw.Str("status.operationState.message") is { } opMessage)
        {
            evidence.Add(Evidence.Status($"Application {app.Name}: operation {operation}: {opMessage}"));
        }

        Add(context, app, $"health {health}, sync {sync}: {message}", evidence);
    }

    private void Add(AnalysisContext context, KubeObject obj, string why, IReadOnlyList<Evidence> evidence)
        => context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.ResourceNotReady,
            Severity = Severity.Warning,
            Subject = obj.Ref,
            Cause = CustomOwner(context, obj),
            Title = $"{obj.Kind} {obj.Name} is not ready",
            Explanation = $"{obj.Kind} {obj.Namespace}/{obj.Name} ({obj.ApiVersion}) reports {why}",
            Evidence = evidence,
            Remediation = [new Remediation($"Inspect the {obj.Kind} and its controller's events", $"kubectl describe {obj.Kind.ToLowerInvariant()}.{obj.ApiVersion.Split('/')[0]} {obj.Name}{obj.Ref.NamespaceFlag}", Remediation.Safe)],
        });

    // A not-ready child (CertificateRequest, AWSMachine) is reported under its not-ready parent (Certificate, Machine):
    // the parent is what people watch and what the controllers reconcile.
    private static ObjectRef? CustomOwner(AnalysisContext context, KubeObject obj)
        => obj.Controller is { } controller && context.Cluster.OwnerOf(obj, controller) is { } owner && !BuiltInApiGroups.IsBuiltIn(owner.ApiVersion)
            ? owner.Ref
            : null;

    private static Evidence Line(KubeObject obj, JsonElement condition)
        => Evidence.Status($"{obj.Kind} {obj.Name}: {condition.Str("type")}={condition.Str("status")} reason {condition.Str("reason")}: {condition.Str("message")}");
}
