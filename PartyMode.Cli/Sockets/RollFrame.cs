using System.Text.Json;
using PartyMode.Cli.Protocol;
using PartyMode.Engine;
using PartyMode.Engine.Rolls;

namespace PartyMode.Cli.Sockets;

/// <summary>The <c>roll</c> client frame (docs/protocol.md §7.1): answered by <c>roll_status</c> once durable, or an <c>error</c>.</summary>
internal static class RollFrame
{
    public static async Task HandleAsync(SocketConnection c, JsonElement root, Game game)
    {
        var input = RollInputs.FromFrame(root);
        var outcome = await game.Rolls.RollAsync(c.Viewer, input);
        if (!outcome.Created)
        {
            // A retry of a roll already made: the first one stands, so say so again on this socket.
            var e = outcome.Event;
            c.Enqueue(new OutFrame(0, Frames.RollStatus(input.ClientId, e.RequestId, outcome.Blind, outcome.Blind ? null : e.Seq)));
        }
    }
}
