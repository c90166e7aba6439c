using PartyMode.Cli.DataSafety;
using PartyMode.Cli.Hosting;
using PartyMode.Cli;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.DataSafety;

public sealed class GameFileTests
{
    [Test]
    public void EnsureNotLost_NewFolder_Passes()
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(temp.Path);

        Assert.That(() => GameFile.EnsureNotLost(folder), Throws.Nothing);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void EnsureNotLost_GameFileGoneInAUsedFolder_RefusesNamingTheFileAndTheWayOut(bool empty)
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(temp.Path);
        File.WriteAllBytes(folder.KeyFile, new byte[32]);
        if (empty)
        {
            File.WriteAllBytes(folder.DataFile, []);
        }

        Assert.That(() => GameFile.EnsureNotLost(folder), Throws.TypeOf<StartupException>()
            .With.Message.Contains(folder.DataFile)
            .And.Message.Contains(empty ? "is empty" : "is missing")
            .And.Message.Contains("--reset"));
    }

    [Test]
    public async Task Probe_AGameFile_CountsItsEvents()
    {
        using var game = await SavedGame.CreateAsync(narrations: 3);

        var summary = GameFile.Probe(game.DataFile);

        Assert.That(summary.Campaign, Is.Not.Null.And.Not.Empty);
        Assert.That(summary.Events, Is.EqualTo(game.Events));
    }

    [Test]
    public void Probe_Garbage_Throws()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "party.db");
        File.WriteAllBytes(path, Enumerable.Range(0, 65536).Select(i => (byte)(i * 7)).ToArray());

        Assert.That(() => GameFile.Probe(path), Throws.Exception);
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void OwnerOnly_Tighten_MakesFilesAndFoldersOwnerOnly()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        File.WriteAllText(Path.Combine(root, "party.db"), "x");
        File.WriteAllText(Path.Combine(root, "logs", "partymode-1.log"), "x");
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(root, "logs"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(root, "party.db"), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(Path.Combine(root, "logs", "partymode-1.log"), (UnixFileMode)0b110_110_100);

        var changed = OwnerOnly.Tighten(root);

        Assert.That(changed, Is.EqualTo(4), "the folder, logs/ and both files");
        Assert.That(File.GetUnixFileMode(root), Is.EqualTo((UnixFileMode)0b111_000_000));
        Assert.That(File.GetUnixFileMode(Path.Combine(root, "party.db")), Is.EqualTo((UnixFileMode)0b110_000_000));
        Assert.That(File.GetUnixFileMode(Path.Combine(root, "logs", "partymode-1.log")), Is.EqualTo((UnixFileMode)0b110_000_000));
        Assert.That(OwnerOnly.Tighten(root), Is.Zero, "nothing left to change");
    }
}
