using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

/// <summary>The JSON conventions of the wire and the store: snake_case, enums as strings, nulls omitted.</summary>
public static class EngineJson
{
    /// <summary>Shared serializer options (thread-safe once built).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The browser renders text with textContent; keep non-ASCII readable on the wire.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new AudienceJsonConverter());
        // Generated metadata first; reflection only for types the context does not list.
        options.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            EngineJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Deep copy through JSON (snapshots handed to other threads).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>An independent copy.</returns>
    public static T Clone<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Options), Options)!;

    private sealed class AudienceJsonConverter : JsonConverter<Audience>
    {
        public override Audience Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Audience.Parse(reader.GetString() ?? "dm");

        public override void Write(Utf8JsonWriter writer, Audience value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
