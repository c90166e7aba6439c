using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Bench;

/// <summary>
/// Soak: a 4-player table in real time through the real process. Each player acts every 2 s,
/// the DM takes and resolves each action as it comes; every minute RSS, open descriptors and
/// GC heap are printed. Fails (exit 1) when a least-squares slope over the second half grows
/// past its threshold, or when the session itself breaks.
/// </summary>
internal static class SoakRunner
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var paths = RepoPaths.Find();
        Target target;
        if (options.SoakTarget is "node" or "bun")
        {
            var error = await Preparation.NodeAsync(paths, ct) ?? (options.SoakTarget == "bun" ? Preparation.Bun(paths) : null);
            if (error is not null)
            {
                Console.Error.WriteLine($"soak: {error}");
                return 2;
            }

            target = options.SoakTarget == "bun" ? Target.Bun(paths) : Target.Node(paths);
        }
        else
        {
            var binary = await Preparation.PartyModeAsync(paths, options.Build, ct);
            if (binary.Error is not null)
            {
                Console.Error.WriteLine($"soak: {binary.Error}");
                return 2;
            }

            target = Target.PartyMode(binary.Path!);
        }

        var duration = TimeSpan.FromMinutes(options.SoakMinutes);
        await using var server = await ServerProcess.StartAsync(target, campaign: null, ct);
        using var counters = target.Name == "partymode" ? DotnetCounters.Start(server.Pid, duration + TimeSpan.FromMinutes(2), Path.GetTempPath()) : null;
        // GC heap: dotnet-counters (heap after the last collection) when installed, else PartyMode's
        // own /api/dm/diagnostics (allocated bytes, so it saws up and down between collections).
        var diagnostics = await server.Api.DiagnosticsAsync(ct) is not null;
        var heapSource = counters is not null ? "dotnet-counters" : diagnostics ? "/api/dm/diagnostics" : "not read";
        Console.WriteLine($"soak: {target.Name} pid {server.Pid}, {server.Players.Count} players, {duration.TotalMinutes:0.##} min; " +
            (heapSource == "not read" ? "GC heap not read (no dotnet-counters, no diagnostics endpoint): RSS and fds only" : $"GC heap via {heapSource}"));

        var fleet = new SocketFleet(server.EndPoint, new RoundTracker());
        var lastSeq = await server.Api.LastSeqAsync(ct);
        foreach (var seat in server.Players)
        {
            await fleet.ConnectAsync(1, seat.Token, lastSeq, 1, ct);
        }

        await fleet.ConnectAsync(1, server.ObserverToken, lastSeq, 1, ct);

        long accepted = 0, resolved = 0, errors = 0;
        string? firstError = null;
        void Fail(string what)
        {
            Interlocked.Increment(ref errors);
            Interlocked.CompareExchange(ref firstError, what, null);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var players = server.Players.Select((seat, i) => Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500 * i), stop.Token);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
            var k = 0;
            do
            {
                try
                {
                    var (status, _) = await server.Api.PostActionAsync(seat.Token, $"{seat.Id} tries something, turn {++k}.", stop.Token);
                    if (status == HttpStatusCode.Accepted)
                    {
                        Interlocked.Increment(ref accepted);
                    }
                    else
                    {
                        Fail($"POST /api/actions by {seat.Id}: {(int)status}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    Fail(ex.Message);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    Fail("a request timed out");
                }
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }, stop.Token)).ToList();

        var dm = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var next = await server.Api.NextAsync(stop.Token, waitSeconds: 5);
                    if (next is not { } a)
                    {
                        // A server that ignores ?wait would make this a busy loop.
                        await Task.Delay(50, stop.Token);
                        continue;
                    }

                    await server.Api.ResolveAsync(a.Id, $"It works out for {a.PlayerId}.", a.PlayerId, "Only you see the hidden door.", stop.Token);
                    Interlocked.Increment(ref resolved);
                }
                catch (HttpRequestException ex)
                {
                    Fail(ex.Message);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    Fail("a request timed out");
                }
            }
        }, stop.Token);

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        var nextPrint = 0;
        Console.WriteLine($"{"minute",6} {"RSS MiB",9} {"fds",6} {"GC heap MiB",12} {"timers",7} {"actions",8} {"resolved",9} {"errors",7}");
        while (true)
        {
            var d = diagnostics ? await server.Api.DiagnosticsAsync(ct) : null;
            var heap = counters is not null ? counters.LatestHeapBytes() : d?.GcHeapBytes;
            var s = new SoakSample(clock.Elapsed.TotalMinutes, server.RssBytes, server.FdCount, heap,
                Interlocked.Read(ref accepted), Interlocked.Read(ref resolved), Interlocked.Read(ref errors), d?.ActiveTimers);
            samples.Add(s);
            if (s.Minute >= nextPrint - 1e-9 || clock.Elapsed >= duration)
            {
                Console.WriteLine($"{s.Minute,6:F1} {s.RssBytes / 1048576.0,9:F1} {s.Fds,6} {(s.HeapBytes is { } h ? (h / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "n/a"),12} {(s.Timers is { } t ? t.ToString(CultureInfo.InvariantCulture) : "n/a"),7} {s.Accepted,8} {s.Resolved,9} {s.Errors,7}");
                nextPrint++;
            }

            if (clock.Elapsed >= duration || server.HasExited)
            {
                break;
            }

            var wait = TimeSpan.FromTicks(Math.Min(SampleEvery.Ticks, (duration - clock.Elapsed).Ticks));
            await Task.Delay(wait, ct);
        }

        await stop.CancelAsync();
        foreach (var t in players.Append(dm))
        {
            try
            {
                await t;
            }
            catch (OperationCanceledException)
            {
            }
        }

        fleet.DropAll();
        var verdict = Judge(samples, options, server.HasExited, Interlocked.Read(ref errors), firstError);
        foreach (var line in verdict.Lines)
        {
            Console.WriteLine(line);
        }

        WriteJson(Path.Combine(paths.ResultsFolder, $"soak-{target.Name}.json"), target, options, samples, verdict, heapSource);
        Console.WriteLine($"soak: {(verdict.Pass ? "PASS" : "FAIL")}");
        return verdict.Pass ? 0 : 1;
    }

    private static SoakVerdict Judge(List<SoakSample> samples, BenchOptions options, bool died, long errors, string? firstError)
    {
        var lines = new List<string>();
        var pass = true;
        var half = samples.Where(s => s.Minute >= samples[^1].Minute / 2).ToList();
        if (half.Count < 3)
        {
            lines.Add("soak: too few samples for a trend (run longer than a minute)");
        }

        var x = half.Select(s => s.Minute).ToList();
        var rssSlope = Stats.Slope(x, half.Select(s => s.RssBytes / 1048576.0).ToList());
        var fdSlope = Stats.Slope(x, half.Select(s => (double)s.Fds).ToList());
        pass &= Check(lines, "RSS", rssSlope, options.MaxRssSlopeMiBPerMinute, "MiB/min");
        pass &= Check(lines, "fds", fdSlope, options.MaxFdSlopePerMinute, "/min");
        double? heapSlope = null;
        var heap = half.Where(s => s.HeapBytes is not null).ToList();
        if (heap.Count >= 3)
        {
            heapSlope = Stats.Slope(heap.Select(s => s.Minute).ToList(), heap.Select(s => s.HeapBytes!.Value / 1048576.0).ToList());
            pass &= Check(lines, "GC heap", heapSlope.Value, options.MaxHeapSlopeMiBPerMinute, "MiB/min");
        }
        else
        {
            lines.Add("soak: GC heap not judged (no dotnet-counters readings)");
        }

        var timers = half.Where(s => s.Timers is not null).ToList();
        if (timers.Count >= 3)
        {
            var timerSlope = Stats.Slope(timers.Select(s => s.Minute).ToList(), timers.Select(s => (double)s.Timers!.Value).ToList());
            pass &= Check(lines, "active timers", timerSlope, options.MaxFdSlopePerMinute, "/min");
        }

        if (died)
        {
            lines.Add("soak: FAIL: the server process exited during the soak");
            pass = false;
        }

        if (errors > 0)
        {
            lines.Add($"soak: FAIL: {errors} failed requests (first: {firstError})");
            pass = false;
        }

        return new SoakVerdict(pass, rssSlope, fdSlope, heapSlope, lines);
    }

    private static bool Check(List<string> lines, string what, double slope, double limit, string unit)
    {
        var ok = slope <= limit;
        lines.Add($"soak: {what} slope over the second half {slope:F3} {unit} (limit {limit} {unit}): {(ok ? "PASS" : "FAIL")}");
        return ok;
    }

    private static void WriteJson(string path, Target target, BenchOptions options, List<SoakSample> samples, SoakVerdict verdict, string heapSource)
    {
        var json = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["target"] = target.Name,
            ["minutes"] = options.SoakMinutes,
            ["gc_heap_source"] = heapSource,
            ["pass"] = verdict.Pass,
            ["rss_slope_mib_per_min"] = Math.Round(verdict.RssSlope, 4),
            ["fd_slope_per_min"] = Math.Round(verdict.FdSlope, 4),
            ["heap_slope_mib_per_min"] = verdict.HeapSlope is { } h ? Math.Round(h, 4) : null,
            ["samples"] = new JsonArray(samples.Select(s => (JsonNode)new JsonObject
            {
                ["minute"] = Math.Round(s.Minute, 3),
                ["rss_bytes"] = s.RssBytes,
                ["fds"] = s.Fds,
                ["gc_heap_bytes"] = s.HeapBytes,
                ["active_timers"] = s.Timers,
                ["actions"] = s.Accepted,
                ["resolved"] = s.Resolved,
                ["errors"] = s.Errors,
            }).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
