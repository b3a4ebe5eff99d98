using KubeTriage.Server.Chat;
using KubeTriage.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>The kubectl chat flow: <c>POST /api/sendMessage</c> and <c>GET /api/health</c>, in the shape chat-agent users integrate with.</summary>
internal static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sendMessage", SendAsync).WithTags("chat").Accepts<SendMessageRequest>("application/json").Produces<SendMessageResponse>();
        app.MapGet("/api/health", HealthAsync).WithTags("chat");
        return app;
    }

    private static async Task<IResult> SendAsync(HttpContext http, ChatFlow chat)
    {
        var (request, error) = await RequestReader.ReadAsync<SendMessageRequest>(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var (answer, invalid) = await chat.SendAsync(request!, Actor(http), http.RequestAborted);
            return invalid is { } bad ? RequestReader.Invalid(bad.Field, bad.Message) : TypedResults.Ok(answer);
        }
        catch (FileNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "kubectl unavailable", detail: "kubectl is not installed on the server");
        }
    }

    private static async Task<IResult> HealthAsync(HttpContext http, ChatFlow chat, [FromQuery(Name = "data.kubeconfig")] string? kubeconfig)
    {
        try
        {
            var (access, message) = await chat.CheckAccessAsync(kubeconfig, http.RequestAborted);
            return TypedResults.Ok(new { status = "healthy", kubectl_access = access, kubectl_message = message });
        }
        catch (FileNotFoundException)
        {
            return TypedResults.Ok(new { status = "healthy", kubectl_access = false, kubectl_message = "kubectl is not installed on the server" });
        }
    }

    // Who approved a command: the API key in use (never the key itself) or the client address.
    private static string Actor(HttpContext http)
        => http.Request.Headers.Authorization.ToString() is { Length: > 7 } auth
            ? "api-key:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(auth)))[..8]
            : "client:" + http.Connection.RemoteIpAddress;
}
