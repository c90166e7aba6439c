using PartyMode.Engine.Combat;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary>One-tap damage and healing of a combatant (docs/protocol.md §8.2): a PC's goes through its sheet, an NPC's changes its HP (status word follows).</summary>
internal sealed class CombatantHealth(TableState table, SheetChangeBook changes)
{
    public (Combatant Combatant, SheetChangeResult? Sheet, string Summary) Change(Transaction tx, string id, int? amount, bool heal)
    {
        var state = table.Combat is { Active: true } s ? s : throw GameException.Conflict("no_combat", "No fight is on, so there are no combatants; change a PC with POST /api/dm/characters/{id}/changes.");
        var c = state.Combatants.Find(x => x.Id == id) ?? throw GameException.NotFound("combatant", id);
        if (amount is not { } n || n < 0)
        {
            throw GameException.BadRequest("bad_change", $"'amount' must be a whole number of 0 or more{(amount is null ? "" : $", not {amount}")}.");
        }

        if (c.Kind == CombatantKind.Pc && table.Characters.ContainsKey(id))
        {
            var op = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["op"] = heal ? "heal" : "damage", ["amount"] = n });
            var result = changes.DmChange(tx, id, op);
            return (EngineJson.Clone(c), result, result.Change.Summary);
        }

        var before = c.Hp ?? throw GameException.BadRequest("bad_change", $"{c.Name}'s HP is not known; set it first (PATCH /api/dm/combat/combatants/{id} {{\"hp\":…}}).");
        c.Hp = heal ? (c.MaxHp is { } max ? Math.Min(max, before + n) : before + n) : Math.Max(0, before - n);
        if (!heal)
        {
            c.MaxHp ??= before;
        }

        tx.StoreCombat(state);
        var word = CombatView.StatusOf(c).ToString().ToLowerInvariant();
        var summary = heal ? $"{c.Name} regained {c.Hp - before} HP ({before} → {c.Hp}): {word}" : $"{c.Name} took {n} damage ({before} → {c.Hp}): {word}";
        return (EngineJson.Clone(c), null, summary);
    }
}
