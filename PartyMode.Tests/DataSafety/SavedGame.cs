using PartyMode.Tests.Support;

namespace PartyMode.Tests.DataSafety;

/// <summary>A data folder holding a real stored game: a server ran on it, narrated, and stopped.</summary>
internal sealed class SavedGame : IDisposable
{
    private readonly TempFolder _temp;

    private SavedGame(TempFolder temp, string root, long events)
    {
        _temp = temp;
        Root = root;
        Events = events;
    }

    public string Root { get; }

    public string DataFile => Path.Combine(Root, "party.db");

    /// <summary>Events stored when the server stopped.</summary>
    public long Events { get; }

    public static async Task<SavedGame> CreateAsync(int narrations)
    {
        var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "data");
        long events;
        await using (var server = await TestServer.StartAsync(dataDirectory: root))
        {
            for (var i = 0; i < narrations; i++)
            {
                await server.DmPostAsync("/api/dm/narrate", new { narrative = $"Narration {i}" });
            }

            events = server.Server.Game.CommittedSeq;
        }

        return new SavedGame(temp, root, events);
    }

    public void Dispose() => _temp.Dispose();
}
