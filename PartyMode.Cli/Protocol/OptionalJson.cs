using System.Text.Json;

namespace PartyMode.Cli.Protocol;

/// <summary>Writes a property only when it has a value: the wire leaves absent fields out rather than sending null.</summary>
internal static class OptionalJson
{
    public static void WriteIfPresent(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    public static void WriteIfPresent(this Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    public static void WriteIfPresent(this Utf8JsonWriter w, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
