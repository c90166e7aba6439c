using System.Text.Json;
using PartyMode.Cli.Commands;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary>The daemon-backed commands when no daemon runs, and usage errors.</summary>
public sealed class CliNoDaemonTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Status_NoDaemon_FailsNamingTheServeCommand()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");

        var (code, output, error) = await RunAsync("status", "--data", data);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error.Trim(), Is.EqualTo($"Party Mode is not running (no daemon for {data}). Start it with: partymode serve --data {data}"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task Status_StaleDaemonFile_FailsAsNotRunning()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "daemon.json"), JsonSerializer.Serialize(new { url = "http://127.0.0.1:9", pid = Environment.ProcessId, started_at = DateTimeOffset.UtcNow, version = "0.1.0" }));
        await File.WriteAllTextAsync(Path.Combine(data, "dm.token"), "stale\n");

        var (code, _, error) = await RunAsync("status", "--data", data);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.StartWith("Party Mode is not running"));
    }

    [Test]
    public async Task Stop_NoDaemon_FailsWithOneSentence()
    {
        using var temp = new TempFolder();

        var (code, _, error) = await RunAsync("stop", "--data", Path.Combine(temp.Path, "data"));

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.Contain("nothing to stop"));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [TestCase("show")]
    [TestCase("refresh", "thorin")]
    [TestCase("kick", "thorin")]
    public async Task TokenCommand_NoGameYet_FailsNamingServe(params string[] args)
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");

        var (code, output, error) = await RunAsync(["token", .. args, "--data", data]);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.StartWith($"There is no game in {data} yet: start one with 'partymode serve --data {data}'"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task TokenCommands_StoppedDaemon_ChangeTheDataFileDirectly()
    {
        using var temp = new TempFolder();
        string oldThorin;
        string oldVex;
        await using (var server = await TestServer.StartAsync(dataDirectory: temp.Path))
        {
            oldThorin = server.Token("thorin");
            oldVex = server.Token("vex");
        }

        var (code, output, _) = await RunAsync(["token", "show", "--json", "--data", temp.Path]);
        Assert.That(code, Is.EqualTo(CliApp.Ok));
        Assert.That(output, Does.Contain(oldThorin));

        (code, output, _) = await RunAsync(["token", "refresh", "thorin", "--json", "--data", temp.Path]);
        Assert.That(code, Is.EqualTo(CliApp.Ok));
        var fresh = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("token").GetString()!;
        Assert.That(fresh, Is.Not.EqualTo(oldThorin));
        Assert.That(File.Exists(Path.Combine(temp.Path, "qr", "thorin.png")), Is.True);

        (code, _, _) = await RunAsync(["token", "kick", "vex", "--data", temp.Path]);
        Assert.That(code, Is.EqualTo(CliApp.Ok));
        Assert.That(File.Exists(Path.Combine(temp.Path, "qr", "vex.png")), Is.False);

        await using var restarted = await TestServer.StartAsync(dataDirectory: temp.Path);
        var game = restarted.Server.Game;
        Assert.That(game.Authenticate(oldThorin).Status, Is.EqualTo(PartyMode.Engine.AuthStatus.Invalid));
        Assert.That(game.Authenticate(fresh).Status, Is.EqualTo(PartyMode.Engine.AuthStatus.Ok));
        Assert.That(game.Authenticate(oldVex).Status, Is.EqualTo(PartyMode.Engine.AuthStatus.Kicked));
    }

    [TestCase("token", "refresh")]
    [TestCase("token", "kick")]
    [TestCase("token")]
    [TestCase("status", "--no-such-option")]
    public async Task Command_BadUsage_ExitsTwo(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Match("Run 'partymode( [a-z]+)* --help' for usage"));
    }
}
