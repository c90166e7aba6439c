namespace PartyMode.Engine.Storage;

/// <summary>
/// The newest event seq the store has made durable. The host's commit pipeline advances it, in commit
/// order, before it publishes a change; the game's reads never go past it, so nothing uncommitted is read.
/// </summary>
public sealed class CommitWatermark
{
    private long _seq;

    /// <summary>The newest committed seq (0 when none).</summary>
    public long Seq => Interlocked.Read(ref _seq);

    /// <summary>Moves the watermark up to <paramref name="seq"/>; a lower value changes nothing.</summary>
    /// <param name="seq">A committed seq.</param>
    public void Advance(long seq)
    {
        var current = Interlocked.Read(ref _seq);
        while (current < seq)
        {
            var seen = Interlocked.CompareExchange(ref _seq, seq, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
