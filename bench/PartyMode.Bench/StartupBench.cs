using System.Diagnostics;

namespace PartyMode.Bench;

/// <summary>Start-up: process start → GET /healthz answers 200, on a fresh data folder each run.</summary>
internal static class StartupBench
{
    /// <summary>Median and minimum over <paramref name="runs"/> starts, in ms; null when it never came up.</summary>
    public static async Task<(double Median, double Min, int Runs)?> MeasureAsync(
        string executable, IReadOnlyList<string> prefixArgs, int runs, string? workingDirectory, CancellationToken ct)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var ms = await OnceAsync(executable, prefixArgs, workingDirectory, ct);
            if (ms is null)
            {
                return null;
            }

            samples.Add(ms.Value);
        }

        return (Stats.Median(samples), samples.Min(), samples.Count);
    }

    private static async Task<double?> OnceAsync(string executable, IReadOnlyList<string> prefixArgs, string? workingDirectory, CancellationToken ct)
    {
        var dataDir = Directory.CreateTempSubdirectory("partymode-bench-start-").FullName;
        var port = ServerProcess.FreePort();
        var psi = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        psi.Environment.Remove(ServerProcess.InlineCompletions);
        foreach (var a in ServerProcess.ServeArgs(new Target("startup", executable, prefixArgs), dataDir, port, campaign: null))
        {
            psi.ArgumentList.Add(a);
        }

        var baseUrl = $"http://127.0.0.1:{port}";
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (!await HealthCheck.IsHealthyAsync(baseUrl, ct))
            {
                if (process.HasExited || sw.Elapsed > TimeSpan.FromSeconds(120))
                {
                    return null;
                }

                await Task.Delay(2, ct);
            }

            return sw.Elapsed.TotalMilliseconds;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
