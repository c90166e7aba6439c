using PartyMode.Tests.Support;

namespace PartyMode.Tests.DataSafety;

/// <summary>The real daemon in a folder the user made world-readable: every file it holds ends up owner-only.</summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyTests
{
    [Test]
    public async Task Daemon_InAWorldReadableFolder_KeepsEveryFileOwnerOnly()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        await using (var daemon = await DaemonProcess.StartAsync(data))
        {
            using var dm = daemon.Client(daemon.DmToken);
            for (var i = 0; i < 20; i++)
            {
                (await dm.PostAsync("/api/dm/narrate", new StringContent($"{{\"narrative\":\"line {i}\"}}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            }

            Assert.That(Loose(data), Is.Empty, "while it runs (the data file's log included)");
            await dm.PostAsync("/api/dm/shutdown", null);
            await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.That(File.GetUnixFileMode(data), Is.EqualTo((UnixFileMode)0b111_000_000), "the folder is tightened");
        Assert.That(Loose(data), Is.Empty);
        Assert.That(Directory.GetFiles(data, "*", SearchOption.AllDirectories), Has.Some.EndsWith("party.db"));
    }

    private static List<string> Loose(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(p => (File.GetUnixFileMode(p) & (UnixFileMode)0b000_111_111) != 0)
            .Select(p => $"{p} {File.GetUnixFileMode(p)}")
            .ToList();
}
