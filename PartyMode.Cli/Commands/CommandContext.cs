using System.CommandLine;
using PartyMode.Cli.Client;
using PartyMode.Cli.Hosting;
using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Commands;

/// <summary>What a daemon-backed command needs: its folder, output mode and writers; turns failures into one sentence and an exit code.</summary>
internal sealed class CommandContext
{
    private const int MaxAttempts = 3;

    private CommandContext(ParseResult parse)
    {
        Folder = CommonOptions.Folder(parse);
        Json = parse.GetValue(CommonOptions.Json);
        Out = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
    }

    public DataFolder Folder { get; }

    public bool Json { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>The sentence for "no daemon", naming the command that starts one.</summary>
    public string NotRunningSentence =>
        $"Party Mode is not running (no daemon for {Folder.Root}). Start it with: partymode serve --data {Quote(Folder.Root)}";

    /// <summary>
    /// Runs <paramref name="online"/> against the folder's daemon (waiting briefly while one starts or
    /// stops: <see cref="DaemonPresence"/>), or <paramref name="offline"/> when none holds the folder
    /// (null: "not running"). A daemon that takes the folder between the check and the offline open,
    /// or that stops between the check and the call, is simply asked again.
    /// </summary>
    public async Task<int> WithDaemonAsync(Func<DaemonClient, Task<int>> online, Func<Task<int>>? offline, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var client = await DaemonPresence.TryConnectAsync(Folder, ct);
            try
            {
                if (client is not null)
                {
                    return await online(client);
                }

                return offline is null
                    ? throw new DaemonNotRunningException($"Party Mode is not running (no daemon for {Folder.Root}).")
                    : await offline();
            }
            catch (Exception e) when (attempt < MaxAttempts && (e is DaemonAlreadyRunningException
                || (client is not null && e is DaemonNotRunningException or HttpRequestException or System.Net.Sockets.SocketException)))
            {
                // The folder changed hands meanwhile (a daemon that stops mid-call drops its sockets): decide again.
            }
        }
    }

    public static async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> body)
    {
        var context = new CommandContext(parse);
        try
        {
            return await body(context);
        }
        catch (DaemonNotAnsweringException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return CliApp.Failed;
        }
        catch (DaemonAlreadyRunningException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return CliApp.Failed;
        }
        catch (DaemonNotRunningException)
        {
            await context.Error.WriteLineAsync(context.NotRunningSentence);
            return CliApp.Failed;
        }
        catch (DaemonApiException e)
        {
            await context.Error.WriteLineAsync(Describe(e));
            return CliApp.Failed;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("Cancelled.");
            return CliApp.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await context.Error.WriteLineAsync($"{e.Message.TrimEnd('.')}: check the data folder {context.Folder.Root}.");
            return CliApp.Failed;
        }
    }

    /// <summary>A DM API error as one sentence that says what to do (engine errors take their remedy from <see cref="ErrorRemedies"/>).</summary>
    public static string Describe(DaemonApiException e) => e.Code switch
    {
        "invalid_token" => "The daemon refused the DM token in dm.token: restart it with partymode serve, or use the --data folder it was started with.",
        "dm_remote" => "The daemon refuses DM calls from this address: run the command on the machine that runs partymode serve.",
        _ => $"{ErrorRemedies.ForCli(e.Code, e.Message).TrimEnd('.')} ({e.Code}).",
    };

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
