using PartyMode.Engine.Handouts;

namespace PartyMode.Cli.Handouts;

/// <summary>
/// The handout images served lately, in memory up to a byte budget (least recently served first out).
/// A handout shown to a room is fetched by every screen at once: one shared copy instead of reading and
/// allocating the file per request (docs/benchmarks.md, the handout row). Files are content-addressed
/// (named by their SHA-256), so a cached copy is never stale.
/// </summary>
internal sealed class HandoutImageCache(HandoutFiles files, long budgetBytes)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Sha, byte[] Bytes)>> _byHash = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Sha, byte[] Bytes)> _recent = new();
    private long _bytes;

    /// <summary>Bytes held now (for tests and diagnostics).</summary>
    public long HeldBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The image's bytes (shared: never written to), or null when its file is gone.</summary>
    public byte[]? Get(Handout handout)
    {
        lock (_gate)
        {
            if (_byHash.TryGetValue(handout.Sha256, out var hit))
            {
                _recent.Remove(hit);
                _recent.AddFirst(hit);
                return hit.Value.Bytes;
            }
        }

        // Read outside the lock: a second request for the same new image may read it too, and one copy wins.
        var bytes = files.Read(handout);
        if (bytes is null || bytes.LongLength > budgetBytes)
        {
            return bytes;
        }

        lock (_gate)
        {
            if (_byHash.TryGetValue(handout.Sha256, out var raced))
            {
                return raced.Value.Bytes;
            }

            _byHash[handout.Sha256] = _recent.AddFirst((handout.Sha256, bytes));
            _bytes += bytes.LongLength;
            while (_bytes > budgetBytes && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _byHash.Remove(oldest.Value.Sha);
                _bytes -= oldest.Value.Bytes.LongLength;
            }
        }

        return bytes;
    }
}
