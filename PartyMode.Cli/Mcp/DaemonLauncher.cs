using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PartyMode.Cli.Client;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// Starts <c>partymode serve</c> as a detached background process: it inherits none of the MCP pipes
/// (its output goes to <c>DATA/logs/daemon-console.log</c>), runs in its own session, and outlives this process.
/// </summary>
internal sealed class DaemonLauncher(McpSettings settings, ILogger<DaemonLauncher> logger)
{
    private static readonly string[] SetsidPaths = ["/usr/bin/setsid", "/bin/setsid"];
    private long logStart;

    public string ConsoleLog => Path.Combine(settings.Folder.LogFolder, "daemon-console.log");

    /// <summary>Launches the daemon and waits until it answers <c>/healthz</c>; returns its daemon.json.</summary>
    public async Task<DaemonInfo> StartAsync(int? port, string? campaign, CancellationToken ct)
    {
        // The CLI's decision: a daemon that is starting or stopping is waited for, one that never answers is not doubled.
        try
        {
            using var running = await DaemonPresence.TryConnectAsync(settings.Folder, ct);
            if (running is not null)
            {
                return running.Info;
            }
        }
        catch (DaemonNotAnsweringException e)
        {
            throw new DaemonStartException(e.Message);
        }

        settings.Folder.EnsureExists();
        DataFolder.CreatePrivateDirectory(settings.Folder.LogFolder);
        CreatePrivateLog();
        var command = settings.LaunchCommand ?? DaemonLaunchCommand.ForCurrentProcess();
        var serveArguments = new List<string> { "serve", "--data", settings.Folder.Root };
        if (port is not null)
        {
            serveArguments.AddRange(["--port", port.Value.ToString(CultureInfo.InvariantCulture)]);
        }

        if (!string.IsNullOrWhiteSpace(campaign))
        {
            serveArguments.AddRange(["--campaign", Path.GetFullPath(campaign)]);
        }

        logStart = new FileInfo(ConsoleLog).Length;
        var startInfo = CreateStartInfo(command, serveArguments);
        var launchedAt = DateTimeOffset.UtcNow;
        logger.LogInformation("Starting the Party Mode daemon for {Folder}", settings.Folder.Root);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The daemon process did not start.");
        // Our ends of its pipes: nothing is written to stdin, and its output goes to the log file (or to a drain on Windows).
        process.StandardInput.Close();
        if (OperatingSystem.IsWindows())
        {
            DrainToLog(process);
        }
        else
        {
            process.StandardOutput.Close();
            process.StandardError.Close();
        }

        return await WaitUntilAnsweringAsync(process, launchedAt, ct);
    }

    private ProcessStartInfo CreateStartInfo(DaemonLaunchCommand command, List<string> serveArguments)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = settings.Folder.Root,
        };

        if (OperatingSystem.IsWindows())
        {
            startInfo.FileName = command.FileName;
            foreach (var argument in command.LeadingArguments.Concat(serveArguments))
            {
                startInfo.ArgumentList.Add(argument);
            }

            return startInfo;
        }

        // sh swaps the pipes for /dev/null and the log file before exec, and setsid gives the daemon its own
        // session, so closing the MCP host's terminal or pipes never reaches it. Only stderr (the log lines)
        // is kept: stdout is the banner with every join link, and tokens never go into the log folder.
        var setsid = SetsidPaths.FirstOrDefault(File.Exists);
        startInfo.FileName = "/bin/sh";
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add((setsid is null ? "exec" : $"exec {setsid}") + " \"$0\" \"$@\" </dev/null >/dev/null 2>>\"$PARTYMODE_DAEMON_LOG\"");
        startInfo.ArgumentList.Add(command.FileName);
        foreach (var argument in command.LeadingArguments.Concat(serveArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PARTYMODE_DAEMON_LOG"] = ConsoleLog;
        return startInfo;
    }

    // The serve banner prints join links (tokens): the console log is owner-only like dm.token.
    private void CreatePrivateLog()
    {
        if (OperatingSystem.IsWindows() || File.Exists(ConsoleLog))
        {
            return;
        }

        using var created = new FileStream(ConsoleLog, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    private void DrainToLog(Process process)
    {
        var log = TextWriter.Synchronized(new StreamWriter(ConsoleLog, append: true) { AutoFlush = true });
        // stdout is the banner with the join links: read and dropped, so no token lands in the log folder.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task<DaemonInfo> WaitUntilAnsweringAsync(Process process, DateTimeOffset launchedAt, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + settings.StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            var info = DaemonProbe.TryRead(settings.Folder);
            // A leftover daemon.json of an earlier run does not count: it must be this launch's.
            if (info is not null && (info.Pid == process.Id || info.StartedAt >= launchedAt.AddSeconds(-1))
                && await DaemonClient.IsHealthyAsync(info, ct))
            {
                logger.LogInformation("The Party Mode daemon answers at {Url} (pid {Pid})", info.Url, info.Pid);
                return info;
            }

            // setsid may fork and exit 0 at once; only a failing exit means the daemon is gone.
            if (process.HasExited && process.ExitCode != 0)
            {
                throw new DaemonStartException(
                    $"The Party Mode daemon exited with code {process.ExitCode} before answering: {LastLogLines()} (full output in {ConsoleLog}).");
            }

            await Task.Delay(150, ct);
        }

        throw new DaemonStartException(
            $"The Party Mode daemon did not answer within {settings.StartTimeout.TotalSeconds:0} s: {LastLogLines()} (see {ConsoleLog}); try another port or run 'partymode serve' by hand to see why.");
    }

    // The daemon's own last sentence of this launch (its errors are one sentence; stack traces are skipped).
    private string LastLogLines()
    {
        try
        {
            using var stream = new FileStream(ConsoleLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(logStart, stream.Length), SeekOrigin.Begin);
            var lines = new StreamReader(stream).ReadToEnd().Split('\n');
            var sentence = lines.Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith("---", StringComparison.Ordinal));
            return sentence ?? "no output";
        }
        catch (IOException)
        {
            return "its output could not be read";
        }
    }
}
