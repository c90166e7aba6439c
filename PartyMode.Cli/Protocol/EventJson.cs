using System.Text.Json;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Events;

namespace PartyMode.Cli.Protocol;

/// <summary>Writes events and actions in their wire form: the stored form without the audience.</summary>
internal static class EventJson
{
    /// <summary>
    /// The event's wire JSON, serialized once and shared by every socket, replay and HTTP page that
    /// sends it (events never change once committed). Two threads may both serialize it the first time;
    /// either copy is the same.
    /// </summary>
    /// <param name="e">A committed event.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Bytes(GameEvent e)
    {
        if (e.HostCache is byte[] cached)
        {
            return cached;
        }

        var bytes = Serialize(e);
        e.HostCache = bytes;
        return bytes;
    }

    /// <summary>Serializes one event to UTF-8 JSON.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Serialize(GameEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EngineJson.Options.Encoder }))
        {
            Write(writer, e);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one event as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="e">The event.</param>
    public static void Write(Utf8JsonWriter writer, GameEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("type", e.Type);
        writer.WriteNumber("seq", e.Seq);
        writer.WriteString("ts", Iso(e.Ts));
        writer.WriteIfPresent("text", e.Text);
        writer.WriteIfPresent("action_id", e.ActionId);
        writer.WriteIfPresent("actor", e.Actor);
        writer.WriteIfPresent("to", e.To);
        writer.WriteIfPresent("from", e.From);
        if (e.Action is not null)
        {
            writer.WritePropertyName("action");
            WriteAction(writer, e.Action);
        }

        writer.WriteIfPresent("expr", e.Expr);
        writer.WriteIfPresent("total", e.Total);
        if (e.Rolls is not null)
        {
            writer.WriteStartArray("rolls");
            foreach (var r in e.Rolls)
            {
                writer.WriteNumberValue(r);
            }

            writer.WriteEndArray();
        }

        writer.WriteIfPresent("label", e.Label);
        writer.WriteIfPresent("for", e.For);
        writer.WriteIfPresent("visibility", e.Visibility);
        RollJson.WriteRollFields(writer, e);
        HandoutJson.WriteEventFields(writer, e);
        writer.WriteEndObject();
    }

    /// <summary>Writes an action in its public shape.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="a">The action.</param>
    public static void WriteAction(Utf8JsonWriter writer, GameAction a)
    {
        writer.WriteStartObject();
        writer.WriteString("id", a.Id);
        writer.WriteNumber("seq", a.Seq);
        writer.WriteString("player_id", a.PlayerId);
        writer.WriteString("text", a.Text);
        writer.WriteBoolean("private", a.Private);
        writer.WriteString("status", StatusWords.Name(a.Status));
        writer.WriteIfPresent("client_id", a.ClientId);
        writer.WriteString("submitted_at", Iso(a.SubmittedAt));
        if (a.ResolvedAt is { } resolved)
        {
            writer.WriteString("resolved_at", Iso(resolved));
        }

        writer.WriteIfPresent("reason", a.Reason);
        writer.WriteEndObject();
    }

    /// <summary>ISO 8601 UTC with milliseconds.</summary>
    /// <param name="t">The instant.</param>
    /// <returns>The text.</returns>
    public static string Iso(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
