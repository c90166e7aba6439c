namespace PartyMode.Engine.Storage;

/// <summary>What a stored game is.</summary>
public sealed class GameMeta
{
    /// <summary>The campaign id the game was imported from.</summary>
    public string CampaignId { get; set; } = "";

    /// <summary>The campaign's name.</summary>
    public string CampaignName { get; set; } = "";

    /// <summary>Character ids in campaign order (rosters and seats keep it across restarts).</summary>
    public List<string> CharacterOrder { get; set; } = [];

    /// <summary>NPC ids in campaign order.</summary>
    public List<string> NpcOrder { get; set; } = [];

    /// <summary>Location ids in campaign order.</summary>
    public List<string> LocationOrder { get; set; } = [];

    /// <summary>The handout the TV shows full size (docs/protocol.md §9.5); null when it shows the story.</summary>
    public string? TvHandoutId { get; set; }

    /// <summary>When the game was imported.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
