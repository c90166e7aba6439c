using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine;
using PartyMode.Engine.Rolls;

namespace PartyMode.Cli.Protocol;

/// <summary>Reads a roll's fields (docs/protocol.md §7.1) from a socket frame or an HTTP body, one way for both.</summary>
internal static class RollInputs
{
    public static RollInput FromFrame(JsonElement root) => From(JsonNode.Parse(root.GetRawText())!.AsObject());

    public static RollInput From(JsonObject body) => new(
        Expr: Text(body, "expr"),
        Mode: Text(body, "mode"),
        Visibility: Text(body, "visibility"),
        Label: Text(body, "label"),
        ClientId: Text(body, "client_id"),
        RequestId: Text(body, "request_id"),
        Physical: Flag(body, "physical"),
        Result: Whole(body, "result"));

    private static string? Text(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be a string.");
    }

    private static bool Flag(JsonObject body, string name) => body[name]?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.True => true,
        _ => throw new GameException(ErrorKind.BadRequest, "bad_request", $"'{name}' must be true or false."),
    };

    private static int? Whole(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value))
        {
            return value;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
        {
            return (int)d;
        }

        throw new GameException(ErrorKind.BadRequest, "bad_physical_result", $"'{name}' must be a whole number: the face or the total you read on your dice.");
    }
}
