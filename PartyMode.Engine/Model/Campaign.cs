namespace PartyMode.Engine.Model;

/// <summary>A campaign as imported: the starting point of a stored game.</summary>
public sealed class Campaign
{
    /// <summary>The campaign id; a data folder holds one campaign.</summary>
    public string Id { get; set; } = "";

    /// <summary>The campaign's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The player characters (one seat each).</summary>
    public List<Character> Characters { get; set; } = [];

    /// <summary>Non-player characters.</summary>
    public List<Npc> Npcs { get; set; } = [];

    /// <summary>Locations.</summary>
    public List<Location> Locations { get; set; } = [];

    /// <summary>Which sheet fields players change freely or with the DM's approval (docs/protocol.md §8.2); null: the defaults.</summary>
    public Sheets.SheetPolicy? SheetPolicy { get; set; }

    /// <summary>Events the game's history starts with.</summary>
    public List<OpeningEvent> Opening { get; set; } = [];
}
