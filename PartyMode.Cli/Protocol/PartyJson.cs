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
            w.WriteIfPresent("class", m.Class);

            w.WriteIfPresent("level", m.Level);
            w.WriteIfPresent("hp", m.Hp);
            w.WriteIfPresent("max_hp", m.MaxHp);
            w.WriteIfPresent("ac", m.Ac);
            w.WriteIfPresent("conditions", m.Conditions);

            w.WriteBoolean("connected", isConnected(m.Id));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
