using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.DataSafety;

/// <summary>
/// A power cut mid-write leaves a file cut or scrambled at some point. On a copy of a real game file, cut
/// or scrambled at seeded random places, the daemon either opens the last committed state or refuses
/// with the damaged-file sentence; it never opens a part of the game as if it were all of it.
/// </summary>
public sealed class TornWriteTests
{
    private static SavedGame? _game;

    [OneTimeSetUp]
    public async Task SaveAGame() => _game = await SavedGame.CreateAsync(narrations: 60);

    [OneTimeTearDown]
    public void Forget() => _game?.Dispose();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    [TestCase(8)]
    public async Task GameFile_CutAtARandomPoint_OpensWholeOrIsRefused(int seed) =>
        await OpensWholeOrIsRefusedAsync(seed, (bytes, random) => bytes[..random.Next(bytes.Length)]);

    [TestCase(11)]
    [TestCase(12)]
    [TestCase(13)]
    [TestCase(14)]
    [TestCase(15)]
    [TestCase(16)]
    public async Task GameFile_APageScrambled_OpensWholeOrIsRefused(int seed) =>
        await OpensWholeOrIsRefusedAsync(seed, (bytes, random) =>
        {
            var page = random.Next(bytes.Length / 8192) * 8192;
            for (var i = page; i < Math.Min(bytes.Length, page + 8192); i++)
            {
                bytes[i] = (byte)random.Next(256);
            }

            return bytes;
        });

    private static async Task OpensWholeOrIsRefusedAsync(int seed, Func<byte[], Random, byte[]> tear)
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        File.Copy(Path.Combine(_game!.Root, "token.key"), Path.Combine(data, "token.key"));
        var torn = tear(await File.ReadAllBytesAsync(_game.DataFile), new Random(seed));
        await File.WriteAllBytesAsync(Path.Combine(data, "party.db"), torn);

        TestServer server;
        try
        {
            server = await TestServer.StartAsync(dataDirectory: data);
        }
        catch (StartupException ex)
        {
            Assert.That(ex.Message, Does.Contain("is damaged").Or.Contain("is empty"), $"seed {seed}: refused with the sentence");
            return;
        }

        await using (server)
        {
            Assert.That(server.Server.Game.CommittedSeq, Is.EqualTo(_game.Events), $"seed {seed}: opened, so with every committed event");
            var story = await server.GetJsonAsync("dm", "/api/events?after=0&limit=1000");
            Assert.That(story.GetProperty("events").GetArrayLength(), Is.EqualTo(_game.Events), $"seed {seed}: every event readable");
        }
    }
}
