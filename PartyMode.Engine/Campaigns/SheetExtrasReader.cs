using System.Text.Json;
using PartyMode.Engine.Dice;
using PartyMode.Engine.Model;

namespace PartyMode.Engine.Campaigns;

/// <summary>Reads the sheet fields of docs/protocol.md §8.1 (all optional), each problem named by its JSON path.</summary>
internal static class SheetExtrasReader
{
    public static readonly string[] Fields =
    [
        "proficiency_bonus", "speed", "initiative_bonus", "passive_perception", "hit_dice", "death_saves",
        "spells", "attacks", "coins", "languages", "notes", "dm_notes",
    ];

    private static readonly string[] HitDieKinds = ["d6", "d8", "d10", "d12"];

    public static void Read(FieldReader r, Character c, string path, List<string> problems)
    {
        c.ProficiencyBonus = OptionalInt(r, "proficiency_bonus", 0, 10);
        c.Speed = OptionalInt(r, "speed", 0, 500);
        c.InitiativeBonus = OptionalInt(r, "initiative_bonus", -10, 30);
        c.PassivePerception = OptionalInt(r, "passive_perception", 0, 50);
        c.Languages = r.Strings("languages");
        c.Notes = r.String("notes", false);
        c.DmNotes = r.String("dm_notes", false);
        c.HitDice = ReadHitDice(r, path, problems);
        c.DeathSaves = ReadDeathSaves(r, path, problems);
        c.Coins = ReadCoins(r, path, problems);
        c.Spells = ReadSpells(r, problems);
        c.Attacks = ReadAttacks(r, problems);
    }

    private static int? OptionalInt(FieldReader r, string name, int min, int max) =>
        r.Has(name) ? r.Int(name, min, max, 0) : null;

    private static HitDice? ReadHitDice(FieldReader r, string path, List<string> problems)
    {
        if (!r.TryGet("hit_dice", out var element))
        {
            return null;
        }

        var h = new FieldReader(element, path + ".hit_dice", problems, ["die", "total", "used"]);
        if (!h.IsObject)
        {
            return null;
        }

        var dice = new HitDice { Die = h.String("die", true) ?? "d8", Total = h.Int("total", 1, 30, 1, required: true), Used = h.Int("used", 0, 30, 0) };
        if (!HitDieKinds.Contains(dice.Die))
        {
            problems.Add($"{path}.hit_dice.die: must be one of {string.Join(", ", HitDieKinds)}");
        }

        if (dice.Used > dice.Total)
        {
            problems.Add($"{path}.hit_dice.used: must be at most total ({dice.Total})");
        }

        return dice;
    }

    private static DeathSaves? ReadDeathSaves(FieldReader r, string path, List<string> problems)
    {
        if (!r.TryGet("death_saves", out var element))
        {
            return null;
        }

        var d = new FieldReader(element, path + ".death_saves", problems, ["successes", "failures"]);
        if (!d.IsObject)
        {
            return null;
        }

        return new DeathSaves { Successes = d.Int("successes", 0, 3, 0), Failures = d.Int("failures", 0, 3, 0) };
    }

    private static Coins? ReadCoins(FieldReader r, string path, List<string> problems)
    {
        if (!r.TryGet("coins", out var element))
        {
            return null;
        }

        var m = new FieldReader(element, path + ".coins", problems, ["cp", "sp", "ep", "gp", "pp"]);
        if (!m.IsObject)
        {
            return null;
        }

        const int max = 10_000_000;
        return new Coins { Cp = m.Int("cp", 0, max, 0), Sp = m.Int("sp", 0, max, 0), Ep = m.Int("ep", 0, max, 0), Gp = m.Int("gp", 0, max, 0), Pp = m.Int("pp", 0, max, 0) };
    }

    private static List<Spell> ReadSpells(FieldReader r, List<string> problems)
    {
        var spells = new List<Spell>();
        foreach (var (element, itemPath) in r.Array("spells", false))
        {
            var s = new FieldReader(element, itemPath, problems, ["name", "level", "prepared", "text"]);
            if (!s.IsObject)
            {
                continue;
            }

            spells.Add(new Spell
            {
                Name = s.String("name", true) ?? "",
                Level = s.Int("level", 0, 9, 0, required: true),
                Prepared = s.Has("prepared") ? s.Bool("prepared") : null,
                Text = s.String("text", false),
            });
        }

        return spells;
    }

    private static List<Attack> ReadAttacks(FieldReader r, List<string> problems)
    {
        var attacks = new List<Attack>();
        foreach (var (element, itemPath) in r.Array("attacks", false))
        {
            var a = new FieldReader(element, itemPath, problems, ["name", "to_hit", "damage", "damage_type"]);
            if (!a.IsObject)
            {
                continue;
            }

            var attack = new Attack
            {
                Name = a.String("name", true) ?? "",
                ToHit = a.Int("to_hit", -10, 30, 0, required: true),
                Damage = a.String("damage", true) ?? "",
                DamageType = a.String("damage_type", false),
            };
            if (attack.Damage.Length > 0 && !IsDice(attack.Damage))
            {
                problems.Add($"{itemPath}.damage: must be a dice expression like 1d8+3");
            }

            attacks.Add(attack);
        }

        return attacks;
    }

    private static bool IsDice(string expression)
    {
        try
        {
            // A fixed seed: only the expression's shape is being checked.
            DiceRoller.Roll(expression, new Random(0));
            return true;
        }
        catch (GameException)
        {
            return false;
        }
    }
}
