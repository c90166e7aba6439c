using System.Net.WebSockets;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// One authenticated socket and its own bounded queue, so a slow or frozen client never delays anyone
/// else; a client whose queue overflows is closed with 4429 and recovers with <c>last_seq</c>.
/// </summary>
/// <remarks>
/// A frame for an idle socket is sent at once on the publishing thread: on loopback and LAN the send
/// completes synchronously, and handing each of a table's many small frames to the thread pool
/// costs more than sending them (docs/benchmarks.md). Only when a send is still in flight do frames
/// queue up, and one drain task sends them in order.
/// </remarks>
internal sealed class SocketConnection
{
    public const int QueueCapacity = 4096;
    private static long _nextId;
    private readonly object _gate = new();
    private readonly Queue<OutFrame> _pending = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Guarded by _gate. Live: welcome and replay are out, so frames may go as they come. Busy: a send
    // (inline or the drain task) owns the socket; after the close frame it stays busy for good.
    private bool _live;
    private bool _busy;
    private int _closeCode;
    private string _closeReason = "";

    public SocketConnection(WebSocket socket, Viewer viewer, string remote, TimeProvider time)
    {
        Socket = socket;
        Viewer = viewer;
        Remote = remote;
        LastHeard = time.GetUtcNow();
    }

    public long Id { get; } = Interlocked.Increment(ref _nextId);

    public WebSocket Socket { get; }

    public Viewer Viewer { get; }

    public string Remote { get; }

    /// <summary>Last time the client sent anything (pong, action…).</summary>
    public DateTimeOffset LastHeard { get; set; }

    /// <summary>Replayed and live events with seq at or below this are not sent again.</summary>
    public long SkipThroughSeq { get; set; }

    public int CloseCode => Volatile.Read(ref _closeCode);

    /// <summary>When a close was requested (wall clock), so a socket stuck in a send can be aborted.</summary>
    public DateTimeOffset? ClosingSince { get; private set; }

    /// <summary>Completes once the close frame is sent, or the socket failed and was aborted.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Frames waiting behind a send in flight.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Sends a frame now if the socket is idle, else queues it; a full queue closes the socket with 4429.</summary>
    public void Enqueue(OutFrame frame)
    {
        if (TryClaim(frame))
        {
            SendClaimed(frame);
        }
    }

    /// <summary>
    /// Queues the frame, or, when the socket is idle, claims the socket for it: then the caller must
    /// call <see cref="SendClaimed"/> (on any thread); frames that come meanwhile queue behind it.
    /// </summary>
    public bool TryClaim(OutFrame frame)
    {
        lock (_gate)
        {
            if (_closeCode != 0)
            {
                return false;
            }

            if (!_live || _busy)
            {
                if (_pending.Count >= QueueCapacity)
                {
                    CloseLocked(4429, "too far behind: reconnect with last_seq", discardQueued: true);
                    return false;
                }

                _pending.Enqueue(frame);
                return false;
            }

            _busy = true;
            return true;
        }
    }

    /// <summary>Welcome and replay are sent: what queued meanwhile goes out, then every frame as it comes.</summary>
    public void GoLive()
    {
        lock (_gate)
        {
            _live = true;
            if (_busy)
            {
                return;
            }

            _busy = true;
        }

        _ = DrainAsync(default);
    }

    /// <summary>Asks for a close frame after what is queued (or at once when discarding).</summary>
    public void RequestClose(int code, string reason, bool discardQueued = false)
    {
        bool start;
        lock (_gate)
        {
            start = CloseLocked(code, reason, discardQueued);
        }

        if (start)
        {
            _ = DrainAsync(default);
        }
    }

    /// <summary>Records the close; true when the caller must start the drain that sends it.</summary>
    private bool CloseLocked(int code, string reason, bool discardQueued)
    {
        if (_closeCode != 0)
        {
            return false;
        }

        _closeReason = reason;
        ClosingSince = DateTimeOffset.UtcNow;
        Volatile.Write(ref _closeCode, code);
        if (discardQueued)
        {
            _pending.Clear();
        }

        if (!_live || _busy)
        {
            // The drain in flight (or GoLive) sends the close frame when it gets to it.
            return false;
        }

        _busy = true;
        return true;
    }

    /// <summary>Sends a frame claimed with <see cref="TryClaim"/>, then hands over to the drain if more came.</summary>
    public void SendClaimed(OutFrame frame)
    {
        ValueTask send;
        try
        {
            send = Skip(frame) ? default : Socket.SendAsync(frame.Bytes.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex) when (IsSocketFailure(ex))
        {
            Fail();
            return;
        }

        if (send.IsCompletedSuccessfully)
        {
            lock (_gate)
            {
                if (_pending.Count == 0 && _closeCode == 0)
                {
                    _busy = false;
                    return;
                }
            }

            send = default;
        }

        // Still sending, or more frames (or a close) arrived meanwhile: the drain takes over, in order.
        _ = DrainAsync(send);
    }

    private async Task DrainAsync(ValueTask inFlight)
    {
        try
        {
            await inFlight;
            while (true)
            {
                OutFrame frame;
                lock (_gate)
                {
                    if (!_pending.TryDequeue(out frame))
                    {
                        if (_closeCode == 0)
                        {
                            _busy = false;
                            return;
                        }

                        break;
                    }
                }

                if (!Skip(frame))
                {
                    await Socket.SendAsync(frame.Bytes.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
            }

            await SocketIo.CloseAsync(Socket, _closeCode, _closeReason);
            _finished.TrySetResult();
        }
        catch (Exception ex) when (IsSocketFailure(ex))
        {
            Fail();
        }
    }

    private bool Skip(OutFrame frame) => frame.Seq != 0 && frame.Seq <= SkipThroughSeq;

    /// <summary>The client went away mid-send: drop the socket; the read side ends and cleans up.</summary>
    private void Fail()
    {
        lock (_gate)
        {
            _busy = true;
            _pending.Clear();
            if (_closeCode == 0)
            {
                Volatile.Write(ref _closeCode, 1006); // "abnormal closure": for the log, never sent
                _closeReason = "the client went away";
            }
        }

        Socket.Abort();
        _finished.TrySetResult();
    }

    private static bool IsSocketFailure(Exception ex) =>
        ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException;
}
