namespace PartyMode.Engine.Rolls;

/// <summary>Where a roll request stands (docs/protocol.md §7.2).</summary>
public enum RollRequestStatus
{
    /// <summary>Waiting for the player.</summary>
    Open,

    /// <summary>The player rolled.</summary>
    Rolled,

    /// <summary>The DM took it back.</summary>
    Cancelled,
}
