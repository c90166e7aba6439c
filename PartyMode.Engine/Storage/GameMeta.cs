namespace PartyMode.Engine.Storage;

/// <summary>What a stored game is.</summary>
public sealed class GameMeta
{
    /// <summary>The campaign id the game was imported from.</summary>
    public string CampaignId { get; set; } = "";

    /// <summary>The campaign's name.</summary>
    public string CampaignName { get; set; } = "";

    /// <summary>When the game was imported.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
