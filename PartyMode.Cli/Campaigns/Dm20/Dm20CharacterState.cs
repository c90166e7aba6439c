using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>The part of a sheet that changes at the table, written into a dm20 character object in dm20's own keys.</summary>
internal static class Dm20CharacterState
{
    private const string IdAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static void Write(JsonObject d, JsonElement pc)
    {
        Set(d, "hit_points_current", Int(pc, "hp"));
        Set(d, "temporary_hit_points", Int(pc, "temp_hp"));
        d["conditions"] = new JsonArray(Strings(pc, "conditions").Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        if (pc.TryGetProperty("spell_slots", out var slots) && slots.ValueKind == JsonValueKind.Object)
        {
            if (d["spell_slots_used"] is not JsonObject used)
            {
                used = [];
                d["spell_slots_used"] = used;
            }

            foreach (var level in slots.EnumerateObject())
            {
                Set(used, level.Name, Int(level.Value, "used"));
            }
        }

        if (pc.TryGetProperty("hit_dice", out var dice) && dice.ValueKind == JsonValueKind.Object)
        {
            var remaining = (Int(dice, "total") ?? 0) - (Int(dice, "used") ?? 0);
            d["hit_dice_remaining"] = $"{Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture)}{Dm20WriteBack.Str(dice, "die") ?? "d8"}";
        }

        if (pc.TryGetProperty("death_saves", out var saves) && saves.ValueKind == JsonValueKind.Object)
        {
            Set(d, "death_saves_success", Int(saves, "successes"));
            Set(d, "death_saves_failure", Int(saves, "failures"));
        }

        WriteInventory(d, Strings(pc, "inventory"));
        if (pc.TryGetProperty("coins", out var coins) && coins.ValueKind == JsonValueKind.Object)
        {
            WriteCoins(d, coins);
        }
    }

    public static string Summary(JsonElement pc)
    {
        var parts = new List<string> { $"HP {Int(pc, "hp")}/{Int(pc, "max_hp")}", $"temp HP {Int(pc, "temp_hp") ?? 0}" };
        var conditions = Strings(pc, "conditions");
        parts.Add(conditions.Count == 0 ? "no conditions" : "conditions " + string.Join(", ", conditions));
        if (pc.TryGetProperty("spell_slots", out var slots) && slots.ValueKind == JsonValueKind.Object && slots.EnumerateObject().Any())
        {
            parts.Add("slots used " + string.Join(" ", slots.EnumerateObject().Select(s => $"{s.Name}:{Int(s.Value, "used")}/{Int(s.Value, "max")}")));
        }

        if (pc.TryGetProperty("hit_dice", out var dice) && dice.ValueKind == JsonValueKind.Object)
        {
            parts.Add($"hit dice used {Int(dice, "used")}/{Int(dice, "total")}");
        }

        if (pc.TryGetProperty("death_saves", out var saves) && saves.ValueKind == JsonValueKind.Object)
        {
            parts.Add($"death saves {Int(saves, "successes")}✓ {Int(saves, "failures")}✗");
        }

        parts.Add($"{Strings(pc, "inventory").Count} inventory line(s)");
        if (pc.TryGetProperty("coins", out var coins) && coins.ValueKind == JsonValueKind.Object)
        {
            parts.Add("coins " + string.Join(" ", Dm20Coins.Kinds.Select(k => $"{Int(coins, k) ?? 0} {k}")));
        }

        return string.Join(", ", parts) + ".";
    }

    /// <summary>
    /// Lines match dm20 items by name (first unmatched one), so an item keeps its id, description, weight and
    /// the rest; a changed count becomes its quantity; a new line becomes a new item; a removed one leaves the
    /// inventory. Lines marked "(equipped)" stand for equipment slots, which stay as they are.
    /// </summary>
    private static void WriteInventory(JsonObject d, List<string> lines)
    {
        var existing = (d["inventory"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var taken = new bool[existing.Count];
        var result = new JsonArray();
        foreach (var line in lines.Where(l => !l.EndsWith(Dm20Items.EquippedMark, StringComparison.Ordinal)))
        {
            var (name, quantity) = Dm20Items.Parse(line);
            var index = existing.FindIndex(i => !taken[existing.IndexOf(i)] && string.Equals(Dm20Mapper.Text(i["name"]), name, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && quantity != 1)
            {
                // "Rope (50 ft)" is a name, not a count: look for the whole line too.
                index = existing.FindIndex(i => !taken[existing.IndexOf(i)] && string.Equals(Dm20Mapper.Text(i["name"]), line, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    (name, quantity) = (line, 1);
                }
            }

            if (index >= 0)
            {
                taken[index] = true;
                var item = (JsonObject)existing[index].DeepClone();
                if (Dm20Fields.IntAt(item["quantity"], "", 1, int.MinValue, int.MaxValue, []) != quantity)
                {
                    item["quantity"] = quantity;
                }

                result.Add((JsonNode)item);
                continue;
            }

            result.Add((JsonNode)new JsonObject
            {
                ["id"] = NewId(),
                ["name"] = name,
                ["description"] = null,
                ["quantity"] = quantity,
                ["weight"] = null,
                ["value"] = null,
                ["item_type"] = "misc",
                ["properties"] = new JsonObject(),
            });
        }

        d["inventory"] = result;
    }

    private static void WriteCoins(JsonObject d, JsonElement coins)
    {
        var values = Dm20Coins.Kinds.ToDictionary(k => k, k => Int(coins, k) ?? 0);
        var key = d.ContainsKey("currency") ? "currency" : d.ContainsKey("gold") ? "gold" : null;
        var onlyGold = values.Where(v => v.Key != "gp").All(v => v.Value == 0);
        if (key is not null && d[key] is JsonValue && onlyGold)
        {
            // A purse dm20's view reads as a number of gold pieces stays a number.
            d[key] = values["gp"];
            return;
        }

        if (key is null && values.Values.All(v => v == 0))
        {
            return;
        }

        if (key is null || d[key] is not JsonObject purse)
        {
            purse = [];
            d[key ?? "currency"] = purse;
        }

        foreach (var (kind, value) in values)
        {
            Set(purse, kind, value);
        }
    }

    private static void Set(JsonObject o, string name, int? value)
    {
        if (value is null)
        {
            return;
        }

        // An unchanged number keeps its text (3.0 stays 3.0).
        if (o[name] is JsonValue current && current.GetValueKind() == JsonValueKind.Number && current.GetValue<double>() == value.Value)
        {
            return;
        }

        o[name] = value.Value;
    }

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList()
            : [];

    private static string NewId() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        }
    });
}
