using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Engine.Sheets;

/// <summary>Reads the <c>ops</c> of a sheet change (docs/protocol.md §8.2); a bad op is a 400 <c>bad_change</c> naming it.</summary>
internal static class SheetOps
{
    public const int MaxOps = 50;
    private const int MaxAmount = 100_000;

    private static readonly string[] Names = ["damage", "heal", "temp_hp", "spend_slot", "recover_slot", "spend_hit_die", "death_save", "set"];

    public static List<SheetOp> Parse(JsonNode? node)
    {
        if (node is not JsonArray list || list.Count == 0)
        {
            throw Bad("'ops' must be a non-empty list like [{\"op\":\"damage\",\"amount\":7}].");
        }

        if (list.Count > MaxOps)
        {
            throw Bad($"'ops' has {list.Count} ops; send at most {MaxOps} in one change.");
        }

        return list.Select((item, i) => One(item, $"ops[{i}]")).ToList();
    }

    private static SheetOp One(JsonNode? item, string path)
    {
        if (item is not JsonObject o)
        {
            throw Bad($"{path} must be an object like {{\"op\":\"heal\",\"amount\":5}}.");
        }

        var name = o["op"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var op = new SheetOp { Op = name ?? "" };
        switch (name)
        {
            case "damage" or "heal":
                op.Amount = Count(o, "amount", path);
                break;
            case "temp_hp":
                op.Value = JsonValue.Create(Count(o, "value", path));
                break;
            case "spend_slot" or "recover_slot":
                op.Level = Int(o, "level", path) is var level and >= 1 and <= 9 ? level : throw Bad($"{path}.level must be a spell level from 1 to 9.");
                break;
            case "spend_hit_die":
                break;
            case "death_save":
                op.Success = o["success"] is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? b.GetValue<bool>()
                    : throw Bad($"{path}.success must be true or false.");
                break;
            case "set":
                op.Field = o["field"] is JsonValue f && f.TryGetValue<string>(out var field) && field.Length > 0
                    ? field
                    : throw Bad($"{path}.field must name a sheet field, e.g. \"inventory\".");
                op.Value = o.ContainsKey("value") ? o["value"]?.DeepClone() : throw Bad($"{path}.value is missing: give the field's new value.");
                break;
            default:
                throw Bad($"{path}.op must be one of {string.Join(", ", Names)}.");
        }

        return op;
    }

    private static int Count(JsonObject o, string name, string path)
    {
        var n = Int(o, name, path);
        return n is >= 0 and <= MaxAmount ? n : throw Bad($"{path}.{name} must be from 0 to {MaxAmount}, not {n}.");
    }

    private static int Int(JsonObject o, string name, string path)
    {
        if (o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n))
        {
            return n;
        }

        if (o[name] is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue<double>(out var x) && x == Math.Floor(x) && Math.Abs(x) < 1_000_000)
        {
            return (int)x;
        }

        throw Bad($"{path}.{name} must be a whole number.");
    }

    private static GameException Bad(string message) => GameException.BadRequest("bad_change", message);
}
