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

    // Until the host offers offline seat changes (OfflineSeats), the token commands need a running daemon.
    [TestCase("show")]
    [TestCase("refresh", "thorin")]
    [TestCase("kick", "thorin")]
    public async Task TokenCommand_NoDaemon_FailsNamingServe(params string[] args)
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");

        var (code, output, error) = await RunAsync(["token", .. args, "--data", data]);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.StartWith("Party Mode is not running: start it with 'partymode serve --data " + data));
        Assert.That(output, Is.Empty);
    }

    [TestCase("token", "refresh")]
    [TestCase("token", "kick")]
    [TestCase("token")]
    [TestCase("status", "--no-such-option")]
    public async Task Command_BadUsage_ExitsTwo(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Contain("partymode --help"));
    }
}
