using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        // One generic converter per enum: the non-generic factory needs code generated at run time (Native AOT).
        AddEnum<Role>(options);
        AddEnum<AudienceKind>(options);
        AddEnum<Actions.ActionStatus>(options);
        AddEnum<Combat.CombatantKind>(options);
        AddEnum<Combat.CombatantStatus>(options);
        AddEnum<Combat.CombatMode>(options);
        AddEnum<Rolls.RollRequestStatus>(options);
        AddEnum<Sheets.SheetAccess>(options);
        AddEnum<Sheets.SheetChangeStatus>(options);
        AddEnum<ErrorKind>(options);
        AddEnum<AuthStatus>(options);
        options.Converters.Add(new AudienceJsonConverter());
        // Generated metadata only: no reflection, so the Native AOT binary behaves as the tests do.
        options.TypeInfoResolver = EngineJsonContext.Default;
        options.MakeReadOnly();
        return options;
    }

    private static void AddEnum<T>(JsonSerializerOptions options)
        where T : struct, Enum =>
        options.Converters.Add(new JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower));

    /// <summary>The generated metadata of <typeparamref name="T"/> with these options' naming and converters.</summary>
    /// <typeparam name="T">A type the engine's JSON context lists.</typeparam>
    /// <returns>The type info, for the <see cref="JsonSerializer"/> overloads that need no reflection.</returns>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Deep copy through JSON (snapshots handed to other threads).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>An independent copy.</returns>
    public static T Clone<T>(T value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, Info<T>()), Info<T>())!;

    private sealed class AudienceJsonConverter : JsonConverter<Audience>
    {
        public override Audience Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Audience.Parse(reader.GetString() ?? "dm");

        public override void Write(Utf8JsonWriter writer, Audience value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
