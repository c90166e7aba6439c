using System.Reflection;
using System.Text.Json;
using PartyMode.Engine.Model;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Campaigns;

/// <summary>Reads and checks campaign JSON, reporting every problem with its JSON path.</summary>
public static class CampaignLoader
{
    /// <summary>The fields a character sheet has (snake_case).</summary>
    public static IReadOnlySet<string> CharacterFields => CharacterReader.Fields;

    /// <summary>The built-in demo campaign (embedded in the engine).</summary>
    /// <returns>A fresh copy.</returns>
    public static Campaign Demo()
    {
        using var stream = typeof(CampaignLoader).Assembly.GetManifestResourceStream("PartyMode.Engine.demo-campaign.json")
            ?? throw new InvalidOperationException("The demo campaign is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "demo-campaign.json");
    }

    /// <summary>A file the demo campaign's <c>image</c> names (embedded in the engine with it), or null when there is none.</summary>
    /// <param name="path">The path as the demo campaign gives it (<c>images/…png</c>).</param>
    /// <returns>The bytes.</returns>
    public static byte[]? DemoFile(string path)
    {
        using var stream = typeof(CampaignLoader).Assembly.GetManifestResourceStream("PartyMode.Engine.demo/" + path);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Parses campaign JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="CampaignException">Every problem found.</exception>
    public static Campaign Parse(string json, string fileName)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CampaignException([$"{fileName}: line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: not valid JSON ({FirstSentence(ex.Message)})"]);
        }

        using (document)
        {
            var campaign = ReadCampaign(document.RootElement, problems);
            if (problems.Count > 0)
            {
                throw new CampaignException(problems.Select(p => fileName + ": " + p).ToList());
            }

            return campaign;
        }
    }

    private static Campaign ReadCampaign(JsonElement root, List<string> problems)
    {
        var campaign = new Campaign();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("$: must be an object with id, name and characters");
            return campaign;
        }

        var r = new FieldReader(root, "$", problems, ["id", "name", "characters", "npcs", "locations", "opening", "description"]);
        campaign.Id = r.Id("id", required: true);
        campaign.Name = r.String("name", required: true) ?? "";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, path) in r.Array("characters", required: true))
        {
            var c = ReadCharacter(element, path, problems);
            if (c is not null && !seen.Add(c.Id))
            {
                problems.Add($"{path}.id: '{c.Id}' is used twice; every id must be unique");
            }

            if (c is not null && !SeatIds.IsValidPlayerId(c.Id) && c.Id.Length > 0)
            {
                problems.Add($"{path}.id: '{c.Id}' is not a valid player id (lowercase letters, digits and '-', at most 32, not 'dm' or 'observer')");
            }

            if (c is not null)
            {
                campaign.Characters.Add(c);
            }
        }

        if (campaign.Characters.Count == 0 && r.Has("characters"))
        {
            problems.Add("$.characters: must list at least one character");
        }

        foreach (var (element, path) in r.Array("npcs", required: false))
        {
            var n = new FieldReader(element, path, problems, ["id", "name", "description", "dm_notes", "known", "source_id", "image"]);
            if (!n.IsObject)
            {
                continue;
            }

            var npc = new Npc { Id = n.Id("id", true), Name = n.String("name", true) ?? "", Description = n.String("description", false) ?? "", DmNotes = n.String("dm_notes", false) ?? "", Known = n.Bool("known"), SourceId = n.String("source_id", false), Image = n.String("image", false) };
            if (campaign.Npcs.Any(x => x.Id == npc.Id))
            {
                problems.Add($"{path}.id: '{npc.Id}' is used twice; every id must be unique");
            }

            campaign.Npcs.Add(npc);
        }

        foreach (var (element, path) in r.Array("locations", required: false))
        {
            var l = new FieldReader(element, path, problems, ["id", "name", "description", "dm_notes", "discovered", "source_id", "image"]);
            if (!l.IsObject)
            {
                continue;
            }

            var location = new Location { Id = l.Id("id", true), Name = l.String("name", true) ?? "", Description = l.String("description", false) ?? "", DmNotes = l.String("dm_notes", false) ?? "", Discovered = l.Bool("discovered"), SourceId = l.String("source_id", false), Image = l.String("image", false) };
            if (campaign.Locations.Any(x => x.Id == location.Id))
            {
                problems.Add($"{path}.id: '{location.Id}' is used twice; every id must be unique");
            }

            campaign.Locations.Add(location);
        }

        foreach (var (element, path) in r.Array("opening", required: false))
        {
            var o = ReadOpening(element, path, problems, seen);
            if (o is not null)
            {
                campaign.Opening.Add(o);
            }
        }

        return campaign;
    }

    /// <summary>Reads and checks one character sheet.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="path">Its JSON path, for messages.</param>
    /// <param name="problems">Where problems are added.</param>
    /// <returns>The character, or null when it is not an object.</returns>
    public static Character? ReadCharacter(JsonElement element, string path, List<string> problems) => CharacterReader.Read(element, path, problems);

    private static OpeningEvent? ReadOpening(JsonElement element, string path, List<string> problems, HashSet<string> players)
    {
        var r = new FieldReader(element, path, problems, ["type", "audience", "text", "expr", "total", "rolls", "label", "for"]);
        if (!r.IsObject)
        {
            return null;
        }

        var o = new OpeningEvent
        {
            Type = r.String("type", true) ?? "",
            Audience = r.String("audience", false) ?? "",
            Text = r.String("text", false),
            Expr = r.String("expr", false),
            Label = r.String("label", false),
            For = r.String("for", false),
        };
        if (o.Type is not ("narrative" or "private" or "dm_note" or "roll"))
        {
            problems.Add($"{path}.type: must be narrative, private, dm_note or roll");
        }

        // Secret kinds never default to a wider audience than their kind allows.
        if (o.Audience.Length == 0)
        {
            o.Audience = o.Type == "dm_note" ? "dm" : o.Type == "private" ? "" : "public";
        }

        if (o.Type == "dm_note" && o.Audience != "dm")
        {
            problems.Add($"{path}.audience: a dm_note is for the DM only (audience \"dm\")");
        }

        if (o.Type == "private" && !o.Audience.StartsWith("players:", StringComparison.Ordinal))
        {
            problems.Add($"{path}.audience: a private opening event names its players, like \"players:thorin\"");
            o.Audience = "dm";
        }

        try
        {
            var audience = Visibility.Audience.Parse(o.Audience);
            foreach (var p in audience.PlayerIds.Where(p => !players.Contains(p)))
            {
                problems.Add($"{path}.audience: names '{p}', which is not a character id");
            }
        }
        catch (FormatException)
        {
            problems.Add($"{path}.audience: must be public, party, dm or players:id1,id2");
        }

        if (o.Type == "roll")
        {
            o.Total = r.Int("total", -10_000, 10_000, 0, required: true);
            o.Rolls = r.Ints("rolls");
        }
        else if (string.IsNullOrWhiteSpace(o.Text))
        {
            problems.Add($"{path}.text: must not be empty");
        }

        return o;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

}
