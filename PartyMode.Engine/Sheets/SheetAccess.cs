namespace PartyMode.Engine.Sheets;

/// <summary>How a player may change a sheet field (docs/protocol.md §8.2).</summary>
public enum SheetAccess
{
    /// <summary>Applied at once.</summary>
    Free,

    /// <summary>Waits for the DM's approval.</summary>
    Approval,

    /// <summary>Only the DM changes it.</summary>
    DmOnly,
}
