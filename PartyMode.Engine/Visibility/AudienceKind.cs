namespace PartyMode.Engine.Visibility;

/// <summary>The four audiences of docs/protocol.md §1.2.</summary>
public enum AudienceKind
{
    /// <summary>Everyone, observers included.</summary>
    Public,

    /// <summary>Every player and the DM, never observers.</summary>
    Party,

    /// <summary>The listed players and the DM.</summary>
    Players,

    /// <summary>The DM only.</summary>
    Dm,
}
