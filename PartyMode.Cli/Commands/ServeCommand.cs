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
    private static readonly Option<string?> Campaign = new("--campaign") { Description = "Campaign JSON to import into a new data folder (default: the built-in demo).", HelpName = "FILE" };
    private static readonly Option<int> Port = WholeNumberOption.Create("--port", "PORT", 0, 65535, 8080, "TCP port (0 picks a free one).", "8080");
    private static readonly Option<string> Bind = new("--bind") { Description = "Address to listen on (0.0.0.0: every network).", DefaultValueFactory = _ => "0.0.0.0", HelpName = "ADDRESS" };
    private static readonly Option<string?> PublicUrl = new("--public-url") { Description = "Base URL for join links and QR codes, e.g. http://192.168.1.20:8080.", HelpName = "URL" };
    private static readonly Option<bool> AllowRemoteDm = new("--allow-remote-dm") { Description = "Let the DM API answer other machines." };
    private static readonly Option<string> ActionRate = new("--action-rate") { Description = "Actions per seat as COUNT/SECONDS.", DefaultValueFactory = _ => "10/10", HelpName = "COUNT/SECONDS" };
    private static readonly Option<string> RollRate = new("--roll-rate") { Description = "Dice rolls per player seat as COUNT/SECONDS, counted apart from actions.", DefaultValueFactory = _ => "20/10", HelpName = "COUNT/SECONDS" };
    private static readonly Option<int> AuthFailLimit = WholeNumberOption.Create("--auth-fail-limit", "COUNT", 1, 1_000_000, 20, "Failed authentications a minute per non-loopback address before 429.", "20");
    private static readonly Option<bool> Fsync = new("--fsync") { Description = "Flush every commit to the disk before it is acknowledged (the default; kept for scripts)." };
    private static readonly Option<bool> NoFsync = new("--no-fsync") { Description = "Do not flush commits to the disk: faster on a slow disk, but a power cut can lose the last seconds (a crash still loses nothing)." };
    private static readonly Option<int> BackupEvery = WholeNumberOption.Create("--backup-every", "MINUTES", 0, 1440, 10, "Minutes between backups of the game while it changes (0: only at start).", "10");
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Log every HTTP request and socket to the console too, not only warnings and errors." };
    private static readonly Option<int> MaxConnections = WholeNumberOption.Create("--max-connections", "COUNT", 0, 1_000_000, 0, "TCP connections open at once (0, the default: as many as the open-file limit safely allows).", "2000");
    private static readonly Option<int> MaxPerAddress = WholeNumberOption.Create("--max-connections-per-address", "COUNT", 0, 1_000_000, 128, "TCP connections one address may hold (0: no cap).", "128");
    private static readonly Option<int> MaxObserversPerAddress = WholeNumberOption.Create("--max-observers-per-address", "COUNT", 0, 1_000_000, 16, "Observer screens one address may open (0: no cap).", "16");
    private static readonly Option<bool> Reset = new("--reset") { Description = "Wipe this data folder's stored game first (asks for confirmation)." };
    private static readonly Option<bool> Yes = new("--yes") { Description = "With --reset: do not ask." };
    private static readonly Option<int> MaxHandoutMb = WholeNumberOption.Create("--max-handout-mb", "MB", 1, 100, 10, "Largest handout image the DM may upload, in MB (1 to 100).", "10");
    private static readonly Option<bool> TvJoinCodes = new("--tv-join-codes") { Description = "Let the observer's TV lobby show a join QR code for each seat not yet connected (anyone who sees the TV could join)." };

    public static Command Create()
    {
        var command = new Command("serve", "Run the PartyMode daemon in the foreground.")
        {
            Campaign, Port, Bind, PublicUrl, AllowRemoteDm, ActionRate, RollRate, AuthFailLimit, Fsync, NoFsync, BackupEvery, Verbose,
            MaxConnections, MaxPerAddress, MaxObserversPerAddress, Reset, Yes, TvJoinCodes,
            MaxHandoutMb,
        };
        command.SetAction((result, ct) => ExecuteAsync(result, ct));
        return command.WithExamples(
            "partymode serve                                        # demo, port 8080",
            "partymode serve --campaign my-campaign.json            # your campaign",
            "partymode serve --data ~/games/friday --port 9000      # a second game",
            "partymode serve --public-url http://192.168.1.20:8080  # the right network");
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

        if (!TryParseRate(result.GetValue(RollRate)!, out var rollCount, out var rollSeconds))
        {
            await error.WriteLineAsync("--roll-rate must be COUNT/SECONDS with whole numbers above 0, for example 20/10.");
            return CliApp.UsageError;
        }

        if (result.GetValue(CommonOptions.Json))
        {
            await error.WriteLineAsync("serve has no --json output: once it runs, 'partymode status --json' and 'partymode token show --json' print its state and links.");
            return CliApp.UsageError;
        }

        var port = result.GetValue(Port);
        if (!System.Net.IPAddress.TryParse(result.GetValue(Bind), out _))
        {
            await error.WriteLineAsync($"--bind '{result.GetValue(Bind)}' is not an IP address: pass one such as 0.0.0.0 (every network) or 127.0.0.1 (this machine only).");
            return CliApp.UsageError;
        }

        string? publicUrl = null;
        if (result.GetValue(PublicUrl) is { } givenUrl && (publicUrl = Commands.PublicUrl.Normalize(givenUrl, out var urlError)) is null)
        {
            await error.WriteLineAsync(urlError);
            return CliApp.UsageError;
        }

        if (result.GetValue(Fsync) && result.GetValue(NoFsync))
        {
            await error.WriteLineAsync("--fsync and --no-fsync contradict each other: give one (flushing is the default).");
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
                PublicUrl = publicUrl,
                AllowRemoteDm = result.GetValue(AllowRemoteDm),
                ActionRateCount = count,
                ActionRateSeconds = seconds,
                RollRateCount = rollCount,
                RollRateSeconds = rollSeconds,
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
            if (publicUrl is not null && Commands.PublicUrl.PortWarning(publicUrl, server.Port) is { } warning)
            {
                await error.WriteLineAsync(warning);
            }

            // Enter shows the QR codes one at a time, where there is a person at this terminal to press it.
            var interactive = ReferenceEquals(output, Console.Out) && !Console.IsInputRedirected && !Console.IsOutputRedirected;
            await Banner.PrintAsync(server, output, interactive);
            if (interactive)
            {
                Banner.ShowCodesOnEnter(server, output);
            }

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
