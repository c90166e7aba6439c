using System.Diagnostics;
using System.Net;

namespace PartyMode.Bench;

/// <summary>All the viewer sockets of one scenario, connected with bounded parallelism.</summary>
internal sealed class SocketFleet(IPEndPoint server, RoundTracker tracker)
{
    private readonly List<ProbeSocket> _sockets = [];

    public IReadOnlyList<ProbeSocket> Sockets => _sockets;

    public RoundTracker Tracker { get; } = tracker;

    public int OpenCount => _sockets.Count(s => !s.Closed);

    /// <summary>
    /// Opens <paramref name="count"/> sockets with one token, at most <paramref name="parallel"/>
    /// handshakes in flight; returns the indexes of the new sockets, the time from the first
    /// connect to the last welcome, and how many failed.
    /// </summary>
    public async Task<ConnectResult> ConnectAsync(int count, string token, long lastSeq, int parallel, CancellationToken ct)
    {
        var first = _sockets.Count;
        var batch = new ProbeSocket[count];
        for (var i = 0; i < count; i++)
        {
            batch[i] = new ProbeSocket(first + i, Tracker);
        }

        _sockets.AddRange(batch);
        using var gate = new SemaphoreSlim(parallel);
        var failures = 0;
        string? firstError = null;
        var sw = Stopwatch.StartNew();
        var tasks = batch.Select(async s =>
        {
            await gate.WaitAsync(ct);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await s.ConnectAsync(server, token, lastSeq, timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failures);
                Interlocked.CompareExchange(ref firstError, ex.Message, null);
                s.Abort();
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        sw.Stop();
        return new ConnectResult(first, count, sw.Elapsed, failures, firstError);
    }

    /// <summary>Drops the sockets at the given indexes.</summary>
    public void Drop(IEnumerable<int> indexes)
    {
        foreach (var i in indexes)
        {
            _sockets[i].Abort();
        }
    }

    public void DropAll() => Drop(Enumerable.Range(0, _sockets.Count));
}
