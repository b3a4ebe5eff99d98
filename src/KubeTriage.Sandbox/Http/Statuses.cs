using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Http;

/// Builders for metav1.Status bodies with the field order and wording of the real apiserver.
internal static class Statuses
{
    public static ApiException NotFound(string group, string resource, string name) =>
        Failure(404, $"{Qualified(group, resource)} \"{name}\" not found", "NotFound", Details(name, group, resource));

    public static ApiException AlreadyExists(string group, string resource, string name) =>
        Failure(409, $"{Qualified(group, resource)} \"{name}\" already exists", "AlreadyExists", Details(name, group, resource));

    public static ApiException Conflict(string group, string resource, string name) =>
        Failure(
            409,
            $"Operation cannot be fulfilled on {Qualified(group, resource)} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            "Conflict",
            Details(name, group, resource));

    public static ApiException BadRequest(string message) => Failure(400, message, "BadRequest", null);

    public static ApiException MethodNotSupported(string group, string resource, string action) =>
        Failure(405, $"{action} is not supported on resources of kind \"{Qualified(group, resource)}\"", "MethodNotAllowed", Details(null, group, resource));

    public static ApiException UnsupportedMediaType() =>
        Failure(415, "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml", "UnsupportedMediaType", null);

    public static ApiException NotAcceptable() => Failure(406, "only the following media types are accepted: application/json, application/yaml", "NotAcceptable", null);

    /// <summary>The generic 422 the apiserver answers when a JSON patch fails.</summary>
    public static ApiException GenericInvalid() =>
        Failure(422, "the server rejected our request due to an error in our request", "Invalid", new JsonObject());

    public static ApiException Unauthorized() => Failure(401, "Unauthorized", "Unauthorized", null);

    public static ApiException Forbidden(string message, string? name, string group, string resource) =>
        Failure(403, message, "Forbidden", Details(name, group, resource));

    public static ApiException ServerError(string message) => Failure(500, message, null, null);

    public static ApiException ResourceNotFound() =>
        Failure(404, "the server could not find the requested resource", "NotFound", new JsonObject());

    public static ApiException Expired(string message, string? continueToken = null)
    {
        var error = Failure(410, message, "Expired", null);
        if (continueToken is not null)
        {
            error.Status["metadata"] = new JsonObject { ["continue"] = continueToken };
        }

        return error;
    }

    public static ApiException Failure(int code, string message, string? reason, JsonObject? details, bool includeCode = true)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
        };
        if (reason is not null)
        {
            status["reason"] = reason;
        }

        if (details is not null)
        {
            status["details"] = details;
        }

        if (includeCode)
        {
            status["code"] = code;
        }

        return new ApiException(code, status);
    }

    public static JsonObject Success(string name, string group, string resource, string? uid)
    {
        var details = Details(name, group, resource);
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static string Qualified(string group, string resource) => group.Length == 0 ? resource : $"{resource}.{group}";

    private static JsonObject Details(string? name, string group, string resource)
    {
        var details = new JsonObject();
        if (!string.IsNullOrEmpty(name))
        {
            details["name"] = name;
        }

        if (group.Length > 0)
        {
            details["group"] = group;
        }

        details["kind"] = resource;
        return details;
    }
}
