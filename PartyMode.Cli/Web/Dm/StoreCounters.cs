using PartyMode.Cli.Storage;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The store's counters for <c>GET /api/dm/diagnostics</c>; a read-only view, so the web host never owns (or disposes) the store.</summary>
internal sealed class StoreCounters(LiteDbGameStore store)
{
    public long CommittedChangeSets => store.CommittedChangeSets;

    public long Transactions => store.Transactions;

    public long Checkpoints => store.Checkpoints;
}
