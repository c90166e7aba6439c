using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Protocol;
using PartyMode.Engine;

namespace PartyMode.Cli.Web;

/// <summary>Reads request bodies by hand so bad JSON gets the protocol's <c>bad_json</c> error.</summary>
internal static class JsonBody
{
    private const int MaxBodyBytes = 256 * 1024;

    /// <summary>The body as an object; an empty body is an empty object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new GameException(ErrorKind.BadRequest, "too_long", $"The request body is larger than {MaxBodyBytes / 1024} KiB.");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
        {
            throw new GameException(ErrorKind.BadRequest, "too_long", $"The request body is larger than {MaxBodyBytes / 1024} KiB.");
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return [];
        }

        var bytes = buffer.ToArray();
        try
        {
            JsonUnicode.RefuseBadText(bytes);
            return JsonNode.Parse(bytes) as JsonObject
                ?? throw new GameException(ErrorKind.BadRequest, "bad_json", "The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_json", "The body is not valid JSON: " + ex.Message);
        }
    }

    public static string? String(this JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be a string.");
        }

        return node.GetValue<string>();
    }

    public static bool Bool(this JsonObject body, string name)
    {
        var node = body[name];
        return node is not null && node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be true or false."),
        };
    }

    public static int? Int(this JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be a whole number.");
        }

        return value;
    }

    public static List<string>? Strings(this JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(n => n?.GetValueKind() != JsonValueKind.String))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be a list of strings.");
        }

        return array.Select(n => n!.GetValue<string>()).ToList();
    }

    /// <summary>An object of strings such as <c>private: {player_id: text}</c>; a JSON string holding one is accepted.</summary>
    public static Dictionary<string, string>? StringMap(this JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                node = JsonNode.Parse(node.GetValue<string>());
            }
            catch (JsonException)
            {
                node = null;
            }
        }

        if (node is not JsonObject obj || obj.Any(p => p.Value?.GetValueKind() != JsonValueKind.String))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be an object of player id to text, like {{\"thorin\":\"…\"}}.");
        }

        return obj.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
    }
}
