using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Mcp;

/// <summary>Tool arguments that may come as JSON values or as JSON text (models send both).</summary>
internal static class ToolArguments
{
    /// <summary>An object argument such as <c>private_messages</c> or <c>changes</c>; null when absent or empty.</summary>
    public static JsonObject? Object(JsonElement? value, string name, string example)
    {
        var node = Parse(value, name, example);
        return node switch
        {
            null => null,
            JsonObject o => o.Count == 0 ? null : o,
            _ => throw new ToolInputException($"{name} must be a JSON object, for example {example}."),
        };
    }

    /// <summary>A list of ids: a JSON array, JSON text of one, or a comma-separated string ("thorin, elara").</summary>
    public static JsonArray? IdList(JsonElement? value, string name)
    {
        if (value is { ValueKind: JsonValueKind.String } text && !text.GetString()!.TrimStart().StartsWith('['))
        {
            var ids = text.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return ids.Length == 0 ? null : new JsonArray(ids.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
        }

        var node = Parse(value, name, "[\"thorin\", \"elara\"]");
        return node switch
        {
            null => null,
            JsonArray a => a,
            _ => throw new ToolInputException($"{name} must be a list of player ids, for example [\"thorin\", \"elara\"]."),
        };
    }

    /// <summary>A JSON array argument of objects (combatants).</summary>
    public static JsonArray List(JsonElement? value, string name, string example)
    {
        var node = Parse(value, name, example);
        return node as JsonArray ?? throw new ToolInputException($"{name} must be a JSON list, for example {example}.");
    }

    /// <summary><c>public</c>, <c>party</c>, <c>dm</c>, or a list of player ids.</summary>
    public static JsonNode? Audience(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.String } text)
        {
            if (string.IsNullOrWhiteSpace(text.GetString()))
            {
                return null;
            }

            if (AudienceWords.NarrativeWord(text.GetString()!) is { } word)
            {
                return JsonValue.Create(word);
            }
        }

        return IdList(value, "audience");
    }

    private static JsonNode? Parse(JsonElement? value, string name, string example)
    {
        if (value is null || value.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.String)
        {
            var text = value.Value.GetString()!.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new ToolInputException($"{name} is not valid JSON ({e.Message}); pass it as an object, for example {example}.", e);
            }
        }

        return JsonNode.Parse(value.Value.GetRawText());
    }
}
