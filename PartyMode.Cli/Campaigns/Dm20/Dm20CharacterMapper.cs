using System.Globalization;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>One dm20 <c>Character</c> (dm20-protocol's models.py) as a PartyMode sheet (docs/protocol.md §10.2).</summary>
internal static class Dm20CharacterMapper
{
    public static JsonObject? Map(JsonNode? value, string key, string path, Slugs ids, List<string> problems, Dm20Report report)
    {
        var f = Dm20Fields.Of(value, path, problems);
        if (f is null)
        {
            return null;
        }

        var name = f.Str("name", required: true) ?? key;
        var sourceId = f.Str("id") ?? key;
        var entry = new Dm20ReportEntry("character", name, ids.Next(name, key), sourceId);
        report.Entries.Add(entry);
        var c = new JsonObject { ["id"] = entry.Id, ["source_id"] = sourceId, ["name"] = name };
        if (f.Str("player_name") is { } player)
        {
            c["player_name"] = player;
        }

        var classes = Dm20Classes.Read(f, problems);
        var level = Math.Clamp(classes.Sum(k => k.Level), 1, 20);
        c["race"] = Race(f, problems, out var traits);
        c["class"] = Dm20Classes.Describe(classes);
        c["level"] = level;
        c["ac"] = f.Int("armor_class", 10, 0, 50);
        var maxHp = f.Int("hit_points_max", 1, 1, 10_000);
        var hp = f.Int("hit_points_current", 1, -10_000, 10_000);
        if (hp > maxHp || hp < 0)
        {
            entry.Adjusted.Add($"hit_points_current {hp} is outside 0..{maxHp}; PartyMode starts it at {Math.Clamp(hp, 0, maxHp)}");
        }

        c["max_hp"] = maxHp;
        c["hp"] = Math.Clamp(hp, 0, maxHp);
        c["temp_hp"] = f.Int("temporary_hit_points", 0, 0, 10_000);
        c["conditions"] = Strings(f.Strings("conditions"));
        var scores = Abilities(f, problems, entry);
        c["abilities"] = new JsonObject(scores.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value)));
        // dm20 recomputes the bonus from the total level on load, whatever the file says.
        f.Use("proficiency_bonus");
        var proficiency = Dm20Rules.ProficiencyBonus(classes.Sum(k => k.Level));
        c["proficiency_bonus"] = proficiency;
        c["skills"] = Skills(f, scores, proficiency, entry);
        c["saving_throws"] = Saves(f, scores, proficiency, entry);
        c["speed"] = f.Int("speed", 30, 0, 500);
        c["hit_dice"] = HitDice(f, classes, level, problems, entry);
        c["death_saves"] = new JsonObject { ["successes"] = f.Int("death_saves_success", 0, 0, 3), ["failures"] = f.Int("death_saves_failure", 0, 0, 3) };
        c["inventory"] = Strings(Dm20Items.Inventory(f, problems));
        c["spell_slots"] = SpellSlots(f, problems, entry);
        c["spells"] = Spells(f, problems);
        c["features"] = Strings(Features(f, problems, traits));
        c["languages"] = Strings(f.Strings("languages"));
        if (Dm20Coins.Read(f, problems) is { } coins)
        {
            c["coins"] = coins;
        }

        if (f.Str("bio") is { Length: > 0 } bio)
        {
            // The backstory is the player's own: PartyMode shows it only to its owner and the DM.
            c["secret_background"] = bio;
        }

        c["notes"] = Notes(f);
        // Timestamps and the id are dm20's bookkeeping: nothing a player or the DM reads.
        f.Use("id", "created_at", "updated_at");
        entry.NotCarried.AddRange(f.Unused().Select(k => Describe(f, k)));
        return c;
    }

    private static string Race(Dm20Fields f, List<string> problems, out List<string> traits)
    {
        traits = [];
        var race = f.Raw("race");
        if (race is null)
        {
            problems.Add($"{f.Path}.race: is required (an object with a name, as dm20 writes it)");
            return "";
        }

        var r = Dm20Fields.Of(race, f.Path + ".race", problems);
        if (r is null)
        {
            return "";
        }

        var name = r.Str("name", required: true) ?? "";
        var subrace = r.Str("subrace");
        traits = r.Strings("traits").Select(t => $"{t} ({subrace ?? name})").ToList();
        return subrace is { Length: > 0 } && !subrace.Contains(name, StringComparison.OrdinalIgnoreCase) ? $"{subrace} {name}" : subrace ?? name;
    }

    private static Dictionary<string, int> Abilities(Dm20Fields f, List<string> problems, Dm20ReportEntry entry)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal) { ["str"] = 10, ["dex"] = 10, ["con"] = 10, ["int"] = 10, ["wis"] = 10, ["cha"] = 10 };
        var abilities = f.Object("abilities");
        foreach (var (name, value) in abilities ?? [])
        {
            var at = $"{f.Path}.abilities.{name}";
            if (!Dm20Rules.Abilities.TryGetValue(name, out var shortName))
            {
                entry.NotCarried.Add($"abilities.{name} (not one of the six abilities)");
                continue;
            }

            var a = Dm20Fields.Of(value, at, problems);
            if (a is not null)
            {
                scores[shortName] = a.Int("score", 10, 1, 30);
                if (!a.Node.ContainsKey("score"))
                {
                    problems.Add($"{at}.score: is required (1 to 30)");
                }
            }
        }

        return scores;
    }

    private static JsonObject Skills(Dm20Fields f, Dictionary<string, int> scores, int proficiency, Dm20ReportEntry entry)
    {
        var skills = new JsonObject();
        foreach (var name in f.Strings("skill_proficiencies"))
        {
            var key = Dm20Rules.SkillKey(name);
            if (!Dm20Rules.Skills.TryGetValue(key, out var ability))
            {
                entry.NotCarried.Add($"skill_proficiencies: '{name}' (not a 5e skill)");
                continue;
            }

            skills[key] = Dm20Rules.Modifier(scores[ability]) + proficiency;
        }

        return skills;
    }

    private static JsonObject Saves(Dm20Fields f, Dictionary<string, int> scores, int proficiency, Dm20ReportEntry entry)
    {
        var saves = new JsonObject();
        foreach (var name in f.Strings("saving_throw_proficiencies"))
        {
            if (!Dm20Rules.Abilities.TryGetValue(name.Trim(), out var ability))
            {
                entry.NotCarried.Add($"saving_throw_proficiencies: '{name}' (not an ability)");
                continue;
            }

            saves[ability] = Dm20Rules.Modifier(scores[ability]) + proficiency;
        }

        return saves;
    }

    private static JsonObject HitDice(Dm20Fields f, List<Dm20Class> classes, int level, List<string> problems, Dm20ReportEntry entry)
    {
        // dm20 keeps the die in hit_dice_type (default d8) and, in older files, only in the class's hit_dice ("1d6").
        var die = f.Str("hit_dice_type") ?? Dm20Classes.Die(classes.FirstOrDefault()?.HitDice) ?? "d8";
        if (die is not ("d6" or "d8" or "d10" or "d12"))
        {
            entry.Adjusted.Add($"hit_dice_type '{die}' is not d6, d8, d10 or d12; PartyMode uses d8");
            die = "d8";
        }

        var remaining = level;
        if (f.Str("hit_dice_remaining") is { } text)
        {
            var count = Dm20Classes.Count(text);
            if (count is null)
            {
                problems.Add($"{f.Path}.hit_dice_remaining: must be like \"3d8\"");
            }
            else
            {
                remaining = Math.Clamp(count.Value, 0, level);
            }
        }

        return new JsonObject { ["die"] = die, ["total"] = level, ["used"] = level - remaining };
    }

    private static JsonObject SpellSlots(Dm20Fields f, List<string> problems, Dm20ReportEntry entry)
    {
        var slots = new JsonObject();
        var max = f.Object("spell_slots") ?? [];
        var used = f.Object("spell_slots_used") ?? [];
        foreach (var (level, value) in max)
        {
            if (level.Length != 1 || level[0] is < '1' or > '9')
            {
                problems.Add($"{f.Path}.spell_slots.{level}: spell levels are 1 to 9");
                continue;
            }

            var m = Dm20Fields.IntAt(value, $"{f.Path}.spell_slots.{level}", 0, 0, 20, problems);
            var u = Dm20Fields.IntAt(used[level], $"{f.Path}.spell_slots_used.{level}", 0, 0, 20, problems);
            if (u > m)
            {
                entry.Adjusted.Add($"spell_slots_used.{level} is {u} of {m}; PartyMode starts it at {m}");
                u = m;
            }

            slots[level] = new JsonObject { ["used"] = u, ["max"] = m };
        }

        foreach (var level in used.Select(p => p.Key).Where(l => !max.ContainsKey(l)))
        {
            entry.NotCarried.Add($"spell_slots_used.{level} (no spell_slots.{level})");
        }

        return slots;
    }

    private static JsonArray Spells(Dm20Fields f, List<string> problems)
    {
        var spells = new JsonArray();
        foreach (var (item, at) in f.Array("spells_known"))
        {
            var s = Dm20Fields.Of(item, at, problems);
            if (s is null)
            {
                continue;
            }

            var name = s.Str("name", required: true) ?? "";
            var level = s.Int("level", 0, 0, 9);
            // The card's details go into the text, in the order a spell card reads.
            var parts = new[] { s.Str("school"), s.Str("casting_time"), s.Raw("range") is { } range ? $"{range} ft" : null, s.Str("duration"), Components(s) }
                .Where(p => !string.IsNullOrWhiteSpace(p));
            var text = string.Join(" · ", parts);
            if (s.Str("description") is { Length: > 0 } description)
            {
                text = text.Length == 0 ? description : text + ". " + description;
            }

            var spell = new JsonObject { ["name"] = name, ["level"] = level, ["prepared"] = s.Bool("prepared") };
            if (text.Length > 0)
            {
                spell["text"] = text;
            }

            spells.Add((JsonNode)spell);
        }

        return spells;
    }

    private static string? Components(Dm20Fields s)
    {
        var components = string.Join(", ", s.Strings("components"));
        var material = s.Str("material_components");
        return material is { Length: > 0 } ? $"{components} ({material})" : components;
    }

    private static List<string> Features(Dm20Fields f, List<string> problems, List<string> traits)
    {
        var features = new List<string>(f.Strings("features_and_traits"));
        foreach (var (item, at) in f.Array("features"))
        {
            var x = Dm20Fields.Of(item, at, problems);
            if (x is null)
            {
                continue;
            }

            var name = x.Str("name", required: true) ?? "";
            var source = x.Str("source");
            var description = x.Str("description");
            x.Use("level_gained");
            features.Add(name + (source is { Length: > 0 } ? $" ({source})" : "") + (description is { Length: > 0 } ? ": " + description : ""));
        }

        features.AddRange(traits);
        var tools = f.Strings("tool_proficiencies");
        if (tools.Count > 0)
        {
            features.Add("Tool proficiencies: " + string.Join(", ", tools));
        }

        if (f.Str("spellcasting_ability") is { Length: > 0 } casting)
        {
            features.Add("Spellcasting ability: " + casting);
        }

        return features;
    }

    private static string Notes(Dm20Fields f)
    {
        var lines = new List<string>();
        if (f.Str("notes") is { Length: > 0 } notes)
        {
            lines.Add(notes);
        }

        var identity = new[] { ("Background", f.Str("background")), ("Alignment", f.Str("alignment")) }
            .Where(p => p.Item2 is { Length: > 0 }).Select(p => $"{p.Item1}: {p.Item2}.");
        var who = string.Join(" ", identity);
        if (who.Length > 0)
        {
            lines.Add(who);
        }

        if (f.Str("description") is { Length: > 0 } description)
        {
            lines.Add("Appearance: " + description);
        }

        return string.Join("\n\n", lines);
    }

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());

    private static string Describe(Dm20Fields f, string key)
    {
        var value = f.Node[key];
        return value switch
        {
            JsonArray a => $"{key} ({a.Count.ToString(CultureInfo.InvariantCulture)} entr{(a.Count == 1 ? "y" : "ies")})",
            JsonObject => $"{key} (an object)",
            _ => $"{key} ({Short(value?.ToJsonString() ?? "null")})",
        };
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
