using PartyMode.Cli.Sockets;
using PartyMode.Cli.Storage;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Publishing;

/// <summary>
/// The host's end of the one-way write path: the store commits a change set, this advances the
/// committed watermark (the game's reads may now include its events), then the hub publishes the
/// notices the change set carries. Nothing here takes the game's lock or calls the game.
/// </summary>
/// <param name="watermark">The watermark the game reads up to.</param>
/// <param name="hub">Where notices go; null for a game with no sockets (the offline token commands).</param>
internal sealed class CommitPipeline(CommitWatermark watermark, SocketHub? hub) : ICommitSink
{
    public void Committed(ChangeSet changes)
    {
        watermark.Advance(changes.LastSeq);
        if (hub is not null && changes.Notices.Count > 0)
        {
            hub.Publish(changes.Notices);
        }
    }
}
