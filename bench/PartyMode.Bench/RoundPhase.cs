namespace PartyMode.Bench;

internal enum RoundPhase
{
    /// <summary>The player's submitted action is being fanned out.</summary>
    Action,

    /// <summary>The DM's resolve (public narrative + private part) is being fanned out.</summary>
    Resolve,
}
