using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Auth;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Handlers;

/// SelfSubjectAccessReview, so `kubectl auth can-i` answers from the sandbox's user table.
internal static class ReviewHandler
{
    public static async Task SelfSubjectAccessReviewAsync(ApiRequest request, SandboxUser user)
    {
        var review = await Responses.ReadObjectAsync(request.Context);
        var attributes = review.Obj("spec").Obj("resourceAttributes");
        var allowed = attributes is null || Authorizer.Allows(
            user,
            attributes.Str("verb") ?? "",
            attributes.Str("group") ?? "",
            attributes.Str("resource") ?? "",
            string.IsNullOrEmpty(attributes.Str("subresource")) ? null : attributes.Str("subresource"),
            string.IsNullOrEmpty(attributes.Str("namespace")) ? null : attributes.Str("namespace"));
        review["kind"] = "SelfSubjectAccessReview";
        review["apiVersion"] = "authorization.k8s.io/v1";
        review.Metadata()["creationTimestamp"] = null;
        review["status"] = new JsonObject { ["allowed"] = allowed };
        await Responses.WriteJsonAsync(request.Context, 201, review);
    }
}
