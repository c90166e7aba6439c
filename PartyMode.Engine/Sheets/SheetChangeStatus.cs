namespace PartyMode.Engine.Sheets;

/// <summary>Where a player's sheet change stands (docs/protocol.md §8.2).</summary>
public enum SheetChangeStatus
{
    /// <summary>Waits for the DM.</summary>
    Pending,

    /// <summary>Every op was free: applied at once.</summary>
    Applied,

    /// <summary>The DM approved it and it was applied.</summary>
    Approved,

    /// <summary>The DM rejected it; nothing was applied.</summary>
    Rejected,
}
