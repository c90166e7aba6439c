using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary>The real <c>partymode</c> executable: exit codes and messages.</summary>
public sealed class CliProcessTests
{
    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliProcess.RunAsync(args);

    [Test]
    public async Task Status_NoDaemon_ExitsOneWithTheServeHint()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");

        var (code, output, error) = await RunAsync("status", "--data", data);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo($"Party Mode is not running (no daemon for {data}). Start it with: partymode serve --data {data}"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task Status_DaemonRunning_ExitsZeroWithTheSeats()
    {
        await using var server = await TestServer.StartAsync();

        var (code, output, error) = await RunAsync("status", "--data", server.DataDirectory);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain(server.BaseUrl).And.Contain("thorin").And.Contain("observer"));
    }

    [TestCase("token", "kick")]
    [TestCase("status", "--bogus")]
    [TestCase("no-such-command")]
    public async Task Command_UsageError_ExitsTwoWithoutAStackTrace(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Not.Contain("   at "));
        Assert.That(error, Is.Not.Empty);
    }
}
