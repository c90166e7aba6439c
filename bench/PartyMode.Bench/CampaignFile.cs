using System.Globalization;
using System.Text.Json;

namespace PartyMode.Bench;

/// <summary>Writes a campaign with N player characters (p1…pN): the demo has only four seats.</summary>
internal static class CampaignFile
{
    public static string Write(string folder, int players)
    {
        var characters = Enumerable.Range(1, players).Select(i => new Dictionary<string, object>
        {
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"p{i}"),
            ["name"] = string.Create(CultureInfo.InvariantCulture, $"Hero {i}"),
            ["player_name"] = string.Create(CultureInfo.InvariantCulture, $"Player {i}"),
            ["race"] = "Human",
            ["class"] = "Fighter",
            ["level"] = 1,
            ["ac"] = 10,
            ["hp"] = 10,
            ["max_hp"] = 10,
            ["abilities"] = new Dictionary<string, int> { ["str"] = 10, ["dex"] = 10, ["con"] = 10, ["int"] = 10, ["wis"] = 10, ["cha"] = 10 },
        }).ToList();
        var campaign = new Dictionary<string, object>
        {
            ["id"] = "bench",
            ["name"] = "Bench",
            ["characters"] = characters,
            ["npcs"] = Array.Empty<object>(),
            ["locations"] = Array.Empty<object>(),
        };
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "bench-campaign.json");
        File.WriteAllText(path, JsonSerializer.Serialize(campaign));
        return path;
    }
}
