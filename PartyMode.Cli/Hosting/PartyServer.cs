using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PartyMode.Cli.DataSafety;
using PartyMode.Cli.Limits;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Security;
using PartyMode.Cli.Sockets;
using PartyMode.Cli.Storage;
using PartyMode.Cli.Web.Dm;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Storage;
using Serilog;

namespace PartyMode.Cli.Hosting;

/// <summary>
/// The daemon as an embeddable object: <c>serve</c> and the tests build, start and dispose it the same way.
/// It owns the data folder lock, the store and the Kestrel host; the host's services own the game and the socket hub.
/// </summary>
internal sealed class PartyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiteDbGameStore _store;
    private readonly DaemonLock _lock;
    private readonly Serilog.Core.Logger _log;
    private readonly SocketHub _hub;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopping;
    private BackupScheduler? _backups;

    private PartyServer(WebApplication app, PartyServerOptions options, LiteDbGameStore store, DaemonLock daemonLock, Serilog.Core.Logger log, DataFolder folder, Game game, bool imported)
    {
        _app = app;
        _store = store;
        _lock = daemonLock;
        _log = log;
        Options = options;
        Folder = folder;
        Game = game;
        Imported = imported;
        _hub = app.Services.GetRequiredService<SocketHub>();
        Links = app.Services.GetRequiredService<JoinLinks>();
    }

    public Game Game { get; }

    public PartyServerOptions Options { get; }

    public DataFolder Folder { get; }

    /// <summary>The seats' join links and QR images.</summary>
    public JoinLinks Links { get; }

    /// <summary>The host's services (tests read the access rules from here).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>True when this start imported the campaign into an empty data folder.</summary>
    public bool Imported { get; }

    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string LocalUrl => Links.LocalUrl;

    /// <summary>Completes when the server has stopped (Ctrl+C, SIGTERM, <c>partymode stop</c>).</summary>
    public Task Stopped => _stopped.Task;

    public string TokenFor(string seatId) => Game.TokenFor(seatId);

    /// <summary>The app's real route table (tests enumerate it so no endpoint escapes the token check).</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Routing.RouteEndpoint> Routes =>
        _app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();

    public static async Task<PartyServer> StartAsync(PartyServerOptions options, CancellationToken cancellationToken = default)
    {
        var clockStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var folder = DataFolder.Resolve(options.DataDirectory);
        // Everything the daemon writes is for its owner only: DM notes, whispers and the token key.
        OwnerOnly.RestrictNewFiles();
        DaemonLock daemonLock;
        Serilog.Core.Logger log;
        try
        {
            folder.EnsureExists();
            OwnerOnly.Tighten(folder.Root);
            daemonLock = DaemonLock.Acquire(folder);
            log = Logs.Create(folder, options.ConsoleLogging, verbose: options.Verbose);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw FolderAccess.Refused(folder, ex);
        }
        catch (IOException ex)
        {
            throw new StartupException($"The data folder {folder.Root} cannot be made or written ({ex.Message}): pass --data with a folder of your own.", ex);
        }

        // The port next, still before anything is imported: a start that cannot listen changes nothing.
        System.Net.Sockets.Socket listener;
        try
        {
            listener = ListenSocket.Bind(options.BindAddress, options.Port);
        }
        catch
        {
            await log.DisposeAsync();
            daemonLock.Dispose();
            throw;
        }

        // Start-up work that does not need the game runs on the other core meanwhile: the campaign
        // parse and the web host (its routes and generated request delegates); docs/benchmarks.md.
        var campaignTask = Task.Run(() => GameOpening.LoadCampaign(options), cancellationToken);
        var slot = new OpenedGameSlot();
        var clock = new CountingTimeProvider(options.TimeProvider);
        // The hub needs no game: committed changes reach it through the pipeline, which the store drives.
        var hub = new SocketHub(clock, log);
        var watermark = new CommitWatermark();
        var hostTask = Task.Run(() => CreateHost(options, folder, log, clock, slot, hub, listener), cancellationToken);
        LiteDbGameStore? store = null;
        BackupScheduler? backups = null;
        try
        {
            var (campaign, given) = await campaignTask;
            if (!options.Reset)
            {
                GameFile.EnsureNotLost(folder);
            }

            store = GameOpening.OpenStore(folder, log, options.FlushToDisk, options.Reset, new CommitPipeline(watermark, hub), clock);
            if (options.Reset)
            {
                store.Wipe();
                // A new game gets new links: a fresh key revokes every old token, refreshed or kicked ones included.
                File.Delete(folder.KeyFile);
                if (Directory.Exists(folder.QrFolder))
                {
                    Directory.Delete(folder.QrFolder, recursive: true);
                }

                // The old game's handout images go with it.
                if (Directory.Exists(folder.HandoutFolder))
                {
                    Directory.Delete(folder.HandoutFolder, recursive: true);
                }

                log.Warning("The stored game of {Folder} was wiped (--reset)", folder.Root);
            }

            var gameOptions = new GameOptions
            {
                ActionRateCount = options.ActionRateCount,
                ActionRateWindow = TimeSpan.FromSeconds(options.ActionRateSeconds),
                RollRateCount = options.RollRateCount,
                RollRateWindow = TimeSpan.FromSeconds(options.RollRateSeconds),
                Random = options.DiceSeed is { } seed ? new Random(seed) : PartyMode.Engine.Dice.CryptoRandom.Instance,
            };
            var storeOpened = System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds;
            var key = TokenKey.LoadOrCreate(folder);
            var game = GameOpening.LoadGame(folder, store, watermark, key, gameOptions, clock, given ? campaign.Id : null);
            var imported = game is null;
            // docs/protocol.md §9.4: a new game's campaign images are stored (durably) before the import commits.
            game ??= Game.Import(store, watermark, campaign, key, gameOptions, clock,
                Campaigns.CampaignImages.Store(campaign, options.CampaignFile, new Handouts.HandoutFiles(folder), options.MaxHandoutMb * 1024L * 1024L));
            // docs/protocol.md §10.1: each serve start on a played game begins a session (a new game is in session 1).
            if (!imported)
            {
                await game.Sessions.BeginOnStartAsync();
            }
            var gameOpened = System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds;
            backups = await BackupScheduler.StartAsync(store, new GameBackups(folder), options.BackupInterval, clock, log);
            var app = await hostTask;
            var server = await StartHostAsync(app, slot, options, folder, daemonLock, log, store, game, hub, imported, cancellationToken);
            server._backups = backups;
            log.Information("Started in {Total:0} ms (store open {Store:0} ms, game open {Game:0} ms; process up {Process:0} ms before)",
                System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds, storeOpened, gameOpened - storeOpened,
                (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds - System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds);
            return server;
        }
        catch
        {
            await DisposeUnstartedAsync(hostTask);
            backups?.Dispose();
            store?.Dispose();
            hub.Dispose();
            listener.Dispose();
            await log.DisposeAsync();
            daemonLock.Dispose();
            throw;
        }
    }

    /// <summary>The web host with every route mapped; the game and the store come from the slot once they are open.</summary>
    private static WebApplication CreateHost(PartyServerOptions options, DataFolder folder, Serilog.Core.Logger log, CountingTimeProvider clock, OpenedGameSlot slot, SocketHub hub, System.Net.Sockets.Socket listener)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "PartyMode",
            ContentRootPath = AppContext.BaseDirectory,
            // No appsettings file watcher: nothing is configured from files, and a watcher wakes on every write.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log, dispose: false);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        // Signals are handled by the serve command; tests must not have the host hook the process.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, NoSignalLifetime>();
        // Socket continuations run on the I/O thread instead of hopping to the thread pool: a push to a
        // table is many tiny sends, and each hop costs more than the send (docs/benchmarks.md).
        builder.WebHost.UseSockets(o =>
        {
            o.UnsafePreferInlineScheduling = true;
            // The socket bound at the start (ListenSocket): Kestrel listens on it instead of binding its own.
            o.CreateBoundListenSocket = _ => listener;
        });
        var gate = builder.Services.AddConnectionLimits(options, log);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
            // A connection that sends nothing is closed early: it holds an open file and proves nothing.
            k.Limits.KeepAliveTimeout = options.IdleConnectionTimeout;
            k.Limits.RequestHeadersTimeout = options.IdleConnectionTimeout;
            k.Listen(IPAddress.Parse(options.BindAddress), options.Port, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                l.Use(gate.Wrap);
                // docs/protocol.md §4.1: a WebSocket upgrade is taken here, before HTTP, so an open socket keeps no HTTP state.
                l.Use(new Sockets.SocketUpgrade(l.ApplicationServices, options.IdleConnectionTimeout).Wrap);
            });
        });

        builder.Services.AddPartyMode(options, folder, log, clock, slot, hub);

        var app = builder.Build();
        app.MapPartyMode();
        return app;
    }

    private static async Task DisposeUnstartedAsync(Task<WebApplication> hostTask)
    {
        try
        {
            await (await hostTask).DisposeAsync();
        }
        catch (Exception)
        {
            // Start-up already failed; the first error is the one reported.
        }
    }

    private static async Task<PartyServer> StartHostAsync(
        WebApplication app, OpenedGameSlot slot, PartyServerOptions options, DataFolder folder, DaemonLock daemonLock,
        Serilog.Core.Logger log, LiteDbGameStore store, Game game, SocketHub hub, bool imported, CancellationToken cancellationToken)
    {
        slot.Game = game;
        slot.Store = store;

        var server = new PartyServer(app, options, store, daemonLock, log, folder, game, imported);
        app.Services.GetRequiredService<ServerControl>().RequestShutdown = () => _ = server.StopAsync();
        app.Lifetime.ApplicationStopping.Register(() => hub.CloseAll(1001, "server stopping"));
        await app.StartAsync(cancellationToken);

        var address = new Uri(app.Urls.First());
        server.Port = address.Port;
        var links = server.Links;
        links.LocalUrl = $"http://127.0.0.1:{server.Port}";
        links.LanUrl = options.PublicUrl?.TrimEnd('/') ?? LanUrl(options.BindAddress, server.Port);
        links.WriteAllQr();
        links.SaveBase();
        var candidates = LanAddresses.Candidates();
        if (options.PublicUrl is null && candidates.Count > 1)
        {
            foreach (var ip in candidates)
            {
                log.Information("LAN URL candidate: http://{Address}:{Port}", ip, server.Port);
            }

            log.Information("QR codes and join links use {Url}; pass --public-url if phones cannot reach it", links.LanUrl);
        }
        DataFolder.WritePrivateFile(folder.DmTokenFile, System.Text.Encoding.ASCII.GetBytes(game.TokenFor("dm") + "\n"));
        DaemonInfo.Write(folder, links.LocalUrl);
        log.Information("PartyMode {Version} serving campaign {Campaign} on port {Port} (data {Folder})", BuildInfo.Version, game.Meta.CampaignId, server.Port, folder.Root);
        return server;
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await _stopped.Task;
            return;
        }

        try
        {
            _log.Information("Stopping: closing sockets and the data file");
            _hub.CloseAll(1001, "server stopping");
            await _app.StopAsync();
            // The host's services own the hub and the game and dispose them with it; the store is ours.
            await _app.DisposeAsync();
            _backups?.Dispose();
            // Off whichever thread resumed this method: it may be the store's writer (small commit
            // batches resume their requests there), which cannot join itself.
            await Task.Run(_store.Dispose);
            _log.Information("Stopped");
            await _log.DisposeAsync();
            // daemon.json goes last, just before the lock: `partymode stop` waits for it to go, so a
            // new serve started right after finds everything closed.
            DaemonInfo.Delete(Folder);
            _lock.Dispose();
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string LanUrl(string bind, int port)
    {
        var ip = IPAddress.Parse(bind);
        if (IPAddress.IsLoopback(ip))
        {
            return $"http://127.0.0.1:{port}";
        }

        if (!ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
        {
            return $"http://{bind}:{port}";
        }

        var candidates = LanAddresses.Candidates();
        var best = candidates.Count > 0 ? candidates[0] : null;
        return best is null ? $"http://127.0.0.1:{port}" : $"http://{best}:{port}";
    }
}
