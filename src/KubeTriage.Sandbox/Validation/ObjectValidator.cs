using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Validation;

/// The metadata and data-key checks of the apiserver, answered as a 422 Invalid Status with causes.
internal static class ObjectValidator
{
    private static readonly HashSet<string> s_pathSegmentNamed = ["roles", "rolebindings", "clusterroles", "clusterrolebindings"];

    public static void Validate(ResourceInfo resource, JsonObject obj)
    {
        var causes = new List<(string Reason, string Field, string Message)>();
        var metadata = obj.Obj("metadata");
        var name = metadata.Str("name") ?? "";
        if (name.Length == 0)
        {
            causes.Add(("FieldValueRequired", "metadata.name", "Required value: name or generateName is required"));
        }
        else
        {
            CheckName(resource, name, causes);
        }

        foreach (var (key, value) in metadata.Obj("labels") ?? [])
        {
            CheckQualifiedName(key, "metadata.labels", causes);
            var text = JsonHelpers.ScalarText(value) ?? "";
            if (!NameRules.IsLabelValue(text))
            {
                causes.Add(Invalid("metadata.labels", text, text.Length > 63 ? "must be no more than 63 characters" : NameRules.LabelValue));
            }
        }

        if (resource.Plural is "configmaps" or "secrets")
        {
            foreach (var field in new[] { "data", "binaryData", "stringData" })
            {
                foreach (var (key, _) in obj.Obj(field) ?? [])
                {
                    if (!NameRules.IsConfigKey(key))
                    {
                        causes.Add(Invalid($"{field}[{key}]", key, NameRules.ConfigKey));
                    }
                }
            }
        }

        if (causes.Count > 0)
        {
            throw Invalid(resource, name, causes);
        }
    }

    private static void CheckName(ResourceInfo resource, string name, List<(string, string, string)> causes)
    {
        if (s_pathSegmentNamed.Contains(resource.Plural))
        {
            if (name is "." or ".." || name.Contains('/') || name.Contains('%'))
            {
                causes.Add(Invalid("metadata.name", name, "may not contain '/' or '%'"));
            }

            return;
        }

        var (valid, message) = resource.Plural switch
        {
            "namespaces" => (NameRules.IsLabel1123(name), NameRules.Label1123),
            "services" => (NameRules.IsLabel1035(name), NameRules.Label1035),
            _ => (NameRules.IsSubdomain(name), NameRules.Subdomain),
        };
        if (!valid)
        {
            causes.Add(Invalid("metadata.name", name, message));
        }
    }

    private static void CheckQualifiedName(string key, string field, List<(string, string, string)> causes)
    {
        var slash = key.IndexOf('/');
        var namePart = slash >= 0 ? key[(slash + 1)..] : key;
        if (slash >= 0 && !NameRules.IsSubdomain(key[..slash]))
        {
            causes.Add(Invalid(field, key, "prefix part " + NameRules.Subdomain));
        }

        if (!NameRules.IsNamePart(namePart))
        {
            causes.Add(Invalid(field, key, NameRules.NamePart));
        }
    }

    private static (string, string, string) Invalid(string field, string value, string message) =>
        ("FieldValueInvalid", field, $"Invalid value: \"{value}\": {message}");

    private static ApiException Invalid(ResourceInfo resource, string name, List<(string Reason, string Field, string Message)> causes)
    {
        var joined = causes.Select(c => $"{c.Field}: {c.Message}").ToList();
        var summary = joined.Count == 1 ? joined[0] : $"[{string.Join(", ", joined)}]";
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Kind;
        details["causes"] = new JsonArray(causes
            .Select(c => (JsonNode)new JsonObject { ["reason"] = c.Reason, ["message"] = c.Message, ["field"] = c.Field })
            .ToArray());
        return Statuses.Failure(422, $"{resource.Kind} \"{name}\" is invalid: {summary}", "Invalid", details);
    }
}
