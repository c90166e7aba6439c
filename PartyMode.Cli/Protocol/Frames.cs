using System.Buffers;
using System.Text.Json;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Model;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Protocol;

/// <summary>Builds the JSON of socket state messages, and the one JSON object writer HTTP answers share.</summary>
internal static class Frames
{
    public static byte[] Of<T>(string type, string property, T payload) => Write(w =>
    {
        w.WriteString("type", type);
        w.WritePropertyName(property);
        JsonSerializer.Serialize(w, payload, EngineJson.Info<T>());
    });

    public static byte[] ActionStatus(GameAction a) => Write(w =>
    {
        w.WriteString("type", "action_status");
        w.WriteString("action_id", a.Id);
        if (a.ClientId is not null)
        {
            w.WriteString("client_id", a.ClientId);
        }

        w.WriteString("status", StatusWords.Name(a.Status));
        if (a.Reason is not null)
        {
            w.WriteString("reason", a.Reason);
        }

        w.WritePropertyName("action");
        EventJson.WriteAction(w, a);
    });

    public static byte[] Party(IReadOnlyList<PartyMember> party, Func<string, bool> isConnected) => Write(w =>
    {
        w.WriteString("type", "party_update");
        PartyJson.WriteProperty(w, party, isConnected);
    });

    public static byte[] Combat(CombatView? view) => Write(w =>
    {
        w.WriteString("type", "combat_state");
        CombatJson.WriteProperty(w, view);
    });

    /// <summary>Who a seat is (<c>role</c>, <c>player_id</c>, <c>name</c>), as the welcome and <c>GET /api/session</c> both say it.</summary>
    public static void WriteSeat(Utf8JsonWriter w, Viewer viewer, string name)
    {
        w.WriteString("role", viewer.RoleName);
        if (viewer.Role == Role.Player)
        {
            w.WriteString("player_id", viewer.SeatId);
        }
        else
        {
            w.WriteNull("player_id");
        }

        w.WriteString("name", name);
    }

    /// <summary>The first frame of a socket: who it is, the newest seq it may see, and the current state.</summary>
    public static byte[] Welcome(Viewer viewer, string name, long lastSeq, WelcomeState welcome, Func<string, bool> isConnected) => Write(w =>
    {
        w.WriteString("type", "welcome");
        WriteSeat(w, viewer, name);
        w.WriteNumber("last_seq", lastSeq);
        if (welcome.Character is not null)
        {
            w.WritePropertyName("character");
            JsonSerializer.Serialize(w, welcome.Character, EngineJson.Info<Character>());
        }

        PartyJson.WriteProperty(w, welcome.Party, isConnected);
        CombatJson.WriteProperty(w, welcome.Combat);
        if (viewer.Role != Role.Observer)
        {
            RollJson.WriteRequests(w, "roll_requests", welcome.RollRequests, forDm: viewer.Role == Role.Dm);
            SheetJson.WriteChanges(w, "sheet_changes", welcome.SheetChanges);
            SheetJson.WritePolicy(w, welcome.SheetPolicy);
        }

        if (welcome.Tv is { } tv)
        {
            w.WritePropertyName("tv");
            HandoutJson.WriteTvSlot(w, tv.Handout);
        }
    });

    /// <summary><c>roll_request</c> (docs/protocol.md §7.2): the DM's copy has the DC and success, the player's never.</summary>
    public static byte[] RollRequest(PartyMode.Engine.Rolls.RollRequest request, bool forDm) => Write(w =>
    {
        w.WriteString("type", "roll_request");
        w.WritePropertyName("request");
        RollJson.WriteRequest(w, request, forDm);
    });

    /// <summary><c>change_status</c> (docs/protocol.md §8.2): a player's sheet change, to its player and the DM.</summary>
    public static byte[] ChangeStatus(PartyMode.Engine.Sheets.SheetChange change) => Write(w =>
    {
        w.WriteString("type", "change_status");
        w.WritePropertyName("change");
        SheetJson.WriteChange(w, change);
    });

    /// <summary><c>roll_status</c> (docs/protocol.md §7.1): a blind roll's carries no seq and no total.</summary>
    public static byte[] RollStatus(string? clientId, string? requestId, bool blind, long? seq) => Write(w =>
    {
        w.WriteString("type", "roll_status");
        w.WriteIfPresent("client_id", clientId);
        w.WriteIfPresent("request_id", requestId);
        w.WriteString("status", blind ? "rolled_blind" : "rolled");
        if (!blind && seq is { } s)
        {
            // Not "seq": a frame with a top-level seq is a stored event to clients.
            w.WriteNumber("roll_seq", s);
        }
    });

    public static byte[] Presence(string playerId, bool connected) => Write(w =>
    {
        w.WriteString("type", "presence");
        w.WriteString("player_id", playerId);
        w.WriteBoolean("connected", connected);
    });

    public static byte[] System(string text) => Write(w =>
    {
        w.WriteString("type", "system");
        w.WriteString("text", text);
    });

    public static byte[] Ping(DateTimeOffset now) => Write(w =>
    {
        w.WriteString("type", "ping");
        w.WriteString("ts", EventJson.Iso(now));
    });

    public static byte[] Resync(long lastSeq) => Write(w =>
    {
        w.WriteString("type", "resync");
        w.WriteNumber("last_seq", lastSeq);
    });

    public static byte[] Error(string code, string message, string? clientId = null) => Write(w =>
    {
        w.WriteString("type", "error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        if (clientId is not null)
        {
            w.WriteString("client_id", clientId);
        }
    });

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EngineJson.Options.Encoder }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
