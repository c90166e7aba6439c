using PartyMode.Cli.Handouts;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Handouts;
using PartyMode.Engine.Model;

namespace PartyMode.Cli.Campaigns;

/// <summary>
/// The images a campaign's NPCs, locations and characters name (docs/protocol.md §9.4): read relative to the
/// campaign file (the demo's from the binary), checked as an upload is, and stored before the import.
/// </summary>
internal static class CampaignImages
{
    /// <summary>Reads, checks and stores every named image; nothing is stored when one is bad.</summary>
    /// <param name="campaign">The parsed campaign.</param>
    /// <param name="campaignPath">The <c>--campaign</c> path (a file or a dm20 folder); null for the demo.</param>
    /// <param name="files">Where images go.</param>
    /// <param name="maxBytes">The upload limit, which campaign images keep too.</param>
    /// <exception cref="CampaignException">Each bad image, named by its JSON path and file.</exception>
    public static IReadOnlyList<CampaignImage> Store(Campaign campaign, string? campaignPath, HandoutFiles files, long maxBytes)
    {
        var named = campaign.Characters.Select((c, i) => ($"$.characters[{i}].image", c.Image))
            .Concat(campaign.Npcs.Select((n, i) => ($"$.npcs[{i}].image", n.Image)))
            .Concat(campaign.Locations.Select((l, i) => ($"$.locations[{i}].image", l.Image)))
            .Where(x => x.Image is not null)
            .Select(x => (JsonPath: x.Item1, Path: x.Image!))
            .ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var folder = campaignPath is null ? null : Directory.Exists(campaignPath) ? Path.GetFullPath(campaignPath) : Path.GetDirectoryName(Path.GetFullPath(campaignPath))!;
        var problems = new List<string>();
        var read = new Dictionary<string, (byte[] Data, SniffedImage Image)>(StringComparer.Ordinal);
        foreach (var (jsonPath, path) in named)
        {
            if (read.ContainsKey(path))
            {
                continue;
            }

            var (data, where, problem) = Open(path, folder);
            if (problem is null && data!.Length > maxBytes)
            {
                problem = $"{where} is {data.Length / (1024.0 * 1024.0):0.#} MB; handouts may be at most {maxBytes / (1024 * 1024)} MB (serve --max-handout-mb)";
            }

            var image = problem is null ? ImageSniffer.Sniff(data) : null;
            if (problem is null && image is null)
            {
                problem = $"{where} is not a PNG, JPEG, WebP or GIF image (SVG and other files are refused); convert it to one of those";
            }

            if (problem is not null)
            {
                problems.Add($"{jsonPath}: {problem}");
                continue;
            }

            read[path] = (data!, image!);
        }

        if (problems.Count > 0)
        {
            throw new CampaignException(problems);
        }

        return read.Select(r => new CampaignImage(r.Key, files.Store(r.Value.Data, r.Value.Image))).ToList();
    }

    private static (byte[]? Data, string Where, string? Problem) Open(string path, string? folder)
    {
        if (path.Trim().Length == 0)
        {
            return (null, "", "is empty; give a path to an image file, relative to the campaign file");
        }

        if (folder is null)
        {
            var demo = CampaignLoader.DemoFile(path);
            return demo is null ? (null, path, $"the demo campaign has no file {path}") : (demo, path, null);
        }

        var full = Path.GetFullPath(Path.Combine(folder, path));
        try
        {
            return (File.ReadAllBytes(full), full, null);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, full, $"{full} does not exist; the path is relative to the campaign file's folder ({folder})");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return (null, full, $"{full} cannot be read ({ex.Message})");
        }
    }
}
