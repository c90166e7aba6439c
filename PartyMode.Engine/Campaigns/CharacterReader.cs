using System.Text.Json;
using PartyMode.Engine.Model;

namespace PartyMode.Engine.Campaigns;

/// <summary>Reads and checks one character sheet (campaign files and sheet patches), reporting every problem with its JSON path.</summary>
internal static class CharacterReader
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(
        [
            "id", "name", "player_name", "race", "class", "level", "ac", "hp", "max_hp", "temp_hp", "conditions",
            "abilities", "skills", "saving_throws", "inventory", "spell_slots", "features", "secret_background",
            .. SheetExtrasReader.Fields,
            "source_id", "image",
        ],
        StringComparer.Ordinal);

    private static readonly string[] AbilityNames = ["str", "dex", "con", "int", "wis", "cha"];

    /// <summary>Reads and checks one character sheet.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="path">Its JSON path, for messages.</param>
    /// <param name="problems">Where problems are added.</param>
    /// <returns>The character, or null when it is not an object.</returns>
    public static Character? Read(JsonElement element, string path, List<string> problems)
    {
        var r = new FieldReader(element, path, problems, Fields);
        if (!r.IsObject)
        {
            return null;
        }

        var c = new Character
        {
            Id = r.Id("id", true),
            Name = r.String("name", true) ?? "",
            PlayerName = r.String("player_name", false) ?? "",
            Race = r.String("race", false) ?? "",
            Class = r.String("class", false) ?? "",
            Level = r.Int("level", 1, 20, 1),
            Ac = r.Int("ac", 0, 50, 10),
            MaxHp = r.Int("max_hp", 1, 10_000, 1, required: true),
            TempHp = r.Int("temp_hp", 0, 10_000, 0),
            Conditions = r.Strings("conditions"),
            Inventory = r.Strings("inventory"),
            Features = r.Strings("features"),
            Skills = r.IntMap("skills", null),
            SavingThrows = r.IntMap("saving_throws", AbilityNames),
            SecretBackground = r.String("secret_background", false),
            SourceId = r.String("source_id", false),
            Image = r.String("image", false),
        };
        c.Hp = r.Int("hp", 0, 10_000, c.MaxHp, required: true);
        if (c.Hp > c.MaxHp && r.Has("hp") && r.Has("max_hp"))
        {
            problems.Add($"{path}.hp: must be at most max_hp ({c.MaxHp})");
        }

        c.Abilities = ReadAbilities(r, path, problems);
        c.SpellSlots = ReadSpellSlots(r, path, problems);
        SheetExtrasReader.Read(r, c, path, problems);
        return c;
    }

    private static AbilityScores ReadAbilities(FieldReader r, string path, List<string> problems)
    {
        var scores = new AbilityScores();
        if (!r.TryGet("abilities", out var element))
        {
            return scores;
        }

        var a = new FieldReader(element, path + ".abilities", problems, AbilityNames);
        if (!a.IsObject)
        {
            return scores;
        }

        scores.Str = a.Int("str", 1, 30, 10);
        scores.Dex = a.Int("dex", 1, 30, 10);
        scores.Con = a.Int("con", 1, 30, 10);
        scores.Int = a.Int("int", 1, 30, 10);
        scores.Wis = a.Int("wis", 1, 30, 10);
        scores.Cha = a.Int("cha", 1, 30, 10);
        return scores;
    }

    private static Dictionary<string, SpellSlot> ReadSpellSlots(FieldReader r, string path, List<string> problems)
    {
        var slots = new Dictionary<string, SpellSlot>(StringComparer.Ordinal);
        if (!r.TryGet("spell_slots", out var element))
        {
            return slots;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}.spell_slots: must be an object like {{\"1\":{{\"used\":0,\"max\":2}}}}");
            return slots;
        }

        foreach (var level in element.EnumerateObject())
        {
            var levelPath = $"{path}.spell_slots.{level.Name}";
            if (level.Name.Length != 1 || level.Name[0] is < '1' or > '9')
            {
                problems.Add($"{levelPath}: spell levels are \"1\" to \"9\"");
                continue;
            }

            var s = new FieldReader(level.Value, levelPath, problems, ["used", "max"]);
            if (!s.IsObject)
            {
                continue;
            }

            var slot = new SpellSlot { Max = s.Int("max", 0, 20, 0, required: true), Used = s.Int("used", 0, 20, 0) };
            if (slot.Used > slot.Max)
            {
                problems.Add($"{levelPath}.used: must be at most max ({slot.Max})");
            }

            slots[level.Name] = slot;
        }

        return slots;
    }
}
