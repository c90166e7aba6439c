namespace PartyMode.Engine.Sheets;

/// <summary>A change of one sheet: a player's request (stored, with an id) or an applied DM change (no id).</summary>
public sealed class SheetChange
{
    /// <summary>The id, e.g. <c>chg_000001</c>; empty for a DM's change, which is not stored apart from its event.</summary>
    public string Id { get; set; } = "";

    /// <summary>The character changed.</summary>
    public string PlayerId { get; set; } = "";

    /// <summary>Who made it: the player's seat, or <c>dm</c>.</summary>
    public string By { get; set; } = "";

    /// <summary>The ops, in order.</summary>
    public List<SheetOp> Ops { get; set; } = [];

    /// <summary>Where it stands.</summary>
    public SheetChangeStatus Status { get; set; }

    /// <summary>A short plain sentence ("Thorin took 7 damage (31 → 24)").</summary>
    public string Summary { get; set; } = "";

    /// <summary>The DM's reason for a rejection.</summary>
    public string? Reason { get; set; }

    /// <summary>The player's idempotency key.</summary>
    public string? ClientId { get; set; }

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was applied or rejected.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The seq of its <c>sheet_change</c> event, once applied.</summary>
    public long? Seq { get; set; }

    /// <summary>A copy.</summary>
    public SheetChange Snapshot()
    {
        var copy = (SheetChange)MemberwiseClone();
        copy.Ops = [.. Ops];
        return copy;
    }
}
