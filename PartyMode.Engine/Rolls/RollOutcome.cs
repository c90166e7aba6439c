using PartyMode.Engine.Events;

namespace PartyMode.Engine.Rolls;

/// <summary>A player's roll as stored.</summary>
/// <param name="Event">The roll event.</param>
/// <param name="Created">False when the same <c>client_id</c> had already rolled it.</param>
public sealed record RollOutcome(GameEvent Event, bool Created)
{
    /// <summary>A blind roll: the roller may learn only that it rolled.</summary>
    public bool Blind => Event.Visibility == RollWords.Blind;
}
