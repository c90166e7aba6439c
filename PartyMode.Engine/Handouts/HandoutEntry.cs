using PartyMode.Engine.Events;

namespace PartyMode.Engine.Handouts;

/// <summary>One line of a viewer's handout list: the handout and the newest showing the viewer may see (null: never shown, DM only).</summary>
/// <param name="Handout">A copy of the record.</param>
/// <param name="LastShown">The newest visible <c>handout</c> event for it.</param>
public sealed record HandoutEntry(Handout Handout, GameEvent? LastShown);
