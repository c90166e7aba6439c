using PartyMode.Engine.Table;

namespace PartyMode.Engine.Combat;

/// <summary>Checks the DM's combatant list and builds the initiative entries (a PC's numbers default to its sheet).</summary>
internal static class CombatantBuilder
{
    private const int MaxCombatants = 100;
    private const int MaxConditions = 20;
    private const int MaxConditionLength = 64;

    public static List<Combatant> Build(TableState table, IReadOnlyList<CombatantSpec> specs)
    {
        if (specs.Count == 0)
        {
            throw GameException.BadRequest("bad_combatant", "Give at least one combatant.");
        }

        if (specs.Count > MaxCombatants)
        {
            throw GameException.BadRequest("bad_combatant", $"At most {MaxCombatants} combatants.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Combatant>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i] ?? throw GameException.BadRequest("bad_combatant", $"Combatant {i + 1} is empty.");
            var id = s.Id?.Trim() ?? "";
            var where = id.Length == 0 ? $"Combatant {i + 1}" : $"Combatant '{id}'";
            if (!IsCombatantId(id))
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: id must be 1 to 64 letters, digits, '-' or '_'.");
            }

            if (!seen.Add(id))
            {
                throw GameException.BadRequest("bad_combatant", $"{where} is listed twice; ids must be unique.");
            }

            var isCharacter = table.Characters.TryGetValue(id, out var sheet);
            var kind = s.Kind switch
            {
                null => isCharacter ? CombatantKind.Pc : CombatantKind.Npc,
                "pc" => CombatantKind.Pc,
                "npc" => CombatantKind.Npc,
                _ => throw GameException.BadRequest("bad_combatant", $"{where}: kind must be \"pc\" or \"npc\"."),
            };
            if (kind == CombatantKind.Pc && !isCharacter)
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: no character with that id. Characters: {string.Join(", ", table.CharacterOrder)}.");
            }

            if (kind == CombatantKind.Npc && isCharacter)
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: that id is a player character's; use kind \"pc\" or another id.");
            }

            if (s.Initiative is not { } initiative)
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: initiative is required.");
            }

            CheckRange(where, "initiative", initiative, -100, 1000);
            CheckRange(where, "hp", s.Hp, 0, 100_000);
            CheckRange(where, "max_hp", s.MaxHp, 1, 100_000);
            CheckRange(where, "ac", s.Ac, 0, 100);
            CheckRange(where, "dex", s.Dex, 1, 100);
            var name = s.Name?.Trim();
            if (kind == CombatantKind.Npc && string.IsNullOrEmpty(name))
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: an NPC needs a name.");
            }

            if (name is { Length: > 100 })
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: the name is over 100 characters.");
            }

            var c = new Combatant { Id = id, Kind = kind, Initiative = initiative, Hidden = s.Hidden ?? false, Order = i };
            if (kind == CombatantKind.Pc)
            {
                c.Name = string.IsNullOrEmpty(name) ? sheet!.Name : name;
                c.MaxHp = s.MaxHp ?? sheet!.MaxHp;
                c.Hp = s.Hp ?? sheet!.Hp;
                c.Ac = s.Ac ?? sheet!.Ac;
                c.Dex = s.Dex ?? sheet!.Abilities.Dex;
                c.Conditions = [.. sheet!.Conditions];
            }
            else
            {
                c.Name = name!;
                c.Hp = s.Hp ?? s.MaxHp;
                c.MaxHp = s.MaxHp ?? s.Hp;
                c.Ac = s.Ac;
                c.Dex = s.Dex ?? 10;
            }

            result.Add(c);
        }

        return result;
    }

    public static List<string> CleanConditions(IReadOnlyList<string> conditions)
    {
        var cleaned = conditions.Select(c => c?.Trim() ?? "").ToList();
        if (cleaned.Count > MaxConditions || cleaned.Any(c => c.Length is 0 or > MaxConditionLength))
        {
            throw GameException.BadRequest("bad_combatant", $"conditions: at most {MaxConditions} non-empty words of up to {MaxConditionLength} characters.");
        }

        return cleaned.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void CheckRange(string where, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw GameException.BadRequest("bad_combatant", $"{where}: {field} must be between {min} and {max}.");
        }
    }

    private static bool IsCombatantId(string id) =>
        id.Length is > 0 and <= 64 && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');
}
