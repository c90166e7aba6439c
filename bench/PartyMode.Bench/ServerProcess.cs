using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PartyMode.Bench;

/// <summary>
/// A server under test as a child process on a free loopback port, with its own temp data folder,
/// started through bash so it gets a raised open-file limit (ulimit -n 65536) and a log file.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Target target, Process process, string dataDir, int port, string log)
    {
        Target = target;
        _process = process;
        DataDir = dataDir;
        Port = port;
        LogFile = log;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public Target Target { get; }

    public string DataDir { get; }

    public int Port { get; }

    public string BaseUrl { get; }

    public string LogFile { get; }

    public int Pid => _process.Id;

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public BenchApi Api { get; private set; } = null!;

    public IReadOnlyList<Seat> Seats { get; private set; } = [];

    public IReadOnlyList<Seat> Players => Seats.Where(s => s.Role == "player").ToList();

    public string ObserverToken => Seats.First(s => s.Role == "observer").Token;

    public long RssBytes => ProcStats.RssBytes(Pid);

    public int FdCount => ProcStats.FdCount(Pid);

    public bool HasExited => _process.HasExited;

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>The server's arguments (PartyMode's serve options; the relay ignores the ones it lacks).</summary>
    public static List<string> ServeArgs(Target target, string dataDir, int port, string? campaign)
    {
        var args = new List<string>(target.PrefixArgs)
        {
            "--data", dataDir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--action-rate", "1000000/1", "--roll-rate", "1000000/1", "--auth-fail-limit", "1000000",
        };
        if (campaign is not null)
        {
            args.AddRange(["--campaign", campaign]);
        }

        return args;
    }

    /// <summary>Set for the harness by build.sh; removed for every server it starts.</summary>
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static async Task<ServerProcess> StartAsync(Target target, string? campaign, CancellationToken ct, IReadOnlyList<string>? extraArgs = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("partymode-bench-").FullName;
        var log = dataDir + ".log";
        var port = FreePort();
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false };
        // The harness may run its own sockets' completions inline (build.sh bench); the servers run as shipped.
        psi.Environment.Remove(InlineCompletions);
        foreach (var (key, value) in target.Environment)
        {
            psi.Environment[key] = value;
        }

        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("ulimit -n 65536 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; log=$1; shift; exec \"$@\" >\"$log\" 2>&1");
        psi.ArgumentList.Add("bench-server");
        psi.ArgumentList.Add(log);
        psi.ArgumentList.Add(target.Executable);
        foreach (var a in ServeArgs(target, dataDir, port, campaign).Concat(extraArgs ?? []))
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {target.Executable}");
        var server = new ServerProcess(target, process, dataDir, port, log);
        try
        {
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(60), ct);
            var tokenFile = Path.Combine(dataDir, "dm.token");
            var sw = Stopwatch.StartNew();
            while (!File.Exists(tokenFile) || new FileInfo(tokenFile).Length == 0)
            {
                if (sw.Elapsed > TimeSpan.FromSeconds(10))
                {
                    throw new InvalidOperationException($"{target.Name}: {tokenFile} did not appear");
                }

                await Task.Delay(10, ct);
            }

            var dm = (await File.ReadAllTextAsync(tokenFile, ct)).Trim();
            server.Api = new BenchApi(server.BaseUrl, dm);
            server.Seats = await server.Api.SeatsAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls GET /healthz until it answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan limit, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        while (!await HealthCheck.IsHealthyAsync(BaseUrl, ct))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Target.Name} exited with {_process.ExitCode} before /healthz answered:\n{LogTail()}");
            }

            if (sw.Elapsed > limit)
            {
                throw new TimeoutException($"{Target.Name}: /healthz did not answer within {limit.TotalSeconds} s:\n{LogTail()}");
            }

            await Task.Delay(10, ct);
        }
    }

    public string LogTail(int lines = 15)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && Api is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await Api.ShutdownAsync(timeout.Token);
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or JsonException)
            {
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Api?.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
            File.Delete(LogFile);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
