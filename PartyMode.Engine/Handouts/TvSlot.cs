namespace PartyMode.Engine.Handouts;

/// <summary>The TV slot as an observer's or the DM's welcome carries it (docs/protocol.md §9.5).</summary>
/// <param name="Handout">A copy of the handout on the TV; null when it shows the story.</param>
public sealed record TvSlot(Handout? Handout);
