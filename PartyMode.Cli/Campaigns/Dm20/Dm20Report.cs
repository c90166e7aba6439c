using System.Text;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>The report of a dm20 conversion (docs/protocol.md §10.2): every field not carried over, by record.</summary>
internal sealed class Dm20Report(string campaignName, string source)
{
    public string CampaignName { get; } = campaignName;

    /// <summary>What was read, e.g. <c>dm20 split campaign folder …/campaigns/Shadowfen</c>.</summary>
    public string Source { get; } = source;

    public List<Dm20ReportEntry> Entries { get; } = [];

    public int Count(string kind) => Entries.Count(e => e.Kind == kind);

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append($"Converted \"{CampaignName}\" from the {Source}: {Count("character")} character(s), {Count("npc")} NPC(s), {Count("location")} location(s).\n");
        var lossy = Entries.Where(e => e.NotCarried.Count > 0 || e.Adjusted.Count > 0).ToList();
        if (lossy.Count == 0)
        {
            text.Append("Everything was carried over.\n");
            return text.ToString();
        }

        text.Append("Not carried over (it stays in the dm20 files; export-dm20 never removes it):\n");
        foreach (var e in lossy)
        {
            var ids = e.Kind == "campaign" ? "" : $" ({e.Kind} {e.Id}{(e.SourceId is null ? "" : ", dm20 id " + e.SourceId)})";
            text.Append($"  {e.Name}{ids}:\n");
            foreach (var field in e.NotCarried)
            {
                text.Append("    - ").Append(field).Append('\n');
            }

            foreach (var change in e.Adjusted)
            {
                text.Append("    ! ").Append(change).Append('\n');
            }
        }

        return text.ToString();
    }

    public JsonObject ToJson()
    {
        var entries = new JsonArray();
        foreach (var e in Entries)
        {
            entries.Add((JsonNode)new JsonObject
            {
                ["kind"] = e.Kind,
                ["name"] = e.Name,
                ["id"] = e.Id,
                ["source_id"] = e.SourceId,
                ["not_carried"] = new JsonArray(e.NotCarried.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["adjusted"] = new JsonArray(e.Adjusted.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            });
        }

        return new JsonObject { ["campaign"] = CampaignName, ["source"] = Source, ["entries"] = entries };
    }
}
