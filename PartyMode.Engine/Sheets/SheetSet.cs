using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Model;

namespace PartyMode.Engine.Sheets;

/// <summary>The <c>set</c> op: one field replaced as PATCH would, the sheet re-checked with the campaign rules, and a sentence of what changed.</summary>
internal static class SheetSet
{
    private const int MaxQuote = 80;

    public static (Character Sheet, string Summary) Apply(Character c, string field, JsonNode? value)
    {
        if (field == "id" || !CharacterReader.Fields.Contains(field))
        {
            throw SheetArithmetic.Bad($"'{field}' is not a sheet field you can set. Fields: {string.Join(", ", CharacterReader.Fields.Where(f => f != "id"))}.");
        }

        var before = JsonSerializer.SerializeToNode(c, EngineJson.Info<Character>())!.AsObject();
        var merged = before.DeepClone().AsObject();
        merged[field] = value?.DeepClone();
        var problems = new List<string>();
        var updated = CharacterReader.Read(JsonSerializer.SerializeToElement(merged, EngineJson.Info<JsonObject>()), "$", problems);
        if (problems.Count > 0 || updated is null)
        {
            throw SheetArithmetic.Bad(string.Join("; ", problems));
        }

        var after = JsonSerializer.SerializeToNode(updated, EngineJson.Info<Character>())!.AsObject();
        return (updated, Describe(c.Name, field, before[field], after[field]));
    }

    private static string Describe(string name, string field, JsonNode? before, JsonNode? after)
    {
        var label = field switch
        {
            "dm_notes" => "DM notes",
            "hp" => "HP",
            "max_hp" => "maximum HP",
            "temp_hp" => "temporary HP",
            "ac" => "AC",
            _ => field.Replace('_', ' '),
        };
        if (before is JsonArray or null && after is JsonArray or null && (before ?? after) is JsonArray)
        {
            var was = Texts(before);
            var now = Texts(after);
            var added = Diff(now, was);
            var removed = Diff(was, now);
            var parts = added.Select(a => "+ " + a).Concat(removed.Select(r => "− " + r)).ToList();
            return parts.Count == 0 ? $"{name}'s {label} reordered" : $"{name}'s {label}: {string.Join(", ", parts)}";
        }

        if (field == "coins" && after is JsonObject coins)
        {
            var changes = coins.Select(p => (p.Key, Was: (before as JsonObject)?[p.Key]?.GetValue<int>() ?? 0, Now: p.Value?.GetValue<int>() ?? 0))
                .Where(x => x.Was != x.Now).Select(x => $"{x.Key} {x.Was} → {x.Now}").ToList();
            return changes.Count == 0 ? $"{name}'s coins unchanged" : $"{name}'s coins: {string.Join(", ", changes)}";
        }

        if (field is "notes" or "dm_notes" && after is JsonValue note && note.TryGetValue<string>(out var text) && text.Length > 0)
        {
            // The note itself, shortened: the story line is how the owner (or the DM, for DM notes) finds it again.
            return $"{name}'s {label}: “{(text.Length > MaxQuote ? text[..MaxQuote].TrimEnd() + "…" : text)}”";
        }

        if (after is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            || (after is JsonValue s && s.GetValueKind() == JsonValueKind.String && field is not ("notes" or "dm_notes" or "secret_background")))
        {
            return before is null ? $"{name}'s {label} set to {Plain(after)}" : $"{name}'s {label} set to {Plain(after)} (was {Plain(before)})";
        }

        return after is null ? $"{name}'s {label} cleared" : $"{name}'s {label} changed";
    }

    private static List<string> Texts(JsonNode? list) =>
        list is JsonArray a ? a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x?.ToJsonString() ?? "").ToList() : [];

    /// <summary>Items of <paramref name="a"/> not matched in <paramref name="b"/> (a multiset difference: two ropes minus one leaves one).</summary>
    private static List<string> Diff(List<string> a, List<string> b)
    {
        var left = new List<string>(b);
        var result = new List<string>();
        foreach (var item in a)
        {
            if (!left.Remove(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static string Plain(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<int>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        null => "nothing",
        _ => node.ToJsonString(),
    };
}
