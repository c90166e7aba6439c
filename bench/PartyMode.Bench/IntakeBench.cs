using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace PartyMode.Bench;

/// <summary>
/// Durable intake: <c>concurrency</c> clients POST /api/actions back to back (players in turn);
/// the rate counts 202s in the measured window. Each 202 means the action was committed first
/// (the contract); afterwards the queue must hold at least every accepted action.
/// </summary>
internal static class IntakeBench
{
    public static async Task<IntakeResult> RunAsync(ServerProcess server, int concurrency, TimeSpan warmup, TimeSpan measure, CancellationToken ct)
    {
        var players = server.Players;
        long accepted = 0, rejected = 0, acceptedTotal = 0;
        string? firstRejection = null;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureTo = warmup + measure;

        async Task Worker(int w)
        {
            var mine = latencies[w] = [];
            var token = players[w % players.Count].Token;
            for (var k = 0; clock.Elapsed < measureTo && !ct.IsCancellationRequested; k++)
            {
                var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"text\":\"I search the room, worker {w}, try {k}.\"}}"));
                var t = Stopwatch.GetTimestamp();
                var status = await server.Api.PostActionFastAsync(token, body, ct);
                var ms = RoundTracker.TicksToMs(Stopwatch.GetTimestamp() - t);
                var inWindow = clock.Elapsed >= measureFrom && clock.Elapsed < measureTo;
                if (status == HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref acceptedTotal);
                    if (inWindow)
                    {
                        Interlocked.Increment(ref accepted);
                        mine.Add(ms);
                    }
                }
                else
                {
                    Interlocked.Increment(ref rejected);
                    Interlocked.CompareExchange(ref firstRejection, ((int)status).ToString(CultureInfo.InvariantCulture), null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w), ct)));
        var all = latencies.SelectMany(l => l).ToList();
        var status = await server.Api.StatusAsync(ct);
        var diagnostics = await server.Api.DiagnosticsAsync(ct);
        double? batch = diagnostics is { Transactions: > 0 } d ? (double)d.CommittedChanges / d.Transactions : null;
        return new IntakeResult(
            concurrency, measure.TotalSeconds, accepted, rejected, accepted / measure.TotalSeconds,
            Stats.Percentile(all, 50), Stats.Percentile(all, 99), status.Pending, acceptedTotal, firstRejection, batch);
    }
}
