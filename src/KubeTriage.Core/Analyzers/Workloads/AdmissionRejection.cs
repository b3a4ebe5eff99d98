using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Workloads;

/// <summary>Classifies a controller's FailedCreate message: quota, LimitRange, Pod Security or webhook rejections.</summary>
internal static class AdmissionRejection
{
    public static (string Category, string Why)? Classify(string message)
    {
        if (message.Contains("exceeded quota", StringComparison.Ordinal))
        {
            return (Categories.QuotaExceeded, "a ResourceQuota in the namespace has no room left for another pod's requests/limits");
        }

        if (message.Contains("must specify", StringComparison.Ordinal) && message.Contains("quota", StringComparison.OrdinalIgnoreCase))
        {
            return (Categories.QuotaExceeded, "a ResourceQuota requires every pod to set requests/limits and this pod template does not");
        }

        if (message.Contains("maximum ", StringComparison.Ordinal) && message.Contains("usage per", StringComparison.Ordinal)
            || message.Contains("minimum ", StringComparison.Ordinal) && message.Contains("usage per", StringComparison.Ordinal))
        {
            return (Categories.QuotaExceeded, "a LimitRange in the namespace forbids the pod's requests/limits");
        }

        if (message.Contains("violates PodSecurity", StringComparison.Ordinal))
        {
            return (Categories.PodSecurityViolation, "Pod Security admission rejects the pod template under the namespace's enforce level");
        }

        if (message.Contains("failed calling webhook", StringComparison.Ordinal))
        {
            return (Categories.AdmissionWebhookFailure, "an admission webhook cannot be reached and its failurePolicy blocks pod creation");
        }

        if (message.Contains("admission webhook", StringComparison.Ordinal) && message.Contains("denied the request", StringComparison.Ordinal))
        {
            return (Categories.PodSecurityViolation, "a policy admission webhook denies the pod template");
        }

        return null;
    }
}
