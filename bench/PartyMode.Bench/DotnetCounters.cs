using System.Diagnostics;
using System.Globalization;

namespace PartyMode.Bench;

/// <summary>
/// Reads the server's GC heap through `dotnet-counters collect` (CSV, System.Runtime), when the
/// tool is installed (`dotnet tool install -g dotnet-counters`). The heap is the sum of the
/// per-generation sizes after the last collection.
/// </summary>
internal sealed class DotnetCounters : IDisposable
{
    private readonly Process _process;
    private readonly string _file;

    private DotnetCounters(Process process, string file)
    {
        _process = process;
        _file = file;
    }

    /// <summary>The dotnet-counters executable on PATH or in ~/.dotnet/tools, or null.</summary>
    public static string? Find()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dotnet", "tools"))
            .Select(d => Path.Combine(d, "dotnet-counters"));
        return candidates.FirstOrDefault(File.Exists);
    }

    public static DotnetCounters? Start(int pid, TimeSpan duration, string folder)
    {
        var tool = Find();
        if (tool is null)
        {
            return null;
        }

        var file = Path.Combine(folder, $"counters-{pid}.csv");
        var psi = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
        {
            "collect", "--process-id", pid.ToString(CultureInfo.InvariantCulture), "--refresh-interval", "5",
            "--format", "csv", "-o", file, "--counters", "System.Runtime",
            "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
        })
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi);
        if (p is null)
        {
            return null;
        }

        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return new DotnetCounters(p, file);
    }

    /// <summary>GC heap size in bytes at the newest sample written so far, or null.</summary>
    public long? LatestHeapBytes()
    {
        try
        {
            if (!File.Exists(_file))
            {
                return null;
            }

            string[] lines;
            using (var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream))
            {
                lines = reader.ReadToEnd().Split('\n');
            }

            // Newest complete timestamp: the per-generation sizes (.NET 9+ meter, five rows: the newest
            // group may still be half written) or the old single "GC Heap Size (MB)".
            string? stamp = null;
            long total = 0;
            var rows = 0;
            for (var i = lines.Length - 1; i > 0; i--)
            {
                var cols = lines[i].Split(',');
                if (cols.Length < 5)
                {
                    continue;
                }

                var old = cols[2].StartsWith("GC Heap Size", StringComparison.Ordinal);
                if (!old && !cols[2].StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal))
                {
                    continue;
                }

                if (stamp is not null && cols[0] != stamp)
                {
                    if (rows >= 5)
                    {
                        break;
                    }

                    // The newer group was incomplete: start over with this one.
                    total = 0;
                    rows = 0;
                }

                stamp = cols[0];
                var v = double.Parse(cols[4], CultureInfo.InvariantCulture);
                total += old ? (long)(v * 1024 * 1024) : (long)v;
                rows += old ? 5 : 1;
            }

            return rows >= 5 ? total : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
