using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using PartyMode.Cli.Hosting;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode serve</c>: the daemon in the foreground.</summary>
internal static class ServeCommand
{
    private static readonly Option<string?> Campaign = new("--campaign") { Description = "Campaign JSON to import into a new data folder (default: the built-in demo)." };
    private static readonly Option<int> Port = new("--port") { Description = "TCP port (0 picks a free one).", DefaultValueFactory = _ => 8080 };
    private static readonly Option<string> Bind = new("--bind") { Description = "Address to listen on.", DefaultValueFactory = _ => "0.0.0.0" };
    private static readonly Option<string?> PublicUrl = new("--public-url") { Description = "Base URL for join links, e.g. http://192.168.1.20:8080." };
    private static readonly Option<bool> AllowRemoteDm = new("--allow-remote-dm") { Description = "Let the DM API answer other machines." };
    private static readonly Option<string> ActionRate = new("--action-rate") { Description = "Actions per seat as COUNT/SECONDS.", DefaultValueFactory = _ => "10/10" };
    private static readonly Option<int> AuthFailLimit = new("--auth-fail-limit") { Description = "Failed authentications a minute per non-loopback address before 429.", DefaultValueFactory = _ => 20 };
    private static readonly Option<bool> Fsync = new("--fsync") { Description = "Flush every commit to the disk before it is acknowledged (the default; kept for scripts)." };
    private static readonly Option<bool> NoFsync = new("--no-fsync") { Description = "Do not flush commits to the disk: faster on a slow disk, but a power cut can lose the last seconds (a crash still loses nothing)." };
    private static readonly Option<int> BackupEvery = new("--backup-every") { Description = "Minutes between backups of the game while it changes (0: only at start).", DefaultValueFactory = _ => 10 };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Log every HTTP request, not only refused and failed ones." };
    private static readonly Option<int> MaxConnections = new("--max-connections") { Description = "TCP connections open at once (default: as many as the open-file limit safely allows)." };
    private static readonly Option<int> MaxPerAddress = new("--max-connections-per-address") { Description = "TCP connections one address may hold (0: no cap).", DefaultValueFactory = _ => 128 };
    private static readonly Option<int> MaxObserversPerAddress = new("--max-observers-per-address") { Description = "Observer screens one address may open (0: no cap).", DefaultValueFactory = _ => 16 };
    private static readonly Option<bool> Reset = new("--reset") { Description = "Wipe this data folder's stored game first (asks for confirmation)." };
    private static readonly Option<bool> Yes = new("--yes") { Description = "With --reset: do not ask." };
    private static readonly Option<int> MaxHandoutMb = new("--max-handout-mb") { Description = "Largest handout image the DM may upload, in MB (1 to 100).", DefaultValueFactory = _ => 10 };
    private static readonly Option<bool> TvJoinCodes = new("--tv-join-codes") { Description = "Let the observer's TV lobby show a join QR code for each seat not yet connected (anyone who sees the TV could join)." };

    public static Command Create()
    {
        var command = new Command("serve", "Run the PartyMode daemon in the foreground.")
        {
            Campaign, Port, Bind, PublicUrl, AllowRemoteDm, ActionRate, AuthFailLimit, Fsync, NoFsync, BackupEvery, Verbose,
            MaxConnections, MaxPerAddress, MaxObserversPerAddress, Reset, Yes, TvJoinCodes,
            MaxHandoutMb,
        };
        command.SetAction((result, ct) => ExecuteAsync(result, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var folder = CommonOptions.Folder(result);
        if (!TryParseRate(result.GetValue(ActionRate)!, out var count, out var seconds))
        {
            await error.WriteLineAsync("--action-rate must be COUNT/SECONDS with whole numbers above 0, for example 10/10.");
            return CliApp.UsageError;
        }

        var port = result.GetValue(Port);
        if (port is < 0 or > 65535 || !System.Net.IPAddress.TryParse(result.GetValue(Bind), out _))
        {
            await error.WriteLineAsync("--port must be 0 to 65535 and --bind an IP address such as 0.0.0.0 or 127.0.0.1.");
            return CliApp.UsageError;
        }

        if (result.GetValue(MaxConnections) < 0 || result.GetValue(MaxPerAddress) < 0 || result.GetValue(MaxObserversPerAddress) < 0)
        {
            await error.WriteLineAsync("--max-connections, --max-connections-per-address and --max-observers-per-address take a whole number of 0 or more (0: automatic or no cap).");
            return CliApp.UsageError;
        }

        if (result.GetValue(Fsync) && result.GetValue(NoFsync))
        {
            await error.WriteLineAsync("--fsync and --no-fsync contradict each other: give one (flushing is the default).");
            return CliApp.UsageError;
        }

        if (result.GetValue(BackupEvery) is < 0 or > 1440)
        {
            await error.WriteLineAsync("--backup-every takes minutes from 0 (only at start) to 1440.");
            return CliApp.UsageError;
        }

        if (result.GetValue(MaxHandoutMb) is < 1 or > 100)
        {
            await error.WriteLineAsync("--max-handout-mb takes a whole number of megabytes from 1 to 100 (default 10).");
            return CliApp.UsageError;
        }

        var reset = result.GetValue(Reset);
        if (reset && !result.GetValue(Yes) && !await ConfirmResetAsync(folder, output, error))
        {
            return CliApp.Failed;
        }

        // Socket completions run on the I/O thread, as Kestrel's inline scheduling (PartyServer) expects:
        // no thread-pool hop per read. The runtime reads this once, when the first socket is created.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        // Signals are taken from the start: a SIGTERM while the daemon starts stops it cleanly once it has.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });
        PartyServer server;
        try
        {
            server = await PartyServer.StartAsync(new PartyServerOptions
            {
                DataDirectory = folder.Root,
                CampaignFile = result.GetValue(Campaign),
                Port = port,
                BindAddress = result.GetValue(Bind)!,
                PublicUrl = result.GetValue(PublicUrl),
                AllowRemoteDm = result.GetValue(AllowRemoteDm),
                ActionRateCount = count,
                ActionRateSeconds = seconds,
                AuthFailLimit = result.GetValue(AuthFailLimit),
                Reset = reset,
                FlushToDisk = !result.GetValue(NoFsync),
                BackupInterval = TimeSpan.FromMinutes(result.GetValue(BackupEvery)),
                Verbose = result.GetValue(Verbose),
                MaxConnections = result.GetValue(MaxConnections),
                MaxConnectionsPerAddress = result.GetValue(MaxPerAddress),
                MaxObserversPerAddress = result.GetValue(MaxObserversPerAddress),
                TvJoinCodes = result.GetValue(TvJoinCodes),
                MaxHandoutMb = result.GetValue(MaxHandoutMb),
                ConsoleLogging = true,
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is DaemonAlreadyRunningException or StartupException or CampaignMismatchException)
        {
            await error.WriteLineAsync(ex is CampaignMismatchException ? ex.Message + " Use 'serve --reset' to wipe this data folder, or another --data folder." : ex.Message);
            return CliApp.Failed;
        }
        catch (CampaignException ex)
        {
            await error.WriteLineAsync("The campaign file has problems; nothing was stored:");
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return CliApp.Failed;
        }
        catch (IOException ex) when (ex.InnerException is SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"Port {port} is already in use: pass another one with --port, or stop what uses it.");
            return CliApp.Failed;
        }

        await using (server)
        {
            await Banner.PrintAsync(server, output);
            await Task.WhenAny(server.Stopped, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
            await output.WriteLineAsync("Stopping PartyMode…");
            await server.StopAsync();
            await output.WriteLineAsync("Stopped. Everything is saved in " + folder.Root);
        }

        return CliApp.Ok;
    }

    private static async Task<bool> ConfirmResetAsync(DataFolder folder, TextWriter output, TextWriter error)
    {
        if (Console.IsInputRedirected)
        {
            await error.WriteLineAsync($"--reset wipes the game stored in {folder.Root}; add --yes to confirm when there is no terminal to ask.");
            return false;
        }

        await output.WriteAsync($"This wipes the game stored in {folder.Root} (actions, story, sheets; every seat gets a new link). Type 'yes' to continue: ");
        var answer = Console.ReadLine();
        if (!string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync("Nothing was wiped.");
            return false;
        }

        return true;
    }

    internal static bool TryParseRate(string text, out int count, out int seconds)
    {
        count = seconds = 0;
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds > 0;
    }
}
