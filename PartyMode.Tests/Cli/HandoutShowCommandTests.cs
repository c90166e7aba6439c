using System.Text.Json;
using PartyMode.Cli.Commands;
using PartyMode.Tests.Support;
using PartyMode.Tests.Web.Handouts;

namespace PartyMode.Tests.Cli;

/// <summary><c>partymode handout show FILE [--title T] [--to SEATS]</c> through a running in-process daemon.</summary>
public sealed class HandoutShowCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task HandoutShow_ToTwoPlayers_UploadsAndShowsToThemOnly()
    {
        await using var server = await TestServer.StartAsync();
        using var files = new TempFolder();
        var file = Path.Combine(files.Path, "ransom-note.png");
        await File.WriteAllBytesAsync(file, TestImages.Png(9, 4));
        await using var vex = await server.ConnectAsync("vex");

        var (code, output, error) = await RunAsync("handout", "show", file, "--to", "vex, gorm", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(output, Does.Contain("'ransom-note'").And.Contain("ho_000003").And.Contain("9×4").And.Contain("vex, gorm"));
        var frame = await vex.WaitForAsync(f => f.Type == "handout", "the handout");
        Assert.That(frame.Json.GetProperty("title").GetString(), Is.EqualTo("ransom-note"), "the title defaults to the file name");
        Assert.That(await HandoutHttp.ListedAsync(server, "gorm"), Is.EqualTo(new[] { "ho_000003" }));
        Assert.That(await HandoutHttp.ListedAsync(server, "thorin"), Is.Empty);
    }

    [Test]
    public async Task HandoutShow_JsonWithTitleToTv_PrintsTheHandoutAndTheEvent()
    {
        await using var server = await TestServer.StartAsync();
        using var files = new TempFolder();
        var file = Path.Combine(files.Path, "x.gif");
        await File.WriteAllBytesAsync(file, TestImages.Gif(30, 20));

        var (code, output, error) = await RunAsync("handout", "show", file, "--title", "Title card", "--to", "tv", "--json", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.That(json.GetProperty("handout").GetProperty("type").GetString(), Is.EqualTo("image/gif"));
        Assert.That(json.GetProperty("event").GetProperty("title").GetString(), Is.EqualTo("Title card"));
        Assert.That(await HandoutHttp.ListedAsync(server, "observer"), Has.Count.EqualTo(1));
        Assert.That(await HandoutHttp.ListedAsync(server, "elara"), Is.Empty);
    }

    [Test]
    public async Task HandoutShow_SvgFileOrUnknownPlayer_FailsWithASentenceAndShowsNothing()
    {
        await using var server = await TestServer.StartAsync();
        using var files = new TempFolder();
        var svg = Path.Combine(files.Path, "map.png");
        await File.WriteAllBytesAsync(svg, TestImages.Svg());
        var png = Path.Combine(files.Path, "real.png");
        await File.WriteAllBytesAsync(png, TestImages.Png(2, 2));

        var (svgCode, _, svgError) = await RunAsync("handout", "show", svg, "--data", server.DataDirectory);
        var (missingCode, _, missingError) = await RunAsync("handout", "show", Path.Combine(files.Path, "nope.png"), "--data", server.DataDirectory);
        var (playerCode, _, playerError) = await RunAsync("handout", "show", png, "--to", "bilbo", "--data", server.DataDirectory);

        Assert.That(svgCode, Is.EqualTo(CliApp.Failed));
        Assert.That(svgError, Does.Contain(svg).And.Contain("not a PNG, JPEG, WebP or GIF"));
        Assert.That(missingCode, Is.EqualTo(CliApp.Failed));
        Assert.That(missingError, Does.Contain("There is no file"));
        Assert.That(playerCode, Is.EqualTo(CliApp.Failed));
        Assert.That(playerError, Does.Contain("bilbo").And.Contain("unknown_player"));
        Assert.That(await HandoutHttp.ListedAsync(server, "thorin"), Is.Empty);
    }

    [Test]
    public async Task HandoutShow_NoDaemon_SaysHowToStartOne()
    {
        using var data = new TempFolder();
        using var files = new TempFolder();
        var png = Path.Combine(files.Path, "real.png");
        await File.WriteAllBytesAsync(png, TestImages.Png(2, 2));

        var (code, _, error) = await RunAsync("handout", "show", png, "--data", data.Path);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.Contain("partymode serve"));
    }
}
