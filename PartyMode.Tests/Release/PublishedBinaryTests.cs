using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Release;

/// <summary>
/// The release smoke test: the self-contained linux-x64 single file, copied alone into an empty folder
/// with HOME pointed at a new empty folder, runs a whole short session.
/// </summary>
[Category("Release")]
[NonParallelizable]
public sealed class PublishedBinaryTests
{
    private TempFolder _publish = null!;
    private string _binary = "";

    [OneTimeSetUp]
    public async Task PublishAsync()
    {
        _publish = new TempFolder();
        // ./build.sh test publishes once and names the file; run alone, this fixture publishes it the same way.
        var published = RepoPaths.ReleaseBinary ?? await PublishLinuxX64Async(_publish.Path);
        var alone = Path.Combine(_publish.Path, "alone");
        Directory.CreateDirectory(alone);
        _binary = Path.Combine(alone, "partymode");
        File.Copy(published, _binary);
        Assert.That(Directory.GetFiles(alone), Has.Length.EqualTo(1), "one file, nothing beside it");
    }

    /// <summary>The release script itself (Native AOT for linux-x64), into a temporary dist folder.</summary>
    private static async Task<string> PublishLinuxX64Async(string folder)
    {
        var dist = Path.Combine(folder, "dist");
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("scripts/publish.sh");
        info.ArgumentList.Add("linux-x64");
        info.Environment["PARTYMODE_DIST"] = dist;
        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.That(publish.ExitCode, Is.Zero, await output + await errors);
        return Directory.GetFiles(dist, "partymode-*-linux-x64").Single();
    }

    [OneTimeTearDown]
    public void CleanUp() => _publish.Dispose();

    [Test]
    public async Task SingleFile_EmptyFolderAndHome_ServesJoinsStatusStopsAndAnswersMcp()
    {
        using var home = new TempFolder();
        var version = await RunAsync(home.Path, "--version");
        Assert.That(version.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));

        using var serve = Start(home.Path, "serve", "--port", "0", "--bind", "127.0.0.1");
        var data = Path.Combine(home.Path, ".config", "partymode");
        string? url = null;
        await Poll.UntilAsync(() =>
        {
            Assert.That(serve.HasExited, Is.False, "serve exited early");
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "daemon.json")));
                url = doc.RootElement.GetProperty("url").GetString();
            }
            catch (Exception ex) when (ex is IOException or JsonException)
            {
                // Not there yet.
            }

            return url is not null;
        }, "the daemon under the new HOME", TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        Assert.That(await http.GetStringAsync(url + "/healthz"), Does.Contain("\"ok\""));

        var seats = await RunAsync(home.Path, "token", "show", "--json");
        Assert.That(seats.ExitCode, Is.Zero, seats.Error);
        var token = JsonDocument.Parse(seats.Output).RootElement.GetProperty("seats")[0].GetProperty("token").GetString()!;
        var player = new SimulatedPlayer("thorin", token, () => new Uri(url!.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws"));
        await player.ConnectAsync();
        Assert.That(player.OfType("welcome").Single().Json.GetProperty("player_id").GetString(), Is.EqualTo("thorin"));

        var status = await RunAsync(home.Path, "status");
        Assert.That(status.ExitCode, Is.Zero, status.Error);
        Assert.That(status.Output, Does.Contain("thorin"));

        await using (var mcp = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = _binary,
            Arguments = ["mcp"],
            EnvironmentVariables = Environment(home.Path),
        })))
        {
            var tools = await mcp.ListToolsAsync();
            Assert.That(tools.Select(t => t.Name), Does.Contain("party_pop_action").And.Contain("start_party_mode"));
        }

        var stop = await RunAsync(home.Path, "stop");
        Assert.That(stop.ExitCode, Is.Zero, stop.Error);
        await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(serve.ExitCode, Is.Zero);
        await player.WaitClosedAsync();
        Assert.That(player.CloseCode, Is.EqualTo(1001));
        await player.DisposeAsync();
    }

    private static Dictionary<string, string?> Environment(string home) => new()
    {
        ["HOME"] = home,
        ["XDG_CONFIG_HOME"] = null,
        ["PARTYMODE_DATA"] = null,
        ["DOTNET_ROOT"] = null,
    };

    private static void Configure(ProcessStartInfo info, string home, string[] args)
    {
        foreach (var (key, value) in Environment(home))
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
    }

    private Process Start(string home, params string[] args)
    {
        var info = new ProcessStartInfo(_binary)
        {
            WorkingDirectory = Path.GetDirectoryName(_binary)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        Configure(info, home, args);

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string home, params string[] args)
    {
        var info = new ProcessStartInfo(_binary)
        {
            WorkingDirectory = Path.GetDirectoryName(_binary)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Configure(info, home, args);

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
