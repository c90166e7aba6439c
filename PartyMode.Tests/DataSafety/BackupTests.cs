using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PartyMode.Cli.Commands;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.DataSafety;

/// <summary>Automatic backups, and the way back from a damaged or lost game file (docs/reliability.md §2–3).</summary>
public sealed class BackupTests
{
    [Test]
    public async Task Backups_AtStartAndEveryIntervalWhileTheGameChanges_AreTakenAndKept()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backups = Path.Combine(folder.Path, "backups");
        await using (var server = await TestServer.StartAsync(time: time, dataDirectory: folder.Path))
        {
            Assert.That(Directory.GetFiles(backups, "party-*.db"), Has.Length.EqualTo(1), "one at start");

            await server.DmPostAsync("/api/dm/narrate", new { narrative = "The bridge creaks." });
            time.Advance(TimeSpan.FromMinutes(10));
            await Poll.UntilAsync(() => Directory.GetFiles(backups, "party-*.db").Length == 2, "a second backup after ten minutes of play");

            time.Advance(TimeSpan.FromMinutes(10));
            await server.DmPostAsync("/api/dm/narrate", new { narrative = "It holds." });
            Assert.That(Directory.GetFiles(backups, "party-*.db"), Has.Length.EqualTo(2), "nothing new until the next tick");
        }

        var (code, output, _) = await CliAsync("backup", "list", "--json", "--data", folder.Path);
        Assert.That(code, Is.EqualTo(CliApp.Ok));
        var listed = JsonDocument.Parse(output).RootElement.GetProperty("backups");
        Assert.That(listed.GetArrayLength(), Is.EqualTo(2));
        Assert.That(listed.EnumerateArray().All(b => b.GetProperty("readable").GetBoolean()), Is.True);
        Assert.That(listed[0].GetProperty("events").GetInt64(), Is.GreaterThan(listed[1].GetProperty("events").GetInt64()), "newest first, with the narration");
    }

    [Test]
    public async Task Restore_AfterTheGameFileIsDamaged_BringsBackTheGameAndKeepsTheDamagedFile()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        long events;
        await using (var server = await TestServer.StartAsync(time: time, dataDirectory: folder.Path))
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = "KEEP-THIS-NARRATION" });
            time.Advance(TimeSpan.FromMinutes(10));
            await Poll.UntilAsync(() => Directory.GetFiles(Path.Combine(folder.Path, "backups"), "party-*.db").Length == 2, "the periodic backup");
            events = server.Server.Game.CommittedSeq;
        }

        Damage(Path.Combine(folder.Path, "party.db"));
        Assert.That(async () => await TestServer.StartAsync(dataDirectory: folder.Path), Throws.TypeOf<StartupException>()
            .With.Message.Contains(Path.Combine(folder.Path, "party.db")).And.Message.Contains("is damaged").And.Message.Contains("partymode backup restore latest"));

        var (code, output, error) = await CliAsync("backup", "restore", "latest", "--data", folder.Path);
        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(output, Does.Contain("Restored the game").And.Contain($"({events} events)"));
        Assert.That(Directory.GetFiles(Path.Combine(folder.Path, "damaged"), "party-*.db"), Has.Length.EqualTo(1), "the damaged file is kept");

        await using var restored = await TestServer.StartAsync(dataDirectory: folder.Path);
        Assert.That(restored.Server.Game.CommittedSeq, Is.EqualTo(events));
        var story = await restored.GetJsonAsync("thorin", "/api/events?after=0&limit=1000");
        Assert.That(story.ToString(), Does.Contain("KEEP-THIS-NARRATION"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Serve_GameFileGoneInAUsedFolder_RefusesUnlessReset(bool emptied)
    {
        using var folder = new TempFolder();
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            await server.DmPostAsync("/api/dm/narrate", new { narrative = "Three hundred events of play." });
        }

        var file = Path.Combine(folder.Path, "party.db");
        if (emptied)
        {
            await File.WriteAllBytesAsync(file, []);
        }
        else
        {
            File.Delete(file);
        }

        Assert.That(async () => await TestServer.StartAsync(dataDirectory: folder.Path), Throws.TypeOf<StartupException>()
            .With.Message.Contains(emptied ? "is empty" : "is missing").And.Message.Contains("backup restore latest").And.Message.Contains("--reset"));

        await using var reset = await TestServer.StartAsync(_ => new PartyServerOptions { DataDirectory = folder.Path, Port = 0, BindAddress = "127.0.0.1", Reset = true });
        Assert.That(reset.Server.Imported, Is.True, "--reset starts a new game");
    }

    [Test]
    public async Task Serve_DamagedGameFile_ExitsWithOneSentenceAndNoStackTrace()
    {
        using var folder = new TempFolder();
        await using (await TestServer.StartAsync(dataDirectory: folder.Path))
        {
        }

        Damage(Path.Combine(folder.Path, "party.db"));
        var (code, output, error) = await CliProcess.RunAsync("serve", "--data", folder.Path, "--port", "0", "--bind", "127.0.0.1");

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain("is damaged").And.Contain("partymode backup restore latest"));
        Assert.That(output + error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task BackupRestore_WhileTheDaemonRuns_Refuses()
    {
        using var folder = new TempFolder();
        await using var server = await TestServer.StartAsync(dataDirectory: folder.Path);

        var (code, _, error) = await CliAsync("backup", "restore", "latest", "--data", folder.Path);

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error, Does.Contain("stop it with 'partymode stop'"));
    }

    /// <summary>Garbage over the file's header and first pages, as a disk or a cut copy could leave it.</summary>
    internal static void Damage(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var random = new Random(7);
        for (var i = 0; i < Math.Min(bytes.Length, 3 * 8192); i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
