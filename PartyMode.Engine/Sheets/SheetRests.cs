using PartyMode.Engine.Model;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary>
/// Short and long rests (docs/protocol.md §8.2): a long rest restores HP, slots, half the hit dice (at
/// least one) and the death saves; a short one restores nothing by itself. One <c>sheet_change</c> per character.
/// </summary>
internal sealed class SheetRests(TableState table, SheetWrites writes)
{
    public IReadOnlyList<SheetChangeResult> Rest(Transaction tx, string? kind, IReadOnlyList<string>? players)
    {
        var restKind = kind?.Trim().ToLowerInvariant() switch
        {
            "short" => "short",
            "long" => "long",
            _ => throw GameException.BadRequest("bad_request", $"'kind' must be \"short\" or \"long\", not {(kind is null ? "missing" : $"'{kind}'")}."),
        };
        var ids = players is { Count: > 0 } ? players.Distinct(StringComparer.Ordinal).ToList() : [.. table.CharacterOrder];
        table.CheckPlayers(ids);
        var results = new List<SheetChangeResult>(ids.Count);
        foreach (var id in ids)
        {
            var sheet = EngineJson.Clone(table.CharacterOf(id));
            var summary = restKind == "long" ? LongRest(sheet) : ShortRest(sheet);
            var op = new SheetOp { Op = "rest", Kind = restKind };
            var e = writes.Write(tx, sheet, [op], [summary], SeatIds.Dm, null);
            var change = new SheetChange { PlayerId = id, By = SeatIds.Dm, Ops = [op], Summary = summary, Status = SheetChangeStatus.Applied, CreatedAt = tx.Now, ClosedAt = tx.Now, Seq = e.Seq };
            results.Add(new SheetChangeResult(change, EngineJson.Clone(sheet)));
        }

        writes.NotifyParty(tx);
        return results;
    }

    private static string LongRest(Character c)
    {
        var parts = new List<string>();
        if (c.Hp != c.MaxHp)
        {
            parts.Add($"HP {c.Hp} → {c.MaxHp}");
            c.Hp = c.MaxHp;
        }

        if (c.TempHp != 0)
        {
            parts.Add("temporary HP gone");
            c.TempHp = 0;
        }

        if (c.SpellSlots.Values.Any(s => s.Used > 0))
        {
            parts.Add("spell slots recovered");
            foreach (var slot in c.SpellSlots.Values)
            {
                slot.Used = 0;
            }
        }

        if (c.HitDice is { Used: > 0 } dice)
        {
            // 5e: a long rest gives back half the character's total hit dice, at least one.
            var back = Math.Min(dice.Used, Math.Max(1, dice.Total / 2));
            dice.Used -= back;
            parts.Add(back == 1 ? "1 hit die recovered" : $"{back} hit dice recovered");
        }

        if (c.DeathSaves is { } saves && (saves.Successes > 0 || saves.Failures > 0))
        {
            saves.Successes = 0;
            saves.Failures = 0;
            parts.Add("death saves reset");
        }

        return parts.Count == 0 ? $"{c.Name} finished a long rest (nothing to recover)" : $"{c.Name} finished a long rest: {string.Join(", ", parts)}";
    }

    private static string ShortRest(Character c) => c.HitDice is { } dice
        ? $"{c.Name} took a short rest ({dice.Total - dice.Used} of {dice.Total} hit dice to spend)"
        : $"{c.Name} took a short rest";
}
