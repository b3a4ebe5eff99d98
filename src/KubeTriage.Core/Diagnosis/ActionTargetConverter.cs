using System.Text.Json;
using System.Text.Json.Serialization;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Diagnosis;

/// <summary>Writes an action's target as exactly <c>{"kind", "namespace", "name"}</c> (namespace left out when cluster-scoped).</summary>
internal sealed class ActionTargetConverter : JsonConverter<ObjectRef>
{
    public override ObjectRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an action target must be an object with kind, namespace and name");
        }

        string? kind = null, ns = null, name = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            switch (property)
            {
                case "kind":
                    kind = value;
                    break;
                case "namespace":
                    ns = value;
                    break;
                case "name":
                    name = value;
                    break;
            }
        }

        return new ObjectRef(kind ?? "", string.IsNullOrEmpty(ns) ? null : ns, name ?? "");
    }

    public override void Write(Utf8JsonWriter writer, ObjectRef value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind);
        if (!string.IsNullOrEmpty(value.Namespace))
        {
            writer.WriteString("namespace", value.Namespace);
        }

        writer.WriteString("name", value.Name);
        writer.WriteEndObject();
    }
}
