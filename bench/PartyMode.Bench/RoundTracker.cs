using System.Diagnostics;

namespace PartyMode.Bench;

/// <summary>
/// Knows which marker the sockets are waiting for and when the last of them got it. Each
/// benchmark round has two phases: the player's <c>action</c> event reaching everyone (A), then
/// the DM's resolve reaching everyone (N, the public narrative; plus P, the private part, for
/// the actor). Sockets report from their own receive loops; only <see cref="_remaining"/> and
/// <see cref="_lastTicks"/> are shared between them.
/// </summary>
internal sealed class RoundTracker
{
    private RoundState _state = new(0, 0, RoundPhase.Action, [], -1, new TaskCompletionSource());
    private int _remaining;
    private int _lost;
    private int _leaks;
    private long _lastTicks;
    private int _rounds;

    /// <summary>A round number not used before on this server (markers stay unique).</summary>
    public int NextRound() => Interlocked.Increment(ref _rounds);

    /// <summary>Frames of this round carry "BMK" + the round number in 8 digits + the kind letter.</summary>
    public static string Marker(int round, char kind) => $"BMK{round:D8}{kind}";

    /// <summary>Arms the tracker for a phase; call before the request that triggers the frames.</summary>
    public Task Begin(int round, RoundPhase phase, int actorIndex, IReadOnlyList<ProbeSocket> sockets)
    {
        var gen = _state.Generation + 1;
        var open = 0;
        foreach (var s in sockets)
        {
            if (s.Closed)
            {
                s.CompletedGeneration = gen;
            }
            else
            {
                open++;
            }
        }

        _lastTicks = 0;
        _lost = 0;
        _remaining = open;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open == 0)
        {
            done.SetResult();
        }

        var prefix = System.Text.Encoding.ASCII.GetBytes(Marker(round, 'X')[..^1]);
        Volatile.Write(ref _state, new RoundState(gen, round, phase, prefix, actorIndex, done));
        return done.Task;
    }

    /// <summary>Receive time of the last socket to complete the phase (Stopwatch ticks).</summary>
    public long LastTicks => Volatile.Read(ref _lastTicks);

    /// <summary>Sockets that closed instead of completing the phase.</summary>
    public int Lost => Volatile.Read(ref _lost);

    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>Private parts seen by sockets that were not their recipient (must stay 0).</summary>
    public int Leaks => Volatile.Read(ref _leaks);

    /// <summary>Called by a socket's receive loop for each complete text message.</summary>
    public void OnMessage(ProbeSocket socket, ReadOnlySpan<byte> message, long ticks)
    {
        var state = Volatile.Read(ref _state);
        if (state.Prefix.Length == 0)
        {
            return;
        }

        // Scanned even after the socket completed its phase, so a late private part is still caught.
        var rest = message;
        int at;
        var seen = false;
        while ((at = rest.IndexOf(state.Prefix)) >= 0 && at + state.Prefix.Length < rest.Length)
        {
            switch (rest[at + state.Prefix.Length])
            {
                case (byte)'A': socket.SeenA = state.Round; seen = true; break;
                case (byte)'N': socket.SeenN = state.Round; seen = true; break;
                case (byte)'P':
                    socket.SeenP = state.Round;
                    seen = true;
                    if (socket.Index != state.ActorIndex)
                    {
                        // A private part reached a socket that is not its recipient's.
                        Interlocked.Increment(ref _leaks);
                    }

                    break;
                default: break;
            }

            rest = rest[(at + state.Prefix.Length + 1)..];
        }

        if (!seen || socket.CompletedGeneration == state.Generation)
        {
            return;
        }

        var complete = state.Phase == RoundPhase.Action
            ? socket.SeenA == state.Round
            : socket.SeenN == state.Round && (socket.Index != state.ActorIndex || socket.SeenP == state.Round);
        if (!complete)
        {
            return;
        }

        socket.CompletedGeneration = state.Generation;
        var last = Volatile.Read(ref _lastTicks);
        while (ticks > last)
        {
            var seenLast = Interlocked.CompareExchange(ref _lastTicks, ticks, last);
            if (seenLast == last)
            {
                break;
            }

            last = seenLast;
        }

        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            state.Done.TrySetResult();
        }
    }

    /// <summary>A socket closed: it will not complete the current phase.</summary>
    public void OnClosed(ProbeSocket socket)
    {
        var state = Volatile.Read(ref _state);
        if (socket.CompletedGeneration == state.Generation || state.Prefix.Length == 0)
        {
            return;
        }

        socket.CompletedGeneration = state.Generation;
        Interlocked.Increment(ref _lost);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            state.Done.TrySetResult();
        }
    }

    public static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed record RoundState(int Generation, int Round, RoundPhase Phase, byte[] Prefix, int ActorIndex, TaskCompletionSource Done);
}
