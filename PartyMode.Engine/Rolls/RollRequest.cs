namespace PartyMode.Engine.Rolls;

/// <summary>A roll the DM (or the AI) asked one player for (docs/protocol.md §7.2). A stored document.</summary>
public sealed class RollRequest
{
    /// <summary>The id, e.g. <c>rr_000001</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The player asked to roll.</summary>
    public string Player { get; set; } = "";

    /// <summary>What to roll: dice or a sheet reference (e.g. <c>save:dex</c>).</summary>
    public string Expr { get; set; } = "";

    /// <summary><c>normal</c>, <c>advantage</c> or <c>disadvantage</c>.</summary>
    public string Mode { get; set; } = "normal";

    /// <summary>The difficulty class; never shown to the player.</summary>
    public int? Dc { get; set; }

    /// <summary>Who sees the roll: <c>public</c>, <c>party</c>, <c>dm</c> or <c>blind</c>.</summary>
    public string Visibility { get; set; } = "dm";

    /// <summary>Why, as the player reads it ("The trap springs").</summary>
    public string? Reason { get; set; }

    /// <summary>Whether the player may answer with real dice.</summary>
    public bool AllowPhysical { get; set; } = true;

    /// <summary>Open, rolled or cancelled.</summary>
    public RollRequestStatus Status { get; set; }

    /// <summary>When it was asked.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was rolled or cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The answering roll's total.</summary>
    public int? RollTotal { get; set; }

    /// <summary>The answering roll's seq.</summary>
    public long? RollSeq { get; set; }

    /// <summary>The answering roll's label (what was rolled, in words).</summary>
    public string? RollLabel { get; set; }

    /// <summary>Whether the player's roll was physical.</summary>
    public bool? RollPhysical { get; set; }

    /// <summary>With a DC: total ≥ DC. The DM's view only.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool? Success => Dc is { } dc && RollTotal is { } total ? total >= dc : null;

    /// <summary>A copy.</summary>
    public RollRequest Snapshot() => (RollRequest)MemberwiseClone();
}
