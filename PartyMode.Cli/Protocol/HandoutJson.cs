using System.Text.Json;
using PartyMode.Engine.Events;
using PartyMode.Engine.Handouts;

namespace PartyMode.Cli.Protocol;

/// <summary>The wire form of handouts (docs/protocol.md §9): records, list entries, the <c>handout</c> event's fields and the <c>tv</c> frame.</summary>
internal static class HandoutJson
{
    /// <summary>The <c>handout</c> event's own fields (the common ones and <c>text</c> are written by <see cref="EventJson"/>).</summary>
    public static void WriteEventFields(Utf8JsonWriter w, GameEvent e)
    {
        if (e.HandoutId is null)
        {
            return;
        }

        w.WriteString("handout_id", e.HandoutId);
        w.WriteIfPresent("title", e.Title);
        w.WriteIfPresent("width", e.Width);
        w.WriteIfPresent("height", e.Height);
    }

    /// <summary><c>{id, title, type, bytes, width, height, sha256, created_at, subject?}</c>.</summary>
    public static void WriteHandout(Utf8JsonWriter w, Handout h)
    {
        w.WriteStartObject();
        WriteHandoutFields(w, h);
        w.WriteEndObject();
    }

    /// <summary>A list entry: the record plus the newest showing the viewer saw (<c>shown_seq</c>, <c>shown_at</c>, its <c>text</c>).</summary>
    public static void WriteEntry(Utf8JsonWriter w, HandoutEntry entry)
    {
        w.WriteStartObject();
        WriteHandoutFields(w, entry.Handout);
        if (entry.LastShown is { } shown)
        {
            w.WriteNumber("shown_seq", shown.Seq);
            w.WriteString("shown_at", EventJson.Iso(shown.Ts));
            w.WriteIfPresent("text", shown.Text);
        }

        w.WriteEndObject();
    }

    /// <summary>The welcome's <c>tv</c>: <c>{handout_id, title, type, width, height}</c>, or <c>{}</c> when the TV shows the story.</summary>
    public static void WriteTvSlot(Utf8JsonWriter w, Handout? h)
    {
        w.WriteStartObject();
        WriteTvFields(w, h);
        w.WriteEndObject();
    }

    /// <summary><c>{"type":"tv", handout_id?, title?, type?, width?, height?}</c> to observers and the DM.</summary>
    public static byte[] TvFrame(Handout? h) => Frames.Write(w =>
    {
        w.WriteString("type", "tv");
        WriteTvFields(w, h);
    });

    private static void WriteTvFields(Utf8JsonWriter w, Handout? h)
    {
        if (h is null)
        {
            return;
        }

        w.WriteString("handout_id", h.Id);
        w.WriteString("title", h.Title);
        // "type" is the frame's own field; the image's media type goes as "media_type".
        w.WriteString("media_type", h.Type);
        w.WriteNumber("width", h.Width);
        w.WriteNumber("height", h.Height);
    }

    private static void WriteHandoutFields(Utf8JsonWriter w, Handout h)
    {
        w.WriteString("id", h.Id);
        w.WriteString("title", h.Title);
        w.WriteString("type", h.Type);
        w.WriteNumber("bytes", h.Bytes);
        w.WriteNumber("width", h.Width);
        w.WriteNumber("height", h.Height);
        w.WriteString("sha256", h.Sha256);
        w.WriteString("created_at", EventJson.Iso(h.CreatedAt));
        w.WriteIfPresent("subject", h.Subject);
    }
}
