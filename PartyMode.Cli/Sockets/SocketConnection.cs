using System.Net.WebSockets;
using System.Threading.Channels;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// One authenticated socket: its own bounded queue and writer, so a slow or frozen client never delays
/// anyone else. A client whose queue overflows is closed with 4429 and recovers with <c>last_seq</c>.
/// </summary>
internal sealed class SocketConnection
{
    public const int QueueCapacity = 4096;
    private static long _nextId;
    private readonly Channel<OutFrame> _queue = Channel.CreateBounded<OutFrame>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

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

    public string CloseReason => _closeReason;

    public ChannelReader<OutFrame> Reader => _queue.Reader;

    /// <summary>Queues a frame; a full queue means the client fell behind: it is closed with 4429.</summary>
    public void Enqueue(OutFrame frame)
    {
        if (!_queue.Writer.TryWrite(frame) && CloseCode == 0)
        {
            RequestClose(4429, "too far behind: reconnect with last_seq", discardQueued: true);
        }
    }

    /// <summary>Asks the writer to send a close frame after what is queued (or at once when discarding).</summary>
    public void RequestClose(int code, string reason, bool discardQueued = false)
    {
        if (Interlocked.CompareExchange(ref _closeCode, code, 0) != 0)
        {
            return;
        }

        _closeReason = reason;
        ClosingSince = DateTimeOffset.UtcNow;
        _queue.Writer.TryComplete();
        if (discardQueued)
        {
            while (_queue.Reader.TryRead(out _))
            {
            }
        }
    }
}
