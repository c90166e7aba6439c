using System.Text.Json.Nodes;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// Gives every input-schema property a <c>type</c>: the SDK leaves <see cref="JsonElement"/> parameters untyped,
/// and some hosts then drop or mangle the argument. Known names get their real shape; anything else any JSON value.
/// </summary>
internal static class SchemaTypes
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["private_messages"] = """{"type":"object","additionalProperties":{"type":"string"}}""",
        ["changes"] = """{"type":"object"}""",
        ["combatants"] = """{"type":"array","items":{"type":"object"}}""",
        ["ops"] = """{"type":"array","items":{"type":"object"}}""",
        ["players"] = """{"type":"array","items":{"type":"string"}}""",
        ["conditions"] = """{"type":"array","items":{"type":"string"}}""",
        ["audience"] = """{"type":["string","array"],"items":{"type":"string"}}""",
    };

    private const string AnyValue = """{"type":["string","number","integer","boolean","object","array"]}""";

    /// <summary>The schema with a <c>type</c> on every property (unchanged when all have one).</summary>
    public static JsonElement Complete(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return schema;
        }

        if (properties.EnumerateObject().All(p => p.Value.ValueKind != JsonValueKind.Object || p.Value.TryGetProperty("type", out _)))
        {
            return schema;
        }

        var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
        foreach (var (name, node) in root["properties"]!.AsObject())
        {
            if (node is not JsonObject property || property.ContainsKey("type"))
            {
                continue;
            }

            var shape = JsonNode.Parse(Known.GetValueOrDefault(name, AnyValue))!.AsObject();
            foreach (var (key, value) in shape)
            {
                property[key] = value?.DeepClone();
            }
        }

        return JsonText.Element(root);
    }

    /// <summary>The JSON types a property accepts ("string", "integer", …), empty when it has none.</summary>
    public static IReadOnlyList<string> TypesOf(JsonElement property)
    {
        if (property.ValueKind != JsonValueKind.Object || !property.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => [.. type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)],
            _ => [],
        };
    }
}
