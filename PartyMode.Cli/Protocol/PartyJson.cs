using System.Text.Json;
using PartyMode.Engine.Model;

namespace PartyMode.Cli.Protocol;

/// <summary>Writes the roster (<c>party</c>) with each line's <c>connected</c> flag, which only the host knows.</summary>
internal static class PartyJson
{
    /// <summary>Writes the <c>party</c> property.</summary>
    public static void WriteProperty(Utf8JsonWriter w, IReadOnlyList<PartyMember> party, Func<string, bool> isConnected)
    {
        w.WriteStartArray("party");
        foreach (var m in party)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("name", m.Name);
            if (m.Class is not null)
            {
                w.WriteString("class", m.Class);
            }

            WriteNumber(w, "level", m.Level);
            WriteNumber(w, "hp", m.Hp);
            WriteNumber(w, "max_hp", m.MaxHp);
            WriteNumber(w, "ac", m.Ac);
            if (m.Conditions is not null)
            {
                w.WriteStartArray("conditions");
                foreach (var c in m.Conditions)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
            }

            w.WriteBoolean("connected", isConnected(m.Id));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}
