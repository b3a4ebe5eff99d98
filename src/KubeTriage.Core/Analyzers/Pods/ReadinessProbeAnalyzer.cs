using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Finds running containers that never become Ready because their readiness probe fails.</summary>
internal sealed class ReadinessProbeAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Probes;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Pod"), pod => AnalyzePod(context, new PodView(pod)));

    private static TimeSpan StartupGrace(JsonElement probe)
    {
        var initialDelay = probe.Long("initialDelaySeconds") ?? 0;
        var period = probe.Long("periodSeconds") ?? 10;
        var threshold = probe.Long("failureThreshold") ?? 3;
        return TimeSpan.FromSeconds(Math.Max(120, initialDelay + (period * threshold)));
    }

    private void AnalyzePod(AnalysisContext context, PodView pod)
    {
        if (pod.Phase != "Running" || pod.IsTerminating)
        {
            return;
        }

        foreach (var container in pod.Containers.Where(c => c.Running && !c.Ready))
        {
            var probe = pod.ContainerSpec(container.Name).At("readinessProbe");

            // A container that just started fails its first probes by design; only one that stays unready counts.
            if (container.RunningSince is { } since && context.Now - since < StartupGrace(probe))
            {
                continue;
            }

            var probeEvents = PodEvidence.RecentWarnings(context, pod.Object, container.Name,
                e => e.Reason == "Unhealthy" && e.Message.StartsWith("Readiness probe failed", StringComparison.Ordinal))
                .Where(e => context.IsRecent(e.LastSeen)).ToList();
            if (probeEvents.Count == 0)
            {
                continue;
            }

            var target = probe.Str("httpGet.path") is { } path ? $"HTTP GET {path} on port {probe.Str("httpGet.port")}"
                : probe.Str("tcpSocket.port") is { } port ? $"TCP port {port}" : "its probe";
            var evidence = new List<Evidence> { Evidence.Status($"Container {container.Name}: Running, Ready=False") };
            evidence.AddRange(PodEvidence.Events(probeEvents));
            evidence.AddRange(PodEvidence.Logs(context, pod.Object, container.Name, out _));
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.ReadinessProbeFailure,
                Severity = Impact.SeverityFor(context.Cluster, pod.Object),
                Subject = pod.Object.Ref,
                Container = container.Name,
                Title = $"Readiness probe of container {container.Name} fails",
                Explanation = $"Container {container.Name} runs but its readiness probe ({target}) fails: {probeEvents[^1].Message}. "
                    + "The pod receives no Service traffic until it passes. Check that the application serves that path and port, and that the probe's delays fit its start-up time.",
                Evidence = evidence,
                Remediation = [Fixes.Describe(pod.Object.Ref), new Remediation("Read the container's log around the probe failures", $"kubectl logs {pod.Object.Name} -n {pod.Object.Namespace} -c {container.Name} --tail=50", Remediation.Safe)],
            });
        }
    }
}
