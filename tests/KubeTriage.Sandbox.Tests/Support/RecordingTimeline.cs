namespace KubeTriage.Sandbox.Tests.Support;

/// The state changes the README lists between recordings, replayed through the API so each file meets
/// the server state it was recorded against.
internal static class RecordingTimeline
{
    /// <summary>Recorded order of the 07 writes (the README's table order, not file-name order).</summary>
    public static IReadOnlyList<string> WriteSequence { get; } =
    [
        "07-configmap-create", "07-configmap-create-conflict", "07-configmap-create-invalid",
        "07-deployment-patch-merge-dryrun", "07-deployment-patch-merge",
        "07-deployment-patch-strategic-dryrun", "07-deployment-patch-strategic",
        "07-deployment-patch-json-dryrun", "07-deployment-patch-json", "07-deployment-patch-json-test-failed",
        "07-deployment-apply", "07-deployment-apply-conflict",
        "07-scale-get", "07-scale-put", "07-scale-put-stale-rv",
        "07-pod-delete-dryrun", "07-pod-delete", "07-pod-get-after-delete",
        "07-configmap-delete", "07-delete-missing",
    ];

    /// <summary>How many of the recording-time changes (label on q9w4z, annotation on 7xk2p) precede a file.</summary>
    public static int StageBefore(string file) => file switch
    {
        "06-watch-pods-bookmarks" or "06-watch-pods-bookmarks-timeout5" => 1,
        _ when file.StartsWith("06-watch-pods-too-old", StringComparison.Ordinal) => 2,
        "02-pods-list-expired-continue" => 2,
        _ when file[..2] is "07" or "08" or "09" or "10" => 2,
        _ => 0,
    };

    public static Task LabelCrashingPodAsync(WireClient client) =>
        client.PatchAsync($"/api/v1/namespaces/shop/pods/{RecordedCluster.CrashingPod}", "application/merge-patch+json", """{"metadata":{"labels":{"triage":"needed"}}}""");

    public static Task AnnotateRunningPodAsync(WireClient client) =>
        client.PatchAsync($"/api/v1/namespaces/shop/pods/{RecordedCluster.RunningPod}", "application/merge-patch+json", """{"metadata":{"annotations":{"example.com/last-checked":"watch-demo"}}}""");

    public static async Task AdvanceAsync(WireClient client, int stage)
    {
        if (stage >= 1)
        {
            await LabelCrashingPodAsync(client);
        }

        if (stage >= 2)
        {
            await AnnotateRunningPodAsync(client);
        }
    }
}
