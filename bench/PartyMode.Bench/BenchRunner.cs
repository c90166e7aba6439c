using System.Diagnostics;

namespace PartyMode.Bench;

/// <summary>Runs every phase on PartyMode and on the Node and Bun relays, then prints and saves the report.</summary>
internal static class BenchRunner
{
    private const int PlayerCount = 12;
    private const int MidObservers = 1_000;
    private const int ConnectParallel = 128;
    private const int ColdRounds = 200;
    private const int PlayerWarmup = 800;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var paths = RepoPaths.Find();
        var machine = MachineInfo.Read(paths);
        Console.WriteLine($"bench: {machine.Cores} cores, {machine.MemoryBytes / (1 << 20)} MiB, {machine.Cpu}; {(options.Quick ? "quick" : "full")} run");
        var fdLimit = NativeLimits.OpenFileLimit();
        if (fdLimit > 0 && (ulong)options.Observers + 2_000 > fdLimit)
        {
            // Each observer is one descriptor here; keep room for the players, HTTP and the runtime.
            var capped = (int)fdLimit - 2_000;
            Console.WriteLine($"bench: the open-file limit is {fdLimit} (ulimit -Hn): {capped} observers instead of {options.Observers}");
            options.Observers = capped;
        }

        var work = Directory.CreateTempSubdirectory("partymode-bench-run-").FullName;
        try
        {
            var campaign = CampaignFile.Write(work, PlayerCount);
            var party = new TargetResults("partymode");
            var node = new TargetResults("node");
            var bun = new TargetResults("bun");

            var binary = await Preparation.PartyModeAsync(paths, options.Build, ct, options.PartyModeBinary);
            var targets = new List<(Target Target, TargetResults Results)>();
            if (binary.Error is not null)
            {
                party.Skipped = binary.Error;
                Console.WriteLine($"bench: PartyMode not measured: {binary.Error}");
            }
            else
            {
                var partyTarget = Target.PartyMode(binary.Path!);
                targets.Add((partyTarget with { PrefixArgs = [.. partyTarget.PrefixArgs, .. options.ServeArgs] }, party));
                // Variants join the same alternating rounds; their figures are in the console lines only.
                foreach (var (name, other, env) in options.Variants)
                {
                    var variant = partyTarget with { Name = name, Executable = other is null ? partyTarget.Executable : Path.GetFullPath(other), Environment = env };
                    targets.Add((variant with { PrefixArgs = [.. partyTarget.PrefixArgs, .. options.ServeArgs] }, new TargetResults(name)));
                }
            }

            if (!options.WithNode)
            {
                node.Skipped = "--no-node";
            }
            else if (await Preparation.NodeAsync(paths, ct) is { } relayError)
            {
                node.Skipped = relayError;
                Console.WriteLine($"bench: Node relay not measured: {relayError}");
            }
            else
            {
                targets.Add((Target.Node(paths), node));
            }

            if (!options.WithBun)
            {
                bun.Skipped = "--no-bun";
            }
            else if (node.Skipped is not null && options.WithNode)
            {
                bun.Skipped = node.Skipped;
            }
            else if (((options.WithNode ? null : await Preparation.NodeAsync(paths, ct)) ?? Preparation.Bun(paths)) is { } bunError)
            {
                bun.Skipped = bunError;
                Console.WriteLine($"bench: Bun relay not measured: {bunError}");
            }
            else
            {
                targets.Add((Target.Bun(paths), bun));
            }

            await MeasureAsync(targets, campaign, options, ct);

            if (options.Phases.Contains("startup"))
            {
                // The apphost row is the built apphost even when --partymode names the release binary.
                var apphost = options.PartyModeBinary is null ? binary.Path : File.Exists(paths.PartyModeBinary) ? paths.PartyModeBinary : null;
                await StartupAsync(paths, options, party, node, bun, apphost, ct);
            }

            var report = new BenchReport(options, machine, party, node, bun);
            report.Print(Console.Out);
            var outFile = options.OutFile ?? Path.Combine(paths.ResultsFolder, options.Quick ? "latest-quick.json.tmp" : "latest.json");
            report.WriteJson(outFile);
            Console.WriteLine($"bench: results written to {Path.GetRelativePath(paths.Root, outFile)}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task MeasureAsync(List<(Target Target, TargetResults Results)> targets, string campaign, BenchOptions options, CancellationToken ct)
    {
        var wantFanout = options.Phases.Contains("fanout");
        if (wantFanout || options.Phases.Contains("connections"))
        {
            await FanoutAndConnectionsAsync(targets, campaign, options, wantFanout, ct);
        }

        if (!options.Phases.Contains("intake"))
        {
            return;
        }

        foreach (var concurrency in new[] { 4, 64 })
        {
            foreach (var (target, results) in targets)
            {
                await IntakeAsync(target, results, campaign, options, concurrency, noFsync: false, ct);
            }
        }

        // PartyMode once more with --no-fsync: commits reach the OS only (the opt-out for slow disks).
        foreach (var concurrency in new[] { 4, 64 })
        {
            foreach (var (target, results) in targets.Where(t => t.Target.Name == "partymode"))
            {
                await IntakeAsync(target, results, campaign, options, concurrency, noFsync: true, ct);
            }
        }
    }

    private static async Task IntakeAsync(Target target, TargetResults results, string campaign, BenchOptions options, int concurrency, bool noFsync, CancellationToken ct)
    {
        var label = $"intake c{concurrency}{(noFsync ? " --no-fsync" : "")}";
        try
        {
            // A fresh server each time: the queue starts empty and the JIT gets the same warm-up.
            await using var server = await ServerProcess.StartAsync(target, campaign, ct, noFsync ? ["--no-fsync"] : []);
            var measure = TimeSpan.FromSeconds(options.Quick ? 3 : 8);
            var r = await IntakeBench.RunAsync(server, concurrency, TimeSpan.FromSeconds(options.Quick ? 2 : 4), measure, ct);
            (noFsync ? results.IntakeNoFsync : results.Intake)[concurrency] = r;
            Console.WriteLine($"bench: {target.Name}: {label}: {r.PerSecond:F0}/s (p99 {r.P99Ms:F1} ms, {r.Rejected} rejected, {r.PendingAfter} pending of {r.AcceptedTotal} accepted{(r.ChangesPerTransaction is { } b ? $", {b:F1} per store transaction" : "")})");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            results.Errors.Add($"{label}: {ex.Message}");
            Console.WriteLine($"bench: {target.Name}: {label} failed: {ex.Message}");
        }
    }

    /// <summary>
    /// The servers run side by side; fan-out rounds alternate between them so all see the same
    /// machine load. Connection figures are taken one server at a time.
    /// </summary>
    private static async Task FanoutAndConnectionsAsync(
        List<(Target Target, TargetResults Results)> targets, string campaign, BenchOptions options, bool wantFanout, CancellationToken ct)
    {
        var live = new List<(FanoutSession Session, TargetResults Results)>();
        try
        {
            foreach (var (target, results) in targets)
            {
                try
                {
                    live.Add((await OpenSessionAsync(target, campaign, results, ct), results));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results.Errors.Add($"fan-out/connections: {ex.Message}");
                    Console.WriteLine($"bench: {target.Name}: could not start the fan-out session: {ex.Message}");
                }
            }

            var sessions = live.Select(l => l.Session).ToList();
            var (r12, r1k, rBig) = options.Quick ? (200, 20, 10) : (1_000, 100, 30);
            r12 = options.PlayerRounds > 0 ? options.PlayerRounds : r12;
            if (wantFanout)
            {
                // The first rounds after a start are reported on their own (both runtimes are still
                // compiling their hot paths); the pass lines apply to the table in play, after a warm-up
                // of about ten seconds of rounds.
                var (coldRounds, warmRounds) = options.Quick ? (100, 200) : (ColdRounds, PlayerWarmup);
                var cold = await FanoutSession.RunAsync(sessions, coldRounds, 0, ct);
                await FanoutSession.RunAsync(sessions, 0, warmRounds, ct);
                var players = await FanoutSession.RunAsync(sessions, r12, 0, ct);
                for (var i = 0; i < live.Count; i++)
                {
                    live[i].Results.PlayersCold = cold[i];
                    live[i].Results.Players = players[i];
                    Report(live[i].Session, $"{live[i].Session.Players.Count} players, first {coldRounds} rounds after start", cold[i]);
                    Report(live[i].Session, $"{live[i].Session.Players.Count} players", players[i]);
                }
            }

            // The large audience, one server at a time (this process's open-file limit may not hold
            // two of them): connect→welcome timed from the first connect to the last welcome, the
            // idle footprint, then the fan-out rounds; then back down to the first 1,000 observers.
            var keep = Math.Min(MidObservers, options.Observers);
            for (var i = 0; i < live.Count; i++)
            {
                var (session, results) = live[i];
                var server = session.Server;
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                results.RssBefore = server.RssBytes;
                var lastSeq = await server.Api.LastSeqAsync(ct);
                results.LargeObservers = options.Observers;
                var connect = await session.Fleet.ConnectAsync(options.Observers, server.ObserverToken, lastSeq, ConnectParallel, ct);
                results.Connect = connect;
                Console.WriteLine($"bench: {server.Target.Name}: {options.Observers} observers connect→welcome in {connect.Elapsed.TotalSeconds:F2} s ({connect.Failures} failed{(connect.FirstError is null ? "" : ": " + connect.FirstError)})");
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                var status = await server.Api.StatusAsync(ct);
                results.HeldSockets = status.Connections;
                results.RssIdle = server.RssBytes;
                results.FdsIdle = server.FdCount;
                Console.WriteLine($"bench: {server.Target.Name}: {status.Connections} sockets held, RSS {results.RssIdle / 1048576.0:F0} MiB (was {results.RssBefore / 1048576.0:F0} MiB), {results.FdsIdle} fds");

                if (wantFanout)
                {
                    var big = await FanoutSession.RunAsync([session], rBig, 3, ct);
                    results.LargeAudience = big[0];
                    Report(session, $"{options.Observers} observers + {session.Players.Count} players", big[0]);
                }

                session.Fleet.Drop(Enumerable.Range(connect.FirstIndex + keep, options.Observers - keep));
                var sw = Stopwatch.StartNew();
                while ((await server.Api.StatusAsync(ct)).ObserverConnections > keep && sw.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100, ct);
                }
            }

            if (!wantFanout)
            {
                return;
            }

            var mid = await FanoutSession.RunAsync(sessions, r1k, 5, ct);
            var mixed = await FanoutSession.RunAsync(sessions, r1k, 5, ct, mixed: true);
            for (var i = 0; i < live.Count; i++)
            {
                live[i].Results.MidAudience = mid[i];
                live[i].Results.Mixed = mixed[i];
                Report(live[i].Session, $"{keep} observers + {live[i].Session.Players.Count} players", mid[i]);
                Report(live[i].Session, $"{keep} observers + {live[i].Session.Players.Count} players, mixed traffic", mixed[i]);
                Console.WriteLine($"bench: {live[i].Session.Server.Target.Name}: mixed traffic: {mixed[i].SideRequests} rolls and sheet changes, {mixed[i].SideFailures} refused or failed, response p50 {Stats.Percentile(mixed[i].SideMs, 50):F2} ms");
            }

            foreach (var (session, results) in live)
            {
                await HandoutAsync(session, results, keep, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var (_, results) in live)
            {
                results.Errors.Add($"fan-out/connections: {ex.Message}");
            }

            Console.WriteLine($"bench: fan-out/connections failed: {ex.Message}");
        }
        finally
        {
            foreach (var (session, _) in live)
            {
                session.Fleet.DropAll();
                await session.Server.DisposeAsync();
            }
        }
    }

    private static async Task HandoutAsync(FanoutSession session, TargetResults results, int observers, CancellationToken ct)
    {
        try
        {
            var h = await HandoutBench.RunAsync(session, observers, ConnectParallel, ct);
            results.Handout = h;
            Console.WriteLine($"bench: {session.Server.Target.Name}: handout of {h.ImageBytes / 1e6:F1} MB to {observers} observers: event on every socket in {h.EventMs:F1} ms, last download done in {h.LastDownloadMs:F0} ms ({h.Failed} failed); server CPU {h.ServerCpuMs:F0} ms; RSS {h.RssBefore / 1048576.0:F0} → peak {h.RssPeak / 1048576.0:F0} → {h.RssAfter / 1048576.0:F0} MiB");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            results.Errors.Add($"handout: {ex.Message}");
            Console.WriteLine($"bench: {session.Server.Target.Name}: handout failed: {ex.Message}");
        }
    }

    /// <summary>Starts a server and connects one socket per player seat (12).</summary>
    private static async Task<FanoutSession> OpenSessionAsync(Target target, string campaign, TargetResults results, CancellationToken ct)
    {
        var server = await ServerProcess.StartAsync(target, campaign, ct);
        try
        {
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

            return new FanoutSession(server, fleet, players);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static void Report(FanoutSession session, string label, FanoutResult r)
    {
        Console.WriteLine(
            $"bench: {session.Server.Target.Name}: fan-out, {label}: p50 {Stats.Percentile(r.ResolveMs, 50):F2} ms, p99 {Stats.Percentile(r.ResolveMs, 99):F2} ms, " +
            $"max {(r.ResolveMs.Count > 0 ? r.ResolveMs.Max() : double.NaN):F2} ms over {r.ResolveMs.Count} rounds; " +
            $"CPU per round: server {r.ServerCpuMsPerRound:F2} ms, harness {r.ClientCpuMsPerRound:F2} ms" +
            (r.JitMs is { } jit && r.ResolveMs.Count > 0 ? $"; server JIT {jit / r.ResolveMs.Count:F2} ms, GC pauses {r.GcPauseMs / r.ResolveMs.Count:F2} ms per round ({r.GcCollections} collections)" : "") +
            (r.PrivateLeaks > 0 ? $"; {r.PrivateLeaks} private parts reached other sockets" : "") +
            (r.Error is null ? "" : $"; error: {r.Error}"));
    }

    private static async Task StartupAsync(RepoPaths paths, BenchOptions options, TargetResults party, TargetResults node, TargetResults bun, string? apphost, CancellationToken ct)
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

        if (bun.Skipped is null)
        {
            bun.Startup["relay"] = await StartupBench.MeasureAsync(paths.BunExecutable, [paths.BunRelayScript], runs, paths.Root, ct);
        }

        foreach (var (name, value) in party.Startup.Concat(node.Startup).Concat(bun.Startup))
        {
            Console.WriteLine($"bench: start-up {name}: {(value is { } v ? $"{v.Median:F0} ms (min {v.Min:F0}, {v.Runs} runs)" : "did not come up")}");
        }
    }
}
