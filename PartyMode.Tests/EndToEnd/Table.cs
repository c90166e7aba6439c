using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>The seed's table: a server on the demo campaign with the 4 players, the observer and the DM connected.</summary>
internal sealed class Table : IAsyncDisposable
{
    private Table(TestServer server) => Server = server;

    public TestServer Server { get; }

    public Dictionary<string, SimulatedPlayer> Players { get; } = new(StringComparer.Ordinal);

    public SimulatedPlayer Observer { get; private set; } = null!;

    public SimulatedPlayer Dm { get; private set; } = null!;

    public IEnumerable<SimulatedPlayer> Everyone => Players.Values.Append(Observer).Append(Dm);

    public static async Task<Table> OpenAsync(TimeProvider? time = null)
    {
        var table = new Table(await TestServer.StartAsync(time));
        foreach (var p in TestServer.Players)
        {
            table.Players[p] = await table.Server.ConnectAsync(p);
        }

        table.Observer = await table.Server.ConnectAsync("observer");
        table.Dm = await table.Server.ConnectAsync("dm");
        return table;
    }

    /// <summary>Narrates a sentinel and waits until every connected viewer has it: nothing earlier is still in flight.</summary>
    public async Task SettleAsync(string sentinel)
    {
        await Server.DmPostAsync("/api/dm/narrate", new { narrative = sentinel });
        foreach (var viewer in Everyone.Where(v => v.IsOpen))
        {
            await viewer.WaitForTextAsync(sentinel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var viewer in Everyone)
        {
            await viewer.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
