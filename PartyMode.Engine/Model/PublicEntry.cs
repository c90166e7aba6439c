namespace PartyMode.Engine.Model;

/// <summary>What players may know of an NPC or a location: public fields only.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The public description.</param>
public sealed record PublicEntry(string Id, string Name, string Description);
