using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Sockets;
using PartyMode.Cli.Storage;
using PartyMode.Cli.Web;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Storage;
using Serilog;

namespace PartyMode.Cli.Hosting;

/// <summary>
/// The daemon as an embeddable object: <c>serve</c> and the tests build, start and dispose it the same way.
/// It owns the data folder lock, the store, the game and the Kestrel host.
/// </summary>
internal sealed class PartyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiteDbGameStore _store;
    private readonly DaemonLock _lock;
    private readonly Serilog.Core.Logger _log;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopping;

    private PartyServer(WebApplication app, LiteDbGameStore store, DaemonLock daemonLock, Serilog.Core.Logger log, ServerState state, bool imported)
    {
        _app = app;
        _store = store;
        _lock = daemonLock;
        _log = log;
        State = state;
        Imported = imported;
    }

    public ServerState State { get; }

    public Game Game => State.Game;

    /// <summary>True when this start imported the campaign into an empty data folder.</summary>
    public bool Imported { get; }

    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string LocalUrl => State.LocalUrl;

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
        folder.EnsureExists();
        var daemonLock = DaemonLock.Acquire(folder);
        var log = Logs.Create(folder, options.ConsoleLogging, verbose: options.Verbose);
        // Start-up work that does not need the game runs on the other core meanwhile: the campaign
        // parse and the web host (its routes and generated request delegates); docs/benchmarks.md.
        var campaignTask = Task.Run(() => LoadCampaign(options), cancellationToken);
        var stateSlot = new ServerStateSlot();
        var hostTask = Task.Run(() => CreateHost(options, log, stateSlot), cancellationToken);
        LiteDbGameStore? store = null;
        // The hub needs no game: committed changes reach it through the pipeline, which the store drives.
        var clock = new CountingTimeProvider(options.TimeProvider);
        var hub = new SocketHub(clock, log);
        var watermark = new CommitWatermark();
        try
        {
            store = new LiteDbGameStore(folder.DataFile, log, options.FlushToDisk, committed: new CommitPipeline(watermark, hub));
            var (campaign, given) = await campaignTask;
            if (options.Reset)
            {
                store.Wipe();
                // A new game gets new links: a fresh key revokes every old token, refreshed or kicked ones included.
                File.Delete(folder.KeyFile);
                if (Directory.Exists(folder.QrFolder))
                {
                    Directory.Delete(folder.QrFolder, recursive: true);
                }

                log.Warning("The stored game of {Folder} was wiped (--reset)", folder.Root);
            }

            var gameOptions = new GameOptions
            {
                ActionRateCount = options.ActionRateCount,
                ActionRateWindow = TimeSpan.FromSeconds(options.ActionRateSeconds),
                Random = options.DiceSeed is { } seed ? new Random(seed) : Random.Shared,
            };
            var storeOpened = System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds;
            var key = TokenKey.LoadOrCreate(folder);
            var game = Game.Load(store, watermark, key, gameOptions, clock, given ? campaign.Id : null);
            var imported = game is null;
            game ??= Game.Import(store, watermark, campaign, key, gameOptions, clock);
            var gameOpened = System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds;
            var app = await hostTask;
            var server = await StartHostAsync(app, stateSlot, options, folder, daemonLock, log, store, game, hub, imported, clock, cancellationToken);
            log.Information("Started in {Total:0} ms (store open {Store:0} ms, game open {Game:0} ms; process up {Process:0} ms before)",
                System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds, storeOpened, gameOpened - storeOpened,
                (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds - System.Diagnostics.Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds);
            return server;
        }
        catch
        {
            await DisposeUnstartedAsync(hostTask);
            store?.Dispose();
            hub.Dispose();
            await log.DisposeAsync();
            daemonLock.Dispose();
            throw;
        }
    }

    /// <summary>The web host with every route mapped; its <see cref="ServerState"/> comes from the slot once the game is open.</summary>
    private static WebApplication CreateHost(PartyServerOptions options, Serilog.Core.Logger log, ServerStateSlot stateSlot)
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
        // table of 12 is dozens of tiny sends, and each hop costs more than the send (docs/benchmarks.md).
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
            k.Listen(IPAddress.Parse(options.BindAddress), options.Port, l => l.Protocols = HttpProtocols.Http1);
        });

        builder.Services.AddSingleton(_ => stateSlot.State ?? throw new InvalidOperationException("The server state is set before the host starts."));

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseMiddleware<ApiAuthMiddleware>();
        app.MapPages();
        app.MapPlayerApi();
        app.MapDmApi();
        app.MapCombat();
        app.MapSockets();
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
        WebApplication app, ServerStateSlot stateSlot, PartyServerOptions options, DataFolder folder, DaemonLock daemonLock,
        Serilog.Core.Logger log, LiteDbGameStore store, Game game, SocketHub hub, bool imported, CountingTimeProvider clock, CancellationToken cancellationToken)
    {
        var state = new ServerState(game, hub, options, log, folder, clock, store);
        stateSlot.State = state;

        var server = new PartyServer(app, store, daemonLock, log, state, imported);
        state.RequestShutdown = () => _ = server.StopAsync();
        app.Lifetime.ApplicationStopping.Register(() => hub.CloseAll(1001, "server stopping"));
        await app.StartAsync(cancellationToken);

        var address = new Uri(app.Urls.First());
        server.Port = address.Port;
        state.Links.LocalUrl = $"http://127.0.0.1:{server.Port}";
        state.Links.LanUrl = options.PublicUrl?.TrimEnd('/') ?? LanUrl(options.BindAddress, server.Port);
        state.Links.WriteAllQr();
        state.Links.SaveBase();
        var candidates = LanAddresses.Candidates();
        if (options.PublicUrl is null && candidates.Count > 1)
        {
            foreach (var ip in candidates)
            {
                log.Information("LAN URL candidate: http://{Address}:{Port}", ip, server.Port);
            }

            log.Information("QR codes and join links use {Url}; pass --public-url if phones cannot reach it", state.LanUrl);
        }
        DataFolder.WritePrivateFile(folder.DmTokenFile, System.Text.Encoding.ASCII.GetBytes(game.TokenFor("dm") + "\n"));
        DaemonInfo.Write(folder, state.LocalUrl);
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
            State.Hub.CloseAll(1001, "server stopping");
            await _app.StopAsync();
            await _app.DisposeAsync();
            // Off whichever thread resumed this method: it may be the store's writer (small commit
            // batches resume their requests there), which cannot join itself.
            await Task.Run(() =>
            {
                State.Hub.Dispose();
                Game.Dispose();
                _store.Dispose();
            });
            _log.Information("Stopped");
            await _log.DisposeAsync();
            // daemon.json goes last, just before the lock: `partymode stop` waits for it to go, so a
            // new serve started right after finds everything closed.
            DaemonInfo.Delete(State.Folder);
            _lock.Dispose();
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static (Engine.Model.Campaign Campaign, bool Given) LoadCampaign(PartyServerOptions options)
    {
        if (options.CampaignFile is null)
        {
            return (CampaignLoader.Demo(), false);
        }

        if (!File.Exists(options.CampaignFile))
        {
            throw new StartupException($"The campaign file {options.CampaignFile} does not exist; check the path given to --campaign.");
        }

        return (CampaignLoader.Parse(File.ReadAllText(options.CampaignFile), Path.GetFileName(options.CampaignFile)), true);
    }

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
