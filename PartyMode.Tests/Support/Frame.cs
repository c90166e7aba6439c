using System.Text.Json;

namespace PartyMode.Tests.Support;

/// <summary>One received frame: its raw text (for leak checks) and its parsed JSON.</summary>
internal sealed class Frame
{
    public Frame(string raw, int connection)
    {
        Raw = raw;
        Connection = connection;
        using var doc = JsonDocument.Parse(raw);
        Json = doc.RootElement.Clone();
        Type = Json.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        Seq = Json.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number && Type != "action_status" ? s.GetInt64() : null;
    }

    public string Raw { get; }

    public int Connection { get; }

    public JsonElement Json { get; }

    public string Type { get; }

    public long? Seq { get; }

    public string? Text => Json.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    public override string ToString() => Raw;
}
