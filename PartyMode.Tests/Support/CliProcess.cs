using System.Diagnostics;

namespace PartyMode.Tests.Support;

/// <summary>Runs the real <c>partymode</c> executable to its end and returns its exit code and output.</summary>
internal static class CliProcess
{
    public static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunUnderAsync([], null, args);

    /// <summary>Runs it through a launcher that execs it (e.g. <c>setpriv --reuid=65534 --</c>), with HOME set when given.</summary>
    public static async Task<(int Code, string Out, string Err)> RunUnderAsync(string[] launcher, string? home, params string[] args)
    {
        var start = new ProcessStartInfo(launcher.Length > 0 ? launcher[0] : RepoPaths.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in launcher.Skip(1).Concat(launcher.Length > 0 ? [RepoPaths.Executable] : []).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("PARTYMODE_DATA");
        if (home is not null)
        {
            start.Environment["HOME"] = home;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
