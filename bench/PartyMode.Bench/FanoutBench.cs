using System.Diagnostics;
using System.Net;

namespace PartyMode.Bench;

/// <summary>
/// Fan-out latency: a player acts, the DM takes the action and resolves it with a public
/// narrative and a private part for the actor; the clock runs from just before the resolve
/// request until the last socket has received everything of that resolve it may see.
/// </summary>
internal static class FanoutBench
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(30);

    /// <param name="players">Player seats and the index of each one's socket in the fleet.</param>
    public static async Task<FanoutResult> RunAsync(
        ServerProcess server, SocketFleet fleet, IReadOnlyList<(Seat Seat, int Socket)> players, int rounds, int warmup, CancellationToken ct)
    {
        var result = new FanoutResult { Sockets = fleet.OpenCount };
        var tracker = fleet.Tracker;
        var me = Environment.ProcessId;
        double serverCpu = 0, clientCpu = 0;
        for (var r = 0; r < warmup + rounds; r++)
        {
            var (seat, socketIndex) = players[r % players.Count];
            var round = tracker.NextRound();
            if (r == warmup)
            {
                serverCpu = ProcStats.CpuMs(server.Pid);
                clientCpu = ProcStats.CpuMs(me);
            }

            var actionDone = tracker.Begin(round, RoundPhase.Action, -1, fleet.Sockets);
            var start = Stopwatch.GetTimestamp();
            var (status, id) = await server.Api.PostActionAsync(seat.Token, $"I swing my axe at the goblin. {RoundTracker.Marker(round, 'A')}", ct);
            if (status != HttpStatusCode.Accepted || id is null)
            {
                result.Error = $"POST /api/actions answered {(int)status}";
                break;
            }

            var actionOk = await WaitAsync(actionDone, ct);
            var actionMs = RoundTracker.TicksToMs(tracker.LastTicks - start);
            result.LostSockets += tracker.Lost;

            var next = await server.Api.NextAsync(ct);
            if (next?.Id != id)
            {
                result.Error = $"actions/next returned {next?.Id ?? "nothing"}, expected {id}";
                break;
            }

            var resolveDone = tracker.Begin(round, RoundPhase.Resolve, socketIndex, fleet.Sockets);
            var t0 = Stopwatch.GetTimestamp();
            await server.Api.ResolveAsync(
                id,
                $"The axe bites deep and the goblin staggers back. {RoundTracker.Marker(round, 'N')}",
                seat.Id,
                $"You notice a key on the goblin's belt. {RoundTracker.Marker(round, 'P')}",
                ct);
            var httpMs = RoundTracker.TicksToMs(Stopwatch.GetTimestamp() - t0);
            var resolveOk = await WaitAsync(resolveDone, ct);
            var resolveMs = RoundTracker.TicksToMs(tracker.LastTicks - t0);
            result.LostSockets += tracker.Lost;

            if (!actionOk || !resolveOk)
            {
                result.Timeouts++;
                if (result.Timeouts >= 3)
                {
                    result.Error = $"{result.Timeouts} rounds timed out ({tracker.Remaining} sockets never got the frame)";
                    break;
                }

                continue;
            }

            if (r >= warmup)
            {
                result.ActionMs.Add(actionMs);
                result.ResolveMs.Add(resolveMs);
                result.ResolveHttpMs.Add(httpMs);
            }
        }

        if (result.ResolveMs.Count > 0)
        {
            result.ServerCpuMsPerRound = (ProcStats.CpuMs(server.Pid) - serverCpu) / result.ResolveMs.Count;
            result.ClientCpuMsPerRound = (ProcStats.CpuMs(me) - clientCpu) / result.ResolveMs.Count;
        }

        return result;
    }

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
