using System.Text.Json;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Engine.Sheets;

/// <summary>Reads a campaign's <c>sheet_policy</c> (docs/protocol.md §8.2), each problem named by its JSON path.</summary>
internal static class SheetPolicyReader
{
    /// <summary>Fields no policy can give to players: identity, and the DM's own notes.</summary>
    private static readonly string[] NeverPlayers = ["id", "source_id", "dm_notes"];

    public static SheetPolicy? Read(FieldReader root, List<string> problems)
    {
        if (!root.TryGet("sheet_policy", out var element))
        {
            return null;
        }

        var r = new FieldReader(element, "$.sheet_policy", problems, ["free", "approval"]);
        if (!r.IsObject)
        {
            return null;
        }

        var policy = SheetPolicy.Default;
        var free = r.Has("free") ? Fields(r, element, "free", problems) : null;
        var approval = r.Has("approval") ? Fields(r, element, "approval", problems) : null;
        // A list given replaces its default; a field it names leaves the other default list (moving inventory to free just works).
        policy.Free = free ?? policy.Free.Except(approval ?? [], StringComparer.Ordinal).ToList();
        policy.Approval = approval ?? policy.Approval.Except(free ?? [], StringComparer.Ordinal).ToList();

        foreach (var both in policy.Free.Intersect(policy.Approval, StringComparer.Ordinal))
        {
            problems.Add($"$.sheet_policy: '{both}' is in both free and approval; put it in one");
        }

        return policy;
    }

    private static List<string> Fields(FieldReader r, JsonElement policy, string list, List<string> problems)
    {
        // Strings reports a list that is not one of strings; the loop below checks each name.
        r.Strings(list);
        var kept = new List<string>();
        var items = policy.GetProperty(list);
        if (items.ValueKind != JsonValueKind.Array)
        {
            return kept;
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"$.sheet_policy.{list}[{i++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var field = item.GetString()!;
            if (NeverPlayers.Contains(field))
            {
                problems.Add($"{path}: '{field}' is the DM's only and cannot be given to players");
            }
            else if (!CharacterReader.Fields.Contains(field))
            {
                problems.Add($"{path}: '{field}' is not a character sheet field (fields: {string.Join(", ", CharacterReader.Fields.Except(NeverPlayers))})");
            }
            else if (!kept.Contains(field))
            {
                kept.Add(field);
            }
        }

        return kept;
    }
}
