using System.Diagnostics;
using System.Net;

namespace PartyMode.Bench;

/// <summary>
/// Fan-out latency on one server: a player acts, the DM takes the action and resolves it with a
/// public narrative and a private part for the actor; the clock runs from just before the resolve
/// request until the last socket has received everything of that resolve it may see. Sessions of
/// PartyMode and the relay take turns round by round, so both see the same machine load.
/// </summary>
internal sealed class FanoutSession(ServerProcess server, SocketFleet fleet, IReadOnlyList<(Seat Seat, int Socket)> players)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(30);
    private int _turn;

    public ServerProcess Server { get; } = server;

    public SocketFleet Fleet { get; } = fleet;

    public IReadOnlyList<(Seat Seat, int Socket)> Players { get; } = players;

    /// <summary>
    /// Runs one round into <paramref name="result"/>; false when the scenario must stop. A
    /// <paramref name="mixed"/> round also has two other players roll and change a sheet while it runs.
    /// </summary>
    public async Task<bool> RoundAsync(FanoutResult result, bool record, bool mixed, CancellationToken ct)
    {
        var tracker = Fleet.Tracker;
        var turn = _turn++;
        var (seat, socketIndex) = Players[turn % Players.Count];
        var round = tracker.NextRound();
        var serverCpu = ProcStats.CpuMs(Server.Pid);
        var clientCpu = ProcStats.CpuMs(Environment.ProcessId);
        var side = mixed ? SideTrafficAsync(turn, ct) : null;

        var actionDone = tracker.Begin(round, RoundPhase.Action, -1, Fleet.Sockets);
        var start = Stopwatch.GetTimestamp();
        var (status, id) = await Server.Api.PostActionAsync(seat.Token, $"I swing my axe at the goblin. {RoundTracker.Marker(round, 'A')}", ct);
        if (status != HttpStatusCode.Accepted || id is null)
        {
            result.Error = $"POST /api/actions answered {(int)status}";
            return false;
        }

        var actionOk = await WaitAsync(actionDone, ct);
        var actionMs = RoundTracker.TicksToMs(tracker.LastTicks - start);
        result.LostSockets += tracker.Lost;

        var next = await Server.Api.NextAsync(ct);
        if (next?.Id != id)
        {
            result.Error = $"actions/next returned {next?.Id ?? "nothing"}, expected {id}";
            return false;
        }

        var leaksBefore = tracker.Leaks;
        var resolveDone = tracker.Begin(round, RoundPhase.Resolve, socketIndex, Fleet.Sockets);
        var t0 = Stopwatch.GetTimestamp();
        await Server.Api.ResolveAsync(
            id,
            $"The axe bites deep and the goblin staggers back. {RoundTracker.Marker(round, 'N')}",
            seat.Id,
            $"You notice a key on the goblin's belt. {RoundTracker.Marker(round, 'P')}",
            ct);
        var httpMs = RoundTracker.TicksToMs(Stopwatch.GetTimestamp() - t0);
        var resolveOk = await WaitAsync(resolveDone, ct);
        var resolveMs = RoundTracker.TicksToMs(tracker.LastTicks - t0);
        result.LostSockets += tracker.Lost;
        result.PrivateLeaks += tracker.Leaks - leaksBefore;
        if (side is not null)
        {
            var (failed, ms) = await side;
            result.SideRequests += 2;
            result.SideFailures += failed;
            if (record)
            {
                result.SideMs.AddRange(ms);
            }
        }

        if (!actionOk || !resolveOk)
        {
            result.Timeouts++;
            if (result.Timeouts >= 3)
            {
                result.Error = $"{result.Timeouts} rounds timed out ({tracker.Remaining} sockets never got the frame)";
                return false;
            }

            return true;
        }

        if (record)
        {
            result.ActionMs.Add(actionMs);
            result.ResolveMs.Add(resolveMs);
            result.ResolveHttpMs.Add(httpMs);
            result.ServerCpuMs += ProcStats.CpuMs(Server.Pid) - serverCpu;
            result.ClientCpuMs += ProcStats.CpuMs(Environment.ProcessId) - clientCpu;
        }

        return true;
    }

    /// <summary>Runs warm-up then measured rounds, the sessions taking turns; one result per session.</summary>
    public static async Task<FanoutResult[]> RunAsync(IReadOnlyList<FanoutSession> sessions, int rounds, int warmup, CancellationToken ct, bool mixed = false)
    {
        var results = sessions.Select(s => new FanoutResult { Sockets = s.Fleet.OpenCount }).ToArray();
        var active = sessions.Select(_ => true).ToArray();
        var before = new Diagnostics?[sessions.Count];
        for (var r = 0; r < warmup + rounds; r++)
        {
            if (r == warmup)
            {
                for (var i = 0; i < sessions.Count; i++)
                {
                    before[i] = await RuntimeCostsAsync(sessions[i], ct);
                }
            }

            for (var i = 0; i < sessions.Count; i++)
            {
                if (active[i])
                {
                    active[i] = await sessions[i].RoundAsync(results[i], r >= warmup, mixed, ct);
                }
            }
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            if (before[i] is { } b && await RuntimeCostsAsync(sessions[i], ct) is { } a && a.JitMs >= 0 && b.JitMs >= 0)
            {
                results[i].JitMs = a.JitMs - b.JitMs;
                results[i].GcPauseMs = a.GcPauseMs - b.GcPauseMs;
                results[i].GcCollections = a.GcCollections - b.GcCollections;
            }
        }

        return results;
    }

    /// <summary>
    /// The mixed-traffic row's other players: one rolls (public, so every socket gets it), another
    /// changes its sheet (a free op: every socket gets a party update), both while the round runs.
    /// </summary>
    private async Task<(int Failed, double[] Ms)> SideTrafficAsync(int turn, CancellationToken ct)
    {
        var roller = Players[(turn + 3) % Players.Count].Seat;
        var changer = Players[(turn + 7) % Players.Count].Seat;
        var start = Stopwatch.GetTimestamp();
        var roll = Timed(Server.Api.RollAsync(roller.Token, "1d20+5", "Attack", ct), HttpStatusCode.Created, start);
        var change = Timed(Server.Api.ChangeSheetAsync(changer.Token, changer.Id, turn % 7, ct), HttpStatusCode.OK, start);
        var done = await Task.WhenAll(roll, change);
        return (done.Count(d => !d.Ok), done.Select(d => d.Ms).ToArray());

        static async Task<(bool Ok, double Ms)> Timed(Task<HttpStatusCode> call, HttpStatusCode expected, long start)
        {
            var status = await call;
            return (status == expected, RoundTracker.TicksToMs(Stopwatch.GetTimestamp() - start));
        }
    }

    /// <summary>PartyMode's JIT and GC counters (null on the relays, which have no diagnostics).</summary>
    private static Task<Diagnostics?> RuntimeCostsAsync(FanoutSession session, CancellationToken ct) =>
        session.Server.Target.Name is "node" or "bun" ? Task.FromResult<Diagnostics?>(null) : session.Server.Api.DiagnosticsAsync(ct);

    private static async Task<bool> WaitAsync(Task done, CancellationToken ct)
    {
        try
        {
            await done.WaitAsync(PhaseTimeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
