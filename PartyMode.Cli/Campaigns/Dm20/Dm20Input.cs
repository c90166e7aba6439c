using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>A dm20 campaign as read: one object shaped like the monolithic file, whichever layout it came from.</summary>
/// <param name="Campaign">The campaign object (characters, npcs, locations, quests, encounters, sessions, game_state…).</param>
/// <param name="Discovery">discovery_state.json of a split campaign (null: none, every location counts as explored, as in dm20).</param>
/// <param name="Split">True for a split campaign folder.</param>
/// <param name="Location">The file or folder read.</param>
internal sealed record Dm20Input(JsonObject Campaign, JsonObject? Discovery, bool Split, string Location)
{
    /// <summary>How a problem in <paramref name="section"/> names its place: <c>file.json: $.characters.elara</c> or <c>characters.json: $.elara</c>.</summary>
    public string PathOf(string? section) => Split
        ? (section is null or "campaign" ? "campaign.json: $" : $"{section}.json: $")
        : (section is null ? $"{System.IO.Path.GetFileName(Location)}: $" : $"{System.IO.Path.GetFileName(Location)}: $.{section}");

    public string Description => Split ? $"dm20 split campaign folder {Location}" : $"dm20 campaign file {Location}";
}
