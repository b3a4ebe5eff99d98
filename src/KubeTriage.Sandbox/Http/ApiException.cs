using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Http;

/// Carries a metav1.Status failure up to the router, which writes it with its HTTP code.
internal sealed class ApiException(int code, JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public int Code { get; } = code;

    public JsonObject Status { get; } = status;
}
