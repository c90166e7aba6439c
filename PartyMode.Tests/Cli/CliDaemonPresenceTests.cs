using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary>
/// The seat commands while a real daemon starts, stops or is frozen on the data folder (issue #23 item 10):
/// one consistent answer, never "already running" from one command and "not running" from another.
/// </summary>
[NonParallelizable]
public sealed class CliDaemonPresenceTests
{
    private static readonly string[][] SeatCommands =
    [
        ["token", "show", "--json"],
        ["status", "--json"],
        ["token", "refresh", "observer", "--json"],
        ["token", "show", "observer"],
    ];

    [Test]
    public async Task SeatCommands_WhileTheDaemonStartsAndStops_AnswerFromTheDaemonOrOffline()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        // A first run creates the game, so an offline answer always has seats to show.
        await using (var first = await DaemonProcess.StartAsync(data))
        {
            await TerminateAsync(first);
            Assert.That(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0), first.Output);
        }

        var answers = new ConcurrentQueue<(string Command, int Code, string Out, string Err)>();
        using var done = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            for (var i = 0; !done.IsCancellationRequested; i++)
            {
                var command = SeatCommands[i % SeatCommands.Length];
                var (code, output, error) = await RunAsync([.. command, "--data", data]);
                answers.Enqueue((string.Join(' ', command), code, output, error));
            }
        });

        try
        {
            for (var cycle = 0; cycle < 3; cycle++)
            {
                await using var daemon = await DaemonProcess.StartAsync(data);
                var seen = answers.Count;
                await Poll.UntilAsync(() => answers.Count >= seen + 2, "two seat commands against the running daemon", TimeSpan.FromSeconds(60));
                if (cycle % 2 == 0)
                {
                    await TerminateAsync(daemon);
                }
                else
                {
                    var (code, _, error) = await RunAsync("stop", "--data", data);
                    Assert.That(code, Is.EqualTo(0), error);
                }

                Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0), daemon.Output);
            }
        }
        finally
        {
            await done.CancelAsync();
            await loop;
        }

        Assert.That(answers, Has.Count.GreaterThanOrEqualTo(6));
        foreach (var (command, code, output, error) in answers)
        {
            var what = $"{command} answered {code}: {output}{error}";
            Assert.That(error, Does.Not.Contain("already running").And.Not.Contain("does not answer").And.Not.Contain("   at "), what);
            if (code == 0)
            {
                AssertCorrectAnswer(command, output, what);
            }
            else
            {
                // Only status has no offline answer: between runs it says plainly that nothing runs.
                Assert.That(command, Is.EqualTo("status --json"), what);
                Assert.That(error.Trim(), Is.EqualTo($"Party Mode is not running (no daemon for {data}). Start it with: partymode serve --data {data}"), what);
            }
        }
    }

    [Test]
    public async Task SeatCommands_FrozenDaemon_GiveTheSameNotAnsweringSentence()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        await using var daemon = await DaemonProcess.StartAsync(data);
        var pid = daemon.Pid.ToString(CultureInfo.InvariantCulture);
        var expected = $"Party Mode (pid {pid}) holds the data folder {data} but does not answer: if it was paused, resume it with 'kill -CONT {pid}'; otherwise end it with 'kill {pid}' and start it again.";
        (int Code, string Out, string Err)[] answers;
        await SignalAsync("-STOP", pid);
        try
        {
            answers = await Task.WhenAll(
                RunAsync("status", "--data", data),
                RunAsync("token", "show", "--json", "--data", data),
                RunAsync("stop", "--data", data));
        }
        finally
        {
            await SignalAsync("-CONT", pid);
        }

        foreach (var (code, output, error) in answers)
        {
            Assert.That(code, Is.EqualTo(1), output + error);
            Assert.That(error.Trim(), Is.EqualTo(expected));
            Assert.That(output, Is.Empty);
        }

        // Resumed, the same daemon answers again: stop did not pretend to have stopped it.
        var (statusCode, _, statusError) = await RunAsync("status", "--data", data);
        Assert.That(statusCode, Is.EqualTo(0), statusError);
        Assert.That(daemon.HasExited, Is.False);
    }

    private static void AssertCorrectAnswer(string command, string output, string what)
    {
        if (command == "token show observer")
        {
            Assert.That(output, Does.Contain("observer").And.Contain("?token="), what);
            return;
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        switch (command)
        {
            case "token show --json":
                Assert.That(root.GetProperty("seats").GetArrayLength(), Is.GreaterThan(1), what);
                break;
            case "status --json":
                Assert.That(root.GetProperty("seats").GetArrayLength(), Is.GreaterThan(1), what);
                Assert.That(root.TryGetProperty("queue", out _), Is.True, what);
                break;
            default:
                Assert.That(root.GetProperty("seat").GetString(), Is.EqualTo("observer"), what);
                break;
        }
    }

    // serve handles SIGTERM once its banner is out; before that the signal ends it as the default action does.
    private static async Task TerminateAsync(DaemonProcess daemon)
    {
        await Poll.UntilAsync(() => daemon.Output.Contains("Stop: Ctrl+C", StringComparison.Ordinal), "the serve banner", TimeSpan.FromSeconds(30));
        daemon.Terminate();
    }

    private static async Task SignalAsync(string signal, string pid)
    {
        using var kill = Process.Start("kill", [signal, pid])!;
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.EqualTo(0), $"kill {signal} {pid}");
    }

    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliProcess.RunAsync(args);

}
