using System.Text.Json.Nodes;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary>
/// Sheet changes (docs/protocol.md §8.2): a player's ops go through the campaign's policy (applied at once,
/// held for the DM, or refused), the DM's go straight through; the DM approves or rejects held ones.
/// </summary>
internal sealed class SheetChangeBook(TableState table, SheetWrites writes)
{
    private const int MaxPendingPerSeat = 20;
    private const int MaxReason = 500;
    private const int MaxClientId = 100;

    public SheetPolicy Policy => table.Meta.SheetPolicy ?? SheetPolicy.Default;

    /// <summary>A player changes their own sheet.</summary>
    public SheetChangeResult Request(Transaction tx, Viewer viewer, string id, JsonNode? opsNode, string? clientId)
    {
        if (viewer.Role == Role.Observer)
        {
            throw GameException.Forbidden("observer_cannot_act", "Observers cannot change sheets.");
        }

        if (viewer.Role != Role.Player || viewer.SeatId != id || !table.Characters.ContainsKey(id))
        {
            throw GameException.NotFound("character", id);
        }

        if (clientId is { Length: 0 or > MaxClientId })
        {
            throw GameException.BadRequest("bad_client_id", $"'client_id' must be 1 to {MaxClientId} characters.");
        }

        if (clientId is not null && table.SheetClientIds.TryGetValue((id, clientId), out var knownId))
        {
            var known = table.SheetChanges[knownId].Snapshot();
            return new SheetChangeResult(known, known.Status is SheetChangeStatus.Applied or SheetChangeStatus.Approved ? SheetView.For(viewer, EngineJson.Clone(table.Characters[id])) : null);
        }

        var ops = SheetOps.Parse(opsNode);
        var needsApproval = CheckPolicy(ops);
        var (sheet, parts) = writes.WorkOut(id, ops);
        CheckPlayerSet(id, sheet, ops);
        var change = new SheetChange
        {
            Id = $"chg_{table.SheetChanges.Count + 1:000000}",
            PlayerId = id,
            By = id,
            Ops = ops,
            Summary = string.Join("; ", parts),
            ClientId = clientId,
            CreatedAt = tx.Now,
            Status = needsApproval ? SheetChangeStatus.Pending : SheetChangeStatus.Applied,
        };
        if (needsApproval && table.SheetChanges.Values.Count(c => c.PlayerId == id && c.Status == SheetChangeStatus.Pending) >= MaxPendingPerSeat)
        {
            throw GameException.Conflict("too_many_pending", $"{MaxPendingPerSeat} of your changes already wait for the DM; wait for them first.");
        }

        table.SheetChanges[change.Id] = change;
        if (clientId is not null)
        {
            table.SheetClientIds[(id, clientId)] = change.Id;
        }

        if (needsApproval)
        {
            return new SheetChangeResult(Store(tx, change), null);
        }

        Apply(tx, change, sheet, parts, SheetChangeStatus.Applied);
        return new SheetChangeResult(Store(tx, change), SheetView.For(viewer, EngineJson.Clone(sheet)));
    }

    /// <summary>The DM changes a sheet: the same ops, no policy.</summary>
    public SheetChangeResult DmChange(Transaction tx, string id, JsonNode? opsNode)
    {
        _ = table.CharacterOf(id);
        var ops = SheetOps.Parse(opsNode);
        var (sheet, parts) = writes.WorkOut(id, ops);
        var change = new SheetChange { PlayerId = id, By = SeatIds.Dm, Ops = ops, Summary = string.Join("; ", parts), CreatedAt = tx.Now, ClosedAt = tx.Now, Status = SheetChangeStatus.Applied };
        change.Seq = writes.Write(tx, sheet, ops, parts, SeatIds.Dm, null).Seq;
        writes.NotifyParty(tx);
        return new SheetChangeResult(change, EngineJson.Clone(sheet));
    }

    public SheetChangeResult Approve(Transaction tx, string id)
    {
        var change = Open(id);
        SheetChangeResult result;
        try
        {
            var (sheet, parts) = writes.WorkOut(change.PlayerId, change.Ops);
            change.Summary = string.Join("; ", parts);
            Apply(tx, change, sheet, parts, SheetChangeStatus.Approved);
            result = new SheetChangeResult(Store(tx, change), EngineJson.Clone(sheet));
        }
        catch (GameException ex) when (ex.Code == "bad_change")
        {
            throw GameException.Conflict("change_stale", $"Change {id} can no longer be applied ({ex.Message}); reject it and let the player ask again.");
        }

        return result;
    }

    public SheetChangeResult Reject(Transaction tx, string id, string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is { Length: > MaxReason })
        {
            throw GameException.BadRequest("too_long", $"'reason' has {text.Length} characters; the limit is {MaxReason}.");
        }

        var change = Open(id);
        change.Status = SheetChangeStatus.Rejected;
        change.Reason = text;
        change.ClosedAt = tx.Now;
        return new SheetChangeResult(Store(tx, change), null);
    }

    public SheetChange Get(string id) => Find(id).Snapshot();

    public IReadOnlyList<SheetChange> List(SheetChangeStatus? status) =>
        table.SheetChanges.Values.Where(c => status is null || c.Status == status).OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Snapshot()).ToList();

    /// <summary>The pending changes a viewer's welcome carries: the player's own, or all for the DM.</summary>
    public IReadOnlyList<SheetChange> PendingFor(Viewer viewer) => viewer.Role switch
    {
        Role.Dm => List(SheetChangeStatus.Pending),
        Role.Player => List(SheetChangeStatus.Pending).Where(c => c.PlayerId == viewer.SeatId).ToList(),
        _ => [],
    };

    /// <summary>Refuses a DM-only field (403 <c>field_locked</c>); true when any op needs the DM's approval.</summary>
    private bool CheckPolicy(IReadOnlyList<SheetOp> ops)
    {
        var policy = Policy;
        var approval = false;
        foreach (var op in ops)
        {
            if (op is { Op: "set", Field: "hp" })
            {
                throw SheetArithmetic.Bad("Change hp with the damage and heal ops, e.g. {\"op\":\"damage\",\"amount\":7}.");
            }

            var field = op.PolicyField;
            if (op.Op == "set" && (field == "id" || !Campaigns.CharacterReader.Fields.Contains(field)))
            {
                throw SheetArithmetic.Bad($"'{field}' is not a sheet field you can set. Fields: {string.Join(", ", Campaigns.CharacterReader.Fields.Where(f => f != "id"))}.");
            }

            switch (op.IsDmNotes ? SheetAccess.DmOnly : policy.AccessOf(field))
            {
                case SheetAccess.DmOnly:
                    throw GameException.Forbidden("field_locked", $"'{field}' is the DM's to change; ask the DM.");
                case SheetAccess.Approval:
                    approval = true;
                    break;
            }
        }

        return approval;
    }

    /// <summary>A player's <c>set</c> of slots or hit dice changes used counts only; maximums stay the DM's.</summary>
    private void CheckPlayerSet(string id, Engine.Model.Character after, IReadOnlyList<SheetOp> ops)
    {
        var before = table.Characters[id];
        if (ops.Any(o => o is { Op: "set", Field: "spell_slots" }) &&
            (before.SpellSlots.Count != after.SpellSlots.Count || before.SpellSlots.Any(s => !after.SpellSlots.TryGetValue(s.Key, out var a) || a.Max != s.Value.Max)))
        {
            throw GameException.Forbidden("field_locked", "Players change the used counts of spell_slots; the levels and maximums are the DM's.");
        }

        if (ops.Any(o => o is { Op: "set", Field: "hit_dice" }) && (before.HitDice?.Die != after.HitDice?.Die || before.HitDice?.Total != after.HitDice?.Total))
        {
            throw GameException.Forbidden("field_locked", "Players change the used count of hit_dice; the die and total are the DM's.");
        }
    }

    private void Apply(Transaction tx, SheetChange change, Engine.Model.Character sheet, List<string> parts, SheetChangeStatus status)
    {
        change.Status = status;
        change.ClosedAt = tx.Now;
        change.Seq = writes.Write(tx, sheet, change.Ops, parts, change.PlayerId, change.Id).Seq;
        writes.NotifyParty(tx);
    }

    private SheetChange Open(string id)
    {
        var change = Find(id);
        return change.Status == SheetChangeStatus.Pending
            ? change
            : throw GameException.Conflict("already_" + Word(change.Status), $"Change {id} is already {Word(change.Status)}.");
    }

    private SheetChange Find(string id) =>
        table.SheetChanges.TryGetValue(id, out var c) ? c : throw GameException.NotFound("change", id);

    private static SheetChange Store(Transaction tx, SheetChange change)
    {
        tx.Store(change);
        var snapshot = change.Snapshot();
        tx.Notify(new SheetChangeNotice(snapshot));
        return snapshot;
    }

    private static string Word(SheetChangeStatus status) => status.ToString().ToLowerInvariant();
}
