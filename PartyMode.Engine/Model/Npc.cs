namespace PartyMode.Engine.Model;

/// <summary>A non-player character.</summary>
public sealed class Npc
{
    /// <summary>The NPC id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The NPC's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the players may know.</summary>
    public string Description { get; set; } = "";

    /// <summary>DM-only notes (biography, motives).</summary>
    public string DmNotes { get; set; } = "";

    /// <summary>Whether the players know this NPC.</summary>
    public bool Known { get; set; }

    /// <summary>The id this NPC had in the campaign it was imported from (a dm20 id); null when none.</summary>
    public string? SourceId { get; set; }

    /// <summary>The campaign file's <c>image</c>: a path relative to the file, imported as a handout (docs/protocol.md §9.4); null when none.</summary>
    public string? Image { get; set; }
}
