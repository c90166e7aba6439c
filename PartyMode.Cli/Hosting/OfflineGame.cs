using PartyMode.Cli.DataSafety;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Security;
using PartyMode.Cli.Storage;
using PartyMode.Engine;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Hosting;

/// <summary>
/// The stored game opened without a daemon, for the token commands: it takes the daemon lock (so no
/// daemon can start meanwhile), changes the data file directly and keeps the QR images in step.
/// </summary>
internal sealed class OfflineGame : IDisposable
{
    private readonly DaemonLock _lock;
    private readonly LiteDbGameStore _store;

    private OfflineGame(DaemonLock daemonLock, LiteDbGameStore store, Game game, JoinLinks links)
    {
        _lock = daemonLock;
        _store = store;
        Game = game;
        Links = links;
        Seats = new SeatService(game, links, hub: null);
    }

    public Game Game { get; }

    public JoinLinks Links { get; }

    /// <summary>Refresh and kick with their QR images kept in step (no sockets: no daemon runs).</summary>
    public SeatService Seats { get; }

    public static OfflineGame Open(DataFolder folder)
    {
        GameFile.EnsureNotLost(folder);
        if (!File.Exists(folder.DataFile))
        {
            throw new StartupException($"There is no game in {folder.Root} yet: start one with 'partymode serve --data {folder.Root}'.");
        }

        var daemonLock = DaemonLock.Acquire(folder);
        LiteDbGameStore? store = null;
        try
        {
            var watermark = new CommitWatermark();
            // Flushed like the daemon's commits: a refreshed or kicked seat printed to the user is on the disk.
            store = GameOpening.OpenStore(folder, Serilog.Core.Logger.None, flushToDisk: true, reset: false, new CommitPipeline(watermark, hub: null), TimeProvider.System);
            var game = GameOpening.LoadGame(folder, store, watermark, TokenKey.LoadOrCreate(folder), new GameOptions(), TimeProvider.System, campaignId: null)
                ?? throw new StartupException($"The data folder {folder.Root} holds no game yet: start one with 'partymode serve --data {folder.Root}'.");
            var candidates = LanAddresses.Candidates();
            var lan = JoinLinks.SavedBase(folder) ?? "http://" + (candidates.Count > 0 ? candidates[0].ToString() : "127.0.0.1") + ":8080";
            var links = new JoinLinks(game, folder) { LanUrl = lan, LocalUrl = "http://127.0.0.1:" + new Uri(lan).Port };
            return new OfflineGame(daemonLock, store, game, links);
        }
        catch
        {
            store?.Dispose();
            daemonLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Game.Dispose();
        _store.Dispose();
        _lock.Dispose();
    }
}
