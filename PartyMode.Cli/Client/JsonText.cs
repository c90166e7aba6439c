using System.Text.Json.Nodes;
using PartyMode.Engine;
using System.Globalization;
using System.Text.Json;

namespace PartyMode.Cli.Client;

/// <summary>Small readers for DM API answers (which stay JSON) and the commands' JSON output.</summary>
internal static class JsonText
{
    // Relaxed escaping keeps names like "Marta's" readable; the output is JSON for scripts, never HTML.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions OneLine = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Pretty(JsonElement element) => Text(element, Indented);

    /// <summary>The element as one line of JSON.</summary>
    public static string Compact(JsonElement element) => Text(element, OneLine);

    /// <summary>A node as an element (tool results), through generated metadata: no reflection in the AOT binary.</summary>
    public static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node, EngineJson.Info<JsonNode?>());

    private static string Text(JsonElement element, JsonWriterOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Str(this JsonElement element, string name, string fallback = "")
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? fallback,
            JsonValueKind.Null or JsonValueKind.Undefined => fallback,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
    }

    public static bool Bool(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static long Long(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? (long)value.GetDouble()
            : 0;

    public static JsonElement Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name)
    {
        var list = element.Prop(name);
        return list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
    }

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m {span.Seconds:00}s");
    }
}
