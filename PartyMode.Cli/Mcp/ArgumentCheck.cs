using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's input schema before the SDK binds them, so a missing or
/// mistyped argument gets a sentence naming it and its form (the SDK alone says "An error occurred invoking …").
/// Harmless slips are fixed instead: "5" for an integer, 5 for a string, "true" for a boolean.
/// </summary>
internal static class ArgumentCheck
{
    /// <summary>Null when the arguments fit (possibly after fixing them in place); else the message for the model.</summary>
    public static string? Check(string tool, JsonElement schema, IDictionary<string, JsonElement> arguments)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    var property = properties.TryGetProperty(name, out var p) ? p : default;
                    return $"{tool} needs the argument '{name}' ({Form(property)}): {Description(property)} Call {tool} again with {name} set{RequiredList(tool, required)}.";
                }
            }
        }

        foreach (var argument in arguments.ToList())
        {
            if (!properties.TryGetProperty(argument.Key, out var property) || argument.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            var types = SchemaTypes.TypesOf(property);
            if (types.Count == 0 || Fits(types, argument.Value))
            {
                continue;
            }

            if (Fix(types, argument.Value) is { } fixedValue)
            {
                arguments[argument.Key] = fixedValue;
                continue;
            }

            return $"{tool}: the argument '{argument.Key}' must be {Form(property)}, not {Shown(argument.Value)}. {Description(property)}";
        }

        return null;
    }

    /// <summary>"a string", "an integer", "an object (a JSON string of one is accepted too)"….</summary>
    public static string Form(JsonElement property)
    {
        var types = SchemaTypes.TypesOf(property).Where(t => t != "null").ToList();
        if (types.Count == 0)
        {
            return "any JSON value";
        }

        if (types.Count >= 5)
        {
            return "a JSON value";
        }

        var words = types.Select(t => t switch
        {
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => "true or false",
            "object" => "a JSON object",
            "array" => "a JSON list",
            _ => "a " + t,
        });
        var text = string.Join(" or ", words);
        return types.Any(t => t is "object" or "array") && !types.Contains("string") ? text + " (JSON text of one is accepted too)" : text;
    }

    private static string Description(JsonElement property) =>
        property.ValueKind == JsonValueKind.Object && property.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()!.TrimEnd() is var text && text.EndsWith('.') ? text : text + "."
            : string.Empty;

    private static string RequiredList(string tool, JsonElement required)
    {
        var names = required.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToList();
        return names.Count <= 1 ? string.Empty : $" (it needs {string.Join(", ", names)}: {tool}({string.Join(", ", names.Select(n => n + "=…"))}))";
    }

    private static bool Fits(IReadOnlyList<string> types, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => types.Contains("string") || types.Contains("object") || types.Contains("array"),
        JsonValueKind.Number => types.Contains("number") || (types.Contains("integer") && value.TryGetInt64(out _)),
        JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
        JsonValueKind.Object => types.Contains("object"),
        JsonValueKind.Array => types.Contains("array"),
        _ => false,
    };

    private static JsonElement? Fix(IReadOnlyList<string> types, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            if (types.Contains("integer") && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonText.Element(JsonValue.Create(whole));
            }

            if (types.Contains("number") && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return JsonText.Element(JsonValue.Create(number));
            }

            if (types.Contains("boolean") && bool.TryParse(text, out var flag))
            {
                return JsonText.Element(JsonValue.Create(flag));
            }
        }

        if (value.ValueKind == JsonValueKind.Number && types.Contains("integer") && value.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            return JsonText.Element(JsonValue.Create((long)d));
        }

        if (value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && types.Contains("string"))
        {
            return JsonText.Element(JsonValue.Create(value.GetRawText()));
        }

        return null;
    }

    private static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => "the text",
            JsonValueKind.Number => "the number",
            JsonValueKind.Object => "the object",
            JsonValueKind.Array => "the list",
            _ => "the value",
        };
        return $"{kind} {(raw.Length > 60 ? raw[..60] + "…" : raw)}";
    }
}
