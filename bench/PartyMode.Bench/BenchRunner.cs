using System.Diagnostics;

namespace PartyMode.Bench;

/// <summary>Runs every phase on PartyMode and on the Node relay, then prints and saves the report.</summary>
internal static class BenchRunner
{
    private const int PlayerCount = 12;
    private const int MidObservers = 1_000;
    private const int ConnectParallel = 128;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var paths = RepoPaths.Find();
        var machine = MachineInfo.Read(paths);
        Console.WriteLine($"bench: {machine.Cores} cores, {machine.MemoryBytes / (1 << 20)} MiB, {machine.Cpu}; {(options.Quick ? "quick" : "full")} run");
        var work = Directory.CreateTempSubdirectory("partymode-bench-run-").FullName;
        try
        {
            var campaign = CampaignFile.Write(work, PlayerCount);
            var party = new TargetResults("partymode");
            var node = new TargetResults("node");

            var binary = await Preparation.PartyModeAsync(paths, options.Build, ct);
            if (binary.Error is not null)
            {
                party.Skipped = binary.Error;
                Console.WriteLine($"bench: PartyMode not measured: {binary.Error}");
            }
            else
            {
                await MeasureAsync(Target.PartyMode(binary.Path!), campaign, options, party, ct);
            }

            if (options.WithNode)
            {
                var relay = await Preparation.NodeAsync(paths, ct);
                if (relay is not null)
                {
                    node.Skipped = relay;
                    Console.WriteLine($"bench: Node relay not measured: {relay}");
                }
                else
                {
                    await MeasureAsync(Target.Node(paths), campaign, options, node, ct);
                }
            }
            else
            {
                node.Skipped = "--no-node";
            }

            if (options.Phases.Contains("startup"))
            {
                await StartupAsync(paths, options, party, node, binary.Path, ct);
            }

            var report = new BenchReport(options, machine, party, node);
            report.Print(Console.Out);
            var outFile = options.OutFile ?? Path.Combine(paths.ResultsFolder, options.Quick ? "latest-quick.json" : "latest.json");
            report.WriteJson(outFile);
            Console.WriteLine($"bench: results written to {Path.GetRelativePath(paths.Root, outFile)}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task MeasureAsync(Target target, string campaign, BenchOptions options, TargetResults results, CancellationToken ct)
    {
        var wantFanout = options.Phases.Contains("fanout");
        var wantConnections = options.Phases.Contains("connections");
        if (wantFanout || wantConnections)
        {
            try
            {
                await FanoutAndConnectionsAsync(target, campaign, options, results, wantFanout, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results.Errors.Add($"fan-out/connections: {ex.Message}");
                Console.WriteLine($"bench: {target.Name}: fan-out/connections failed: {ex.Message}");
            }
        }

        if (options.Phases.Contains("intake"))
        {
            foreach (var concurrency in new[] { 4, 64 })
            {
                try
                {
                    await using var server = await ServerProcess.StartAsync(target, campaign, ct);
                    var measure = TimeSpan.FromSeconds(options.Quick ? 3 : 8);
                    var r = await IntakeBench.RunAsync(server, concurrency, TimeSpan.FromSeconds(1), measure, ct);
                    results.Intake[concurrency] = r;
                    Console.WriteLine($"bench: {target.Name}: intake c{concurrency}: {r.PerSecond:F0}/s (p99 {r.P99Ms:F1} ms, {r.Rejected} rejected, {r.PendingAfter} pending of {r.AcceptedTotal} accepted)");
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results.Errors.Add($"intake c{concurrency}: {ex.Message}");
                    Console.WriteLine($"bench: {target.Name}: intake c{concurrency} failed: {ex.Message}");
                }
            }
        }
    }

    private static async Task FanoutAndConnectionsAsync(
        Target target, string campaign, BenchOptions options, TargetResults results, bool wantFanout, CancellationToken ct)
    {
        await using var server = await ServerProcess.StartAsync(target, campaign, ct);
        var fleet = new SocketFleet(server.EndPoint, new RoundTracker());
        var players = new List<(Seat, int)>();
        var lastSeq = await server.Api.LastSeqAsync(ct);
        foreach (var seat in server.Players.Take(PlayerCount))
        {
            var c = await fleet.ConnectAsync(1, seat.Token, lastSeq, 1, ct);
            if (c.Failures > 0)
            {
                throw new InvalidOperationException($"player {seat.Id} could not connect: {c.FirstError}");
            }

            players.Add((seat, c.FirstIndex));
        }

        if (players.Count < PlayerCount)
        {
            results.Errors.Add($"the campaign gave {players.Count} player seats, not {PlayerCount}");
        }

        var (r12, r1k, rBig) = options.Quick ? (50, 20, 10) : (200, 100, 30);
        if (wantFanout)
        {
            results.Players = await FanoutBench.RunAsync(server, fleet, players, r12, 30, ct);
            Report(target, $"{players.Count} players", results.Players);
        }

        // The large audience: connect→welcome timed from the first connect to the last welcome.
        await Settle();
        results.RssBefore = server.RssBytes;
        lastSeq = await server.Api.LastSeqAsync(ct);
        results.LargeObservers = options.Observers;
        var connect = await fleet.ConnectAsync(options.Observers, server.ObserverToken, lastSeq, ConnectParallel, ct);
        results.Connect = connect;
        Console.WriteLine($"bench: {target.Name}: {options.Observers} observers connect→welcome in {connect.Elapsed.TotalSeconds:F2} s ({connect.Failures} failed{(connect.FirstError is null ? "" : ": " + connect.FirstError)})");
        await Settle();
        var status = await server.Api.StatusAsync(ct);
        results.HeldSockets = status.Connections;
        results.RssIdle = server.RssBytes;
        results.FdsIdle = server.FdCount;
        Console.WriteLine($"bench: {target.Name}: {status.Connections} sockets held, RSS {results.RssIdle / 1048576.0:F0} MiB (was {results.RssBefore / 1048576.0:F0} MiB), {results.FdsIdle} fds");

        if (!wantFanout)
        {
            return;
        }

        results.LargeAudience = await FanoutBench.RunAsync(server, fleet, players, rBig, 3, ct);
        Report(target, $"{options.Observers} observers + {players.Count} players", results.LargeAudience);

        // Keep the first 1,000 observers, drop the rest, wait until the server has let them go.
        var keep = Math.Min(MidObservers, options.Observers);
        fleet.Drop(Enumerable.Range(connect.FirstIndex + keep, connect.Count - keep));
        var sw = Stopwatch.StartNew();
        while ((await server.Api.StatusAsync(ct)).ObserverConnections > keep && sw.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, ct);
        }

        results.MidAudience = await FanoutBench.RunAsync(server, fleet, players, r1k, 5, ct);
        Report(target, $"{keep} observers + {players.Count} players", results.MidAudience);
        fleet.DropAll();

        Task Settle() => Task.Delay(TimeSpan.FromSeconds(2), ct);
    }

    private static void Report(Target target, string label, FanoutResult r)
    {
        Console.WriteLine(
            $"bench: {target.Name}: fan-out, {label}: p50 {Stats.Percentile(r.ResolveMs, 50):F2} ms, p99 {Stats.Percentile(r.ResolveMs, 99):F2} ms, " +
            $"max {(r.ResolveMs.Count > 0 ? r.ResolveMs.Max() : double.NaN):F2} ms over {r.ResolveMs.Count} rounds; " +
            $"CPU per round: server {r.ServerCpuMsPerRound:F1} ms, harness {r.ClientCpuMsPerRound:F1} ms" +
            (r.Error is null ? "" : $"; error: {r.Error}"));
    }

    private static async Task StartupAsync(RepoPaths paths, BenchOptions options, TargetResults party, TargetResults node, string? apphost, CancellationToken ct)
    {
        var runs = options.Quick ? 2 : 5;
        var published = paths.PublishedBinary;
        if (published is not null)
        {
            party.Startup["published"] = await StartupBench.MeasureAsync(published, ["serve"], runs, paths.Root, ct);
        }

        if (apphost is not null)
        {
            party.Startup["apphost"] = await StartupBench.MeasureAsync(apphost, ["serve"], runs, paths.Root, ct);
            party.Startup["dotnet_run"] = await StartupBench.MeasureAsync(
                "dotnet", ["run", "--project", paths.CliProject, "-c", "Release", "--no-launch-profile", "--", "serve"], options.Quick ? 1 : 3, paths.Root, ct);
        }

        if (node.Skipped is null)
        {
            node.Startup["relay"] = await StartupBench.MeasureAsync("node", [paths.RelayScript], runs, paths.Root, ct);
        }

        foreach (var (name, value) in party.Startup.Concat(node.Startup))
        {
            Console.WriteLine($"bench: start-up {name}: {(value is { } v ? $"{v.Median:F0} ms (min {v.Min:F0}, {v.Runs} runs)" : "did not come up")}");
        }
    }
}
