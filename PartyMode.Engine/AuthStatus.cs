namespace PartyMode.Engine;

/// <summary>The outcome of a token check.</summary>
public enum AuthStatus
{
    /// <summary>A seat's current token.</summary>
    Ok,

    /// <summary>Missing, malformed, unknown or superseded.</summary>
    Invalid,

    /// <summary>The current token of a kicked seat.</summary>
    Kicked,
}
