namespace PartyMode.Engine.Model;

/// <summary>A place in the campaign.</summary>
public sealed class Location
{
    /// <summary>The location id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The location's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the players see once it is discovered.</summary>
    public string Description { get; set; } = "";

    /// <summary>DM-only notes.</summary>
    public string DmNotes { get; set; } = "";

    /// <summary>Whether the players have discovered it.</summary>
    public bool Discovered { get; set; }

    /// <summary>The id this location had in the campaign it was imported from (a dm20 id); null when none.</summary>
    public string? SourceId { get; set; }

    /// <summary>The campaign file's <c>image</c>: a path relative to the file, imported as a handout (docs/protocol.md §9.4); null when none.</summary>
    public string? Image { get; set; }
}
