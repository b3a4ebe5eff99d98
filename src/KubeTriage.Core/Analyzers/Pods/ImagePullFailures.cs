using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Explains ErrImagePull / ImagePullBackOff: tag not found, unauthorized, or registry unreachable.</summary>
internal static class ImagePullFailures
{
    public static ContainerFailure Classify(AnalysisContext context, PodView pod, ContainerStatusView container)
    {
        var image = pod.ContainerSpec(container.Name).Str("image") ?? container.Image;
        var pullEvents = PodEvidence.RecentWarnings(context, pod.Object, container.Name,
            e => e.Reason is "Failed" or "ErrImagePull" or "InspectFailed" && e.Message.Contains("pull", StringComparison.OrdinalIgnoreCase) || e.Reason == "InspectFailed").ToList();

        // The waiting message is often only "Back-off pulling image"; the Failed event carries the registry's answer.
        var detail = pullEvents.Select(e => e.Message).LastOrDefault(m => m.StartsWith("Failed to pull image", StringComparison.Ordinal))
            ?? container.WaitingMessage ?? "";
        var problem = container.WaitingReason == "InvalidImageName" ? ImagePullProblem.InvalidName : ImagePullClassifier.Classify(detail);
        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        var (title, why) = problem switch
        {
            ImagePullProblem.NotFound => ($"Image {image} does not exist in its registry", $"The registry answers that image \"{image}\" (or its tag) does not exist, so container {container.Name} can never start. The tag is probably misspelled or was never pushed."),
            ImagePullProblem.Unauthorized => ($"Not authorized to pull image {image}", $"The registry refuses to serve \"{image}\" without valid credentials: the pod's imagePullSecrets are missing or wrong for this registry."),
            ImagePullProblem.Unreachable => ($"Registry of image {image} is unreachable", $"The node cannot reach the registry of \"{image}\" (DNS or network failure), so the image cannot be pulled."),
            ImagePullProblem.InvalidName => ($"Image name {image} is invalid", $"\"{image}\" is not a valid image reference."),
            _ => ($"Image {image} cannot be pulled", $"The kubelet fails to pull \"{image}\": {detail}"),
        };

        var failure = new ContainerFailure(Categories.ImagePullFailure, title, why);
        failure.Evidence.AddRange(PodEvidence.Events(pullEvents.Count > 0 ? pullEvents : PodEvidence.RecentWarnings(context, pod.Object, container.Name)));
        switch (problem)
        {
            case ImagePullProblem.Unauthorized:
                failure.Remediation.Add(new("Create a registry credential and reference it from the pod's imagePullSecrets (or its ServiceAccount)",
                    $"kubectl create secret docker-registry regcred -n {pod.Object.Namespace} --docker-server=<registry> --docker-username=<user> --docker-password=<token>", Diagnosis.Remediation.Confirm));
                break;
            case ImagePullProblem.Unreachable:
                failure.Remediation.Add(new("Check that the nodes resolve and reach the registry host", $"kubectl get events -n {pod.Object.Namespace} --field-selector involvedObject.name={pod.Object.Name}", Diagnosis.Remediation.Safe));
                break;
            default:
                failure.Remediation.Add(new($"Point container {container.Name} at an image tag that exists", $"kubectl set image {workload.ToKubectlTarget()} {container.Name}=<image>:<existing-tag>{workload.NamespaceFlag}", Diagnosis.Remediation.Confirm));
                break;
        }

        if (Fixes.CanRollout(workload) && workload.Kind == "Deployment")
        {
            failure.Remediation.Add(Fixes.RolloutUndo(workload));
        }

        return failure;
    }
}
