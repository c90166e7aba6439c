using System.Text.Json;
using PartyMode.Engine;

using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Sockets;

/// <summary>Handles what an authenticated client sends: <c>pong</c>, <c>action</c> and <c>roll</c>; anything else gets an <c>error</c>.</summary>
internal static class ClientFrames
{
    public static async Task HandleAsync(SocketConnection c, byte[] bytes, Game game)
    {
        string? clientId = null;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            JsonUnicode.RefuseBadText(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                Reply(c, "bad_frame", "Frames are JSON objects with a string 'type'.");
                return;
            }

            switch (typeElement.GetString())
            {
                case "pong":
                    return;
                case "auth":
                    Reply(c, "already_authenticated", "This socket is already authenticated.");
                    return;
                case "action":
                    clientId = root.TryGetProperty("client_id", out var cid) && cid.ValueKind == JsonValueKind.String ? cid.GetString() : null;
                    var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    var isPrivate = root.TryGetProperty("private", out var p) && p.ValueKind == JsonValueKind.True;
                    var (action, created) = await game.SubmitActionAsync(c.Viewer, text, clientId, isPrivate);
                    if (!created)
                    {
                        // A retry of an action already queued: the first one stands, so say where it is.
                        c.Enqueue(new OutFrame(0, Frames.ActionStatus(action)));
                    }

                    return;
                case "roll":
                    clientId = root.TryGetProperty("client_id", out var rcid) && rcid.ValueKind == JsonValueKind.String ? rcid.GetString() : null;
                    await RollFrame.HandleAsync(c, root, game);
                    return;
                default:
                    Reply(c, "unknown_type", $"Unknown frame type '{typeElement.GetString()}': send pong, action or roll.");
                    return;
            }
        }
        catch (JsonException)
        {
            Reply(c, "bad_json", "The frame is not valid JSON.");
        }
        catch (GameException ex)
        {
            Reply(c, ex.Code, ex.Message, clientId);
        }
    }

    private static void Reply(SocketConnection c, string code, string message, string? clientId = null) =>
        c.Enqueue(new OutFrame(0, Frames.Error(code, message, clientId)));
}
