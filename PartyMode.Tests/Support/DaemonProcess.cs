using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PartyMode.Tests.Support;

/// <summary>The real <c>partymode serve</c> executable as a child process on a free port.</summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _errors = new();

    private DaemonProcess(Process process, string dataDirectory, string url)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Url = url;
    }

    public string DataDirectory { get; }

    public string Url { get; private set; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard error: where the console log lines go.</summary>
    public string Errors
    {
        get
        {
            lock (_output)
            {
                return _errors.ToString();
            }
        }
    }

    public string DmToken => File.ReadAllText(Path.Combine(DataDirectory, "dm.token")).Trim();

    public static Task<DaemonProcess> StartAsync(string dataDirectory, params string[] extraArgs) =>
        StartUnderAsync([], dataDirectory, extraArgs);

    /// <summary>Starts the daemon through a launcher that execs it (so the pid stays the daemon's), e.g. <c>prlimit --nofile=512:512 --</c>.</summary>
    public static async Task<DaemonProcess> StartUnderAsync(string[] launcher, string dataDirectory, params string[] extraArgs)
    {
        var info = new ProcessStartInfo(launcher.Length > 0 ? launcher[0] : RepoPaths.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in launcher.Skip(1).Concat(launcher.Length > 0 ? [RepoPaths.Executable] : []))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in new[] { "serve", "--data", dataDirectory, "--port", "0", "--bind", "127.0.0.1", "--action-rate", "100000/1" }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var daemon = new DaemonProcess(process, dataDirectory, "");
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data, toErrors: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemonFile = Path.Combine(dataDirectory, "daemon.json");
        string? url = null;
        await Poll.UntilAsync(() =>
        {
            if (process.HasExited)
            {
                Assert.Fail($"partymode serve exited with {process.ExitCode}: {daemon.Output}");
            }

            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(daemonFile));
                if (doc.RootElement.GetProperty("pid").GetInt32() == process.Id)
                {
                    url = doc.RootElement.GetProperty("url").GetString();
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException)
            {
                // Not written yet.
            }

            return url is not null;
        }, "the daemon to write daemon.json", TimeSpan.FromSeconds(60));
        daemon.Url = url!;
        return daemon;
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public void Kill()
    {
        // SIGKILL on Unix: no shutdown code runs.
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C would stop it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        await Task.CompletedTask;
        _process.Dispose();
    }

    private void Append(string? line, bool toErrors = false)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (toErrors)
            {
                _errors.AppendLine(line);
            }
        }
    }
}
