using System.Text.Json.Nodes;
using PartyMode.Engine.Campaigns;
using PartyMode.Tests.Support;
using PartyMode.Tests.Web.Handouts;

namespace PartyMode.Tests.Campaigns;

/// <summary>Campaign <c>image</c> on NPCs, locations and characters (docs/protocol.md §9.4), with the demo's map and portrait.</summary>
public sealed class CampaignImageTests
{
    [Test]
    public async Task Demo_RevealingTheVillainAndTheMill_ShowsTheirImagesToTheParty()
    {
        await using var server = await TestServer.StartAsync();
        var all = (await server.GetJsonAsync("dm", "/api/handouts")).GetProperty("handouts").EnumerateArray().ToList();
        Assert.That(all.Select(h => h.GetProperty("subject").GetString()), Is.EquivalentTo(new[] { "npc:villain", "location:old-mill" }));
        Assert.That(await HandoutHttp.ListedAsync(server, "thorin"), Is.Empty, "nothing is shown before the reveal");
        await using var vex = await server.ConnectAsync("vex");

        await server.DmPostAsync("/api/dm/npcs/villain/reveal");
        await server.DmPostAsync("/api/dm/locations/old-mill/reveal");

        var shown = await vex.WaitForAsync(f => f.Type == "handout" && f.Json.GetProperty("title").GetString() == "The Old Mill", "the map");
        Assert.That(vex.OfType("handout").Select(f => f.Json.GetProperty("title").GetString()), Is.EqualTo(new[] { "The Grey Chancellor", "The Old Mill" }));
        var map = shown.Json.GetProperty("handout_id").GetString()!;
        using var image = await HandoutHttp.ImageAsync(server, "vex", map);
        var embedded = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "PartyMode.Engine", "Campaigns", "demo-images", "old-mill-map.png"));
        Assert.That(await image.Content.ReadAsByteArrayAsync(), Is.EqualTo(embedded));
        Assert.That((shown.Json.GetProperty("width").GetInt32(), shown.Json.GetProperty("height").GetInt32()), Is.EqualTo((240, 160)));
        using var observer = await HandoutHttp.ImageAsync(server, "observer", map);
        Assert.That((int)observer.StatusCode, Is.EqualTo(404), "reveals are for the party, and so are their images");
    }

    [Test]
    public async Task CampaignFile_WithImages_ImportsThemRelativeToTheFile()
    {
        using var folder = new TempFolder();
        var campaignFile = WriteCampaign(folder.Path, c =>
        {
            c["characters"]![0]!["image"] = "art/thorin.png";
            c["npcs"]![0]!["image"] = "art/marta.png";
            c["npcs"]![0]!["known"] = true;
            c["locations"]![1]!["image"] = "art/mill.png";
        });
        Directory.CreateDirectory(Path.Combine(folder.Path, "art"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "art", "thorin.png"), TestImages.Png(3, 4, 1));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "art", "marta.png"), TestImages.Png(5, 6, 2));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "art", "mill.png"), TestImages.Png(7, 8, 3));

        await using var server = await TestServer.StartAsync(campaignFile: campaignFile);

        // The portrait reaches its owner; the known NPC's image the party; the undiscovered mill nobody yet.
        var thorin = (await server.GetJsonAsync("thorin", "/api/handouts")).GetProperty("handouts").EnumerateArray().Select(h => h.GetProperty("title").GetString()).ToList();
        var elara = (await server.GetJsonAsync("elara", "/api/handouts")).GetProperty("handouts").EnumerateArray().Select(h => h.GetProperty("title").GetString()).ToList();
        Assert.That(thorin, Is.EquivalentTo(new[] { "Thorin", "Marta Brindle" }));
        Assert.That(elara, Is.EqualTo(new[] { "Marta Brindle" }));
        Assert.That(await HandoutHttp.ListedAsync(server, "observer"), Is.Empty);
        Assert.That(await HandoutHttp.ListedAsync(server, "dm"), Has.Count.EqualTo(3));
        await server.DmPostAsync("/api/dm/locations/old-mill/reveal");
        Assert.That((await server.GetJsonAsync("elara", "/api/handouts")).GetProperty("handouts")[0].GetProperty("width").GetInt32(), Is.EqualTo(7));
    }

    [TestCase("missing")]
    [TestCase("svg")]
    public async Task CampaignFile_BadImage_StartFailsNamingTheEntryAndTheFile(string problem)
    {
        using var folder = new TempFolder();
        var campaignFile = WriteCampaign(folder.Path, c => c["npcs"]![1]!["image"] = "art/villain.png");
        if (problem == "svg")
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, "art"));
            await File.WriteAllBytesAsync(Path.Combine(folder.Path, "art", "villain.png"), TestImages.Svg());
        }

        using var data = new TempFolder();
        var ex = Assert.ThrowsAsync<CampaignException>(async () => await TestServer.StartAsync(dataDirectory: data.Path, campaignFile: campaignFile));

        var text = string.Join("\n", ex!.Problems);
        Assert.That(text, Does.Contain("$.npcs[1].image").And.Contain(Path.Combine(folder.Path, "art", "villain.png")));
        Assert.That(text, Does.Contain(problem == "svg" ? "not a PNG, JPEG, WebP or GIF" : "does not exist"));
        Assert.That(Directory.Exists(Path.Combine(data.Path, "handouts")), Is.False, "nothing was stored");
    }

    /// <summary>The demo campaign as a file of the test's own, changed by <paramref name="change"/>, without the demo's images.</summary>
    private static string WriteCampaign(string folder, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "PartyMode.Engine", "Campaigns", "demo-campaign.json")))!.AsObject();
        foreach (var list in new[] { "characters", "npcs", "locations" })
        {
            foreach (var entry in json[list]!.AsArray())
            {
                entry!.AsObject().Remove("image");
            }
        }

        json["id"] = "image-test";
        change(json);
        var path = Path.Combine(folder, "campaign.partymode.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
