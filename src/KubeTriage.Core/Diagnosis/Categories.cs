namespace KubeTriage.Core.Diagnosis;

/// <summary>Root-cause category codes (spec section 5); docs/categories.md lists them with their meaning.</summary>
public static class Categories
{
    public const string AppCrash = nameof(AppCrash);
    public const string OOMKilled = nameof(OOMKilled);
    public const string ImagePullFailure = nameof(ImagePullFailure);
    public const string MissingConfigMap = nameof(MissingConfigMap);
    public const string MissingSecret = nameof(MissingSecret);
    public const string InvalidCommand = nameof(InvalidCommand);
    public const string InsufficientResources = nameof(InsufficientResources);
    public const string NodeSelectorMismatch = nameof(NodeSelectorMismatch);
    public const string TaintNotTolerated = nameof(TaintNotTolerated);
    public const string VolumeBindingFailure = nameof(VolumeBindingFailure);
    public const string ReadinessProbeFailure = nameof(ReadinessProbeFailure);
    public const string LivenessProbeFailure = nameof(LivenessProbeFailure);
    public const string InitContainerFailure = nameof(InitContainerFailure);
    public const string ServiceSelectorMismatch = nameof(ServiceSelectorMismatch);
    public const string ServicePortMismatch = nameof(ServicePortMismatch);
    public const string IngressMisconfigured = nameof(IngressMisconfigured);
    public const string NodeNotReady = nameof(NodeNotReady);
    public const string NodePressure = nameof(NodePressure);
    public const string QuotaExceeded = nameof(QuotaExceeded);
    public const string PodSecurityViolation = nameof(PodSecurityViolation);
    public const string JobFailed = nameof(JobFailed);
    public const string CronJobNotScheduling = nameof(CronJobNotScheduling);
    public const string HPAMisconfigured = nameof(HPAMisconfigured);
    public const string PDBBlocking = nameof(PDBBlocking);
    public const string NetworkPolicyBlocking = nameof(NetworkPolicyBlocking);
    public const string DependencyUnavailable = nameof(DependencyUnavailable);
    public const string PermissionDenied = nameof(PermissionDenied);
    public const string RolloutStuck = nameof(RolloutStuck);
    public const string CertificateExpired = nameof(CertificateExpired);
    public const string AdmissionWebhookFailure = nameof(AdmissionWebhookFailure);
    public const string NodeCordoned = nameof(NodeCordoned);
    public const string ResourceNotReady = nameof(ResourceNotReady);

    /// <summary>Symptom-level categories: kept only when nothing more specific explains the same workload.</summary>
    public static readonly IReadOnlySet<string> Generic = new HashSet<string>
    {
        AppCrash, RolloutStuck, ReadinessProbeFailure, LivenessProbeFailure,
    };

    /// <summary>Ranks categories by how directly they name a fix; lower wins when findings of one workload merge.</summary>
    public static int Specificity(string category) => category switch
    {
        MissingSecret or MissingConfigMap or ImagePullFailure or InvalidCommand => 0,
        QuotaExceeded or PodSecurityViolation or AdmissionWebhookFailure => 0,
        InsufficientResources or NodeSelectorMismatch or TaintNotTolerated or VolumeBindingFailure => 1,
        DependencyUnavailable or PermissionDenied or OOMKilled => 1,
        InitContainerFailure => 2,
        LivenessProbeFailure => 3,
        AppCrash => 4,
        ReadinessProbeFailure => 5,
        RolloutStuck => 6,
        _ => 2,
    };
}
