using System.Text.Json;
using PartyMode.Cli.Commands;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary>The real executable's first-minute surface: bare invocation, option errors, help, --public-url.</summary>
public sealed class CliUsageTests
{
    [Test]
    public async Task Bare_NoArguments_ShortHelpSayingToRunServe()
    {
        var (code, output, error) = await CliProcess.RunAsync();

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(output, Does.Contain("partymode serve").And.Contain("partymode --help"));
        Assert.That(output.Trim().Split('\n'), Has.Length.LessThanOrEqualTo(8));
        Assert.That(error, Does.Not.Contain("Required command"));
    }

    [TestCase("abc")]
    [TestCase("99999")]
    [TestCase("-1")]
    public async Task Serve_BadPort_NamesOnlyPortAndItsRange(string port)
    {
        using var temp = new TempFolder();

        var (code, _, error) = await CliProcess.RunAsync("serve", "--port", port, "--data", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Contain("--port takes a whole number from 0 to 65535").And.Contain($"'{port}'"));
        Assert.That(error, Does.Not.Contain("Int32").And.Not.Contain("--bind").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Serve_BadBind_NamesOnlyBind()
    {
        using var temp = new TempFolder();

        var (code, _, error) = await CliProcess.RunAsync("serve", "--bind", "my-laptop", "--data", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Contain("--bind 'my-laptop' is not an IP address").And.Not.Contain("--port"));
    }

    [TestCase("0/10")]
    [TestCase("20")]
    [TestCase("many/10")]
    public async Task Serve_BadRollRate_NamesRollRateAndItsShape(string rate)
    {
        using var temp = new TempFolder();

        var (code, _, error) = await CliProcess.RunAsync("serve", "--roll-rate", rate, "--data", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Contain("--roll-rate must be COUNT/SECONDS").And.Not.Contain("--action-rate").And.Not.Contain("   at "));
        Assert.That(File.Exists(Path.Combine(temp.Path, "party.db")), Is.False);
    }

    [Test]
    public async Task Serve_Json_RefusedNamingTheCommandsThatPrintJson()
    {
        using var temp = new TempFolder();

        var (code, output, error) = await CliProcess.RunAsync("serve", "--json", "--data", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Contain("status --json").And.Contain("token show --json"));
        Assert.That(output, Is.Empty);
        Assert.That(File.Exists(Path.Combine(temp.Path, "party.db")), Is.False);
    }

    [TestCase("ftp://192.168.1.20:8080")]
    [TestCase("http://192.168.1.20:8080/?x=1")]
    [TestCase("http://")]
    public async Task Serve_PublicUrlPhonesCannotOpen_RefusedWithTheFix(string url)
    {
        using var temp = new TempFolder();

        var (code, _, error) = await CliProcess.RunAsync("serve", "--public-url", url, "--data", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.UsageError));
        Assert.That(error, Does.Contain("--public-url").And.Contain("http://192.168.1.20:8080"));
    }

    [Test]
    public async Task Serve_PublicUrlWithoutScheme_LinksGetHttpAndThePortIsWarnedAbout()
    {
        using var temp = new TempFolder();
        await using var daemon = await DaemonProcess.StartAsync(temp.Path, "--public-url", "192.168.1.20:8080");

        var (code, output, error) = await CliProcess.RunAsync("token", "show", "thorin", "--json", "--data", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        var url = JsonDocument.Parse(output).RootElement.GetProperty("seats")[0].GetProperty("url").GetString();
        Assert.That(url, Does.StartWith("http://192.168.1.20:8080/play?token="));
        var port = new Uri(daemon.Url).Port;
        Assert.That(daemon.Errors, Does.Contain($"uses port 8080 but PartyMode listens on port {port}"));
    }

    [TestCase("serve", "--data <DIR>", "--port <PORT>", "--bind <ADDRESS>", "--public-url <URL>", "--campaign <FILE>")]
    [TestCase("token", "partymode token show thorin", "partymode token kick vex")]
    [TestCase("export", "--as <SEAT>", "--out <FILE>", "--session <N>", "partymode export --as thorin")]
    [TestCase("token show", "[<SEAT>]", "Optional: only this seat", "partymode token show elara")]
    public async Task Help_Command_ShowsPlaceholdersAndExamples(string command, params string[] expected)
    {
        var (code, output, _) = await CliProcess.RunAsync([.. command.Split(' '), "--help"]);

        Assert.That(code, Is.EqualTo(CliApp.Ok));
        Assert.That(output, Does.Contain("Examples:"));
        foreach (var text in expected)
        {
            Assert.That(output, Does.Contain(text));
        }

        Assert.That(output, Does.Not.Contain("<data>").And.Not.Contain("<port>"));
    }

    [Test]
    public async Task Help_Root_ListsCommandsWithoutExamplesInTheirDescriptions()
    {
        var (code, output, _) = await CliProcess.RunAsync("--help");

        Assert.That(code, Is.EqualTo(CliApp.Ok));
        var commands = output[output.IndexOf("Commands:", StringComparison.Ordinal)..];
        Assert.That(commands, Does.Contain("serve").And.Contain("export").And.Not.Contain("Examples"));
    }
}
