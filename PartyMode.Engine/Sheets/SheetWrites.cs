using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary>
/// Works ops out on a copy of a sheet and, once every op passed, writes it: the sheet, its
/// <c>sheet_change</c> event(s) and the pushes (docs/protocol.md §8.2).
/// </summary>
internal sealed class SheetWrites(TableState table, Roster roster, TurnOrder turns)
{
    /// <summary>The sheet after every op, on a copy (the table is untouched), with one sentence per op.</summary>
    /// <exception cref="GameException">400 <c>bad_change</c> for the first op that cannot be applied.</exception>
    public (Character Sheet, List<string> Parts) WorkOut(string id, IReadOnlyList<SheetOp> ops)
    {
        var sheet = EngineJson.Clone(table.CharacterOf(id));
        var parts = new List<string>(ops.Count);
        for (var i = 0; i < ops.Count; i++)
        {
            try
            {
                (sheet, var part) = SheetArithmetic.Apply(sheet, ops[i]);
                parts.Add(part);
            }
            catch (GameException ex) when (ops.Count > 1)
            {
                throw new GameException(ex.Kind, ex.Code, $"ops[{i}]: {ex.Message} Nothing was changed.");
            }
        }

        return (sheet, parts);
    }

    /// <summary>
    /// Writes a worked-out sheet and its event: audience the owner (and the DM). A change of the DM's notes
    /// gets an event of its own for the DM only, so no player's story ever holds them.
    /// </summary>
    /// <returns>The event the change is known by (the owner's, or the DM's when only the DM's notes changed).</returns>
    public GameEvent Write(Transaction tx, Character sheet, IReadOnlyList<SheetOp> ops, IReadOnlyList<string> parts, string by, string? changeId)
    {
        table.Characters[sheet.Id] = sheet;
        tx.Notify(new CharacterNotice(tx.Store(sheet)));
        turns.SheetChanged(tx, sheet);
        var open = Event(tx, sheet.Id, by, changeId, ops, parts, dmNotes: false, Audience.Players(sheet.Id));
        var secret = Event(tx, sheet.Id, by, changeId, ops, parts, dmNotes: true, Audience.DmOnly);
        return open ?? secret!;
    }

    /// <summary>The roster push, once per transaction however many sheets it changed.</summary>
    public void NotifyParty(Transaction tx) => roster.Notify(tx);

    private static GameEvent? Event(Transaction tx, string id, string by, string? changeId, IReadOnlyList<SheetOp> ops, IReadOnlyList<string> parts, bool dmNotes, Audience audience)
    {
        var picked = ops.Select((op, i) => (op, part: parts[i])).Where(x => x.op.IsDmNotes == dmNotes).ToList();
        if (picked.Count == 0)
        {
            return null;
        }

        var e = tx.NewEvent("sheet_change", audience);
        e.PlayerId = id;
        e.By = by;
        e.ChangeId = changeId;
        e.Summary = string.Join("; ", picked.Select(x => x.part));
        e.Ops = picked.Select(x => x.op).ToList();
        return e;
    }
}
