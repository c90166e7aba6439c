namespace PartyMode.Cli.Sockets;

/// <summary>
/// The sends of one publish. Frames are queued or claimed socket by socket in publish order (which
/// keeps every socket's frames in order); the claimed sends then go out inline for a table, or spread
/// over the thread pool for an audience, so a push to a large audience never holds up the thread
/// that committed it.
/// </summary>
internal sealed class SendBatch
{
    /// <summary>Up to this many sends are made on the publishing thread.</summary>
    public const int InlineLimit = 64;

    private const int ChunkSize = 256;
    private List<(SocketConnection Connection, OutFrame Frame)>? _claimed;

    public void Add(SocketConnection connection, OutFrame frame)
    {
        if (connection.TryClaim(frame))
        {
            (_claimed ??= []).Add((connection, frame));
        }
    }

    public void Send()
    {
        var claimed = _claimed;
        _claimed = null;
        if (claimed is null)
        {
            return;
        }

        if (claimed.Count <= InlineLimit)
        {
            foreach (var (connection, frame) in claimed)
            {
                connection.SendClaimed(frame);
            }

            return;
        }

        var all = claimed.ToArray();
        for (var i = 0; i < all.Length; i += ChunkSize)
        {
            var chunk = new ArraySegment<(SocketConnection Connection, OutFrame Frame)>(all, i, Math.Min(ChunkSize, all.Length - i));
            ThreadPool.UnsafeQueueUserWorkItem(
                static chunk =>
                {
                    foreach (var (connection, frame) in chunk)
                    {
                        connection.SendClaimed(frame);
                    }
                },
                chunk,
                preferLocal: false);
        }
    }
}
