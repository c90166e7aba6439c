using System.Text.Json.Nodes;
using PartyMode.Cli.Campaigns.Dm20;
using PartyMode.Cli.Hosting;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Cli.Campaigns;

/// <summary>
/// What <c>--campaign PATH</c> may name, told apart by content (docs/protocol.md §10.2): a PartyMode campaign
/// file, a dm20 monolithic campaign file, or a dm20 split campaign folder (or its campaign.json).
/// </summary>
internal static class CampaignSources
{
    /// <summary>Reads the campaign at <paramref name="path"/>.</summary>
    /// <exception cref="StartupException">Nothing usable at the path.</exception>
    /// <exception cref="CampaignException">Its content has problems, each named by file and JSON path.</exception>
    public static LoadedCampaign Load(string path)
    {
        if (Directory.Exists(path))
        {
            if (!Dm20Reader.IsSplitFolder(path))
            {
                throw new StartupException($"The folder {path} is not a dm20 campaign (it has no campaign.json); give --campaign a PartyMode campaign file, a dm20 campaign file or a dm20 campaign folder.");
            }

            return FromDm20(Dm20Reader.ReadFolder(path));
        }

        if (!File.Exists(path))
        {
            throw new StartupException($"The campaign file {path} does not exist; check the path given to --campaign.");
        }

        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        var root = Dm20Reader.Parse(text, name);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        // campaign.json of a split folder holds only the metadata: the folder is the campaign.
        if (name == "campaign.json" && root is JsonObject o && o["characters"] is null && File.Exists(Path.Combine(folder, "characters.json")))
        {
            return FromDm20(Dm20Reader.ReadFolder(folder));
        }

        if (Dm20Reader.IsMonolithic(root))
        {
            return FromDm20(Dm20Reader.ReadFile(path, (JsonObject)root!));
        }

        return new LoadedCampaign(CampaignLoader.Parse(text, name), null, null);
    }

    private static LoadedCampaign FromDm20(Dm20Input input)
    {
        var (converted, report) = Dm20Mapper.Map(input);
        // The engine's loader checks the result as it checks any campaign file.
        var campaign = CampaignLoader.Parse(converted.ToJsonString(), "(converted from dm20) " + Path.GetFileName(input.Location));
        return new LoadedCampaign(campaign, converted, report);
    }
}
