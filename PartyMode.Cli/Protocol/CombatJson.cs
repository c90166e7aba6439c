using System.Text.Json;
using PartyMode.Engine.Combat;

namespace PartyMode.Cli.Protocol;

/// <summary>Writes a viewer's combat view (<c>combat_state.combat</c>, the HTTP <c>{combat}</c>): fields a viewer may not see are left out.</summary>
internal static class CombatJson
{
    /// <summary>Writes the <c>combat</c> property (null out of combat).</summary>
    public static void WriteProperty(Utf8JsonWriter w, CombatView? view)
    {
        w.WritePropertyName("combat");
        Write(w, view);
    }

    public static void Write(Utf8JsonWriter w, CombatView? view)
    {
        if (view is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteBoolean("active", view.Active);
        w.WriteBoolean("in_combat", view.InCombat);
        w.WriteString("mode", view.Mode == CombatMode.Simultaneous ? "simultaneous" : "turn_based");
        w.WriteNumber("round", view.Round);
        // Always present: null says "not yours to know" (or a simultaneous round).
        w.WriteString("current_turn", view.CurrentTurn);
        w.WriteBoolean("your_turn", view.YourTurn);
        // docs/protocol.md §4.5.4: always present, null when no PC is next.
        w.WriteString("on_deck", view.OnDeck);
        w.WriteStartArray("initiative");
        foreach (var c in view.Initiative)
        {
            WriteEntry(w, c);
        }

        w.WriteEndArray();
        if (view.Prompt is not null)
        {
            w.WriteString("prompt", view.Prompt);
        }

        if (view.Deadline is { } deadline)
        {
            w.WriteString("deadline", EventJson.Iso(deadline));
        }

        w.WriteIfPresent("submitted", view.Submitted);
        w.WriteIfPresent("waiting_for", view.WaitingFor);
        w.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter w, CombatantView c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        w.WriteString("kind", c.Kind == CombatantKind.Pc ? "pc" : "npc");
        w.WriteNumber("initiative", c.Initiative);
        w.WriteIfPresent("hp", c.Hp);
        w.WriteIfPresent("max_hp", c.MaxHp);
        w.WriteIfPresent("ac", c.Ac);
        if (c.Status is { } status)
        {
            w.WriteString("status", status switch
            {
                CombatantStatus.Down => "down",
                CombatantStatus.Bloodied => "bloodied",
                _ => "healthy",
            });
        }

        w.WriteIfPresent("conditions", c.Conditions);
        if (c.Hidden is { } hidden)
        {
            w.WriteBoolean("hidden", hidden);
        }

        w.WriteIfPresent("dex", c.Dex);
        w.WriteEndObject();
    }
}
