using System.Buffers;
using System.Text.Json;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Events;

namespace PartyMode.Cli.Sockets;

/// <summary>Builds the JSON of state messages (docs/protocol.md §4.5).</summary>
internal static class Frames
{
    public static byte[] Of<T>(string type, string property, T payload, bool writeNull = false)
    {
        return Write(w =>
        {
            w.WriteString("type", type);
            if (payload is null)
            {
                if (writeNull)
                {
                    w.WriteNull(property);
                }

                return;
            }

            w.WritePropertyName(property);
            JsonSerializer.Serialize(w, payload, EngineJson.Options);
        });
    }

    public static byte[] ActionStatus(GameAction a) => Write(w =>
    {
        w.WriteString("type", "action_status");
        w.WriteString("action_id", a.Id);
        if (a.ClientId is not null)
        {
            w.WriteString("client_id", a.ClientId);
        }

        w.WriteString("status", EventWire.StatusName(a.Status));
        if (a.Reason is not null)
        {
            w.WriteString("reason", a.Reason);
        }

        w.WritePropertyName("action");
        EventWire.WriteAction(w, a);
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
        w.WriteString("ts", EventWire.Iso(now));
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
