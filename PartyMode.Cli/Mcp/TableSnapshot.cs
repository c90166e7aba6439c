using System.Globalization;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>Reads of the DM API that several tools, resources and prompts share.</summary>
internal static class TableSnapshot
{
    /// <summary>Pending then processing actions, oldest first (docs/protocol.md §3.7.4).</summary>
    public static async Task<List<JsonElement>> OpenActionsAsync(DaemonClient client, CancellationToken cancellationToken)
    {
        var open = new List<JsonElement>();
        foreach (var status in new[] { "pending", "processing" })
        {
            var answer = await client.GetAsync("api/dm/actions?status=" + status, cancellationToken);
            open.AddRange(answer.Items("actions").Select(a => a.Clone()));
        }

        return [.. open.OrderBy(a => a.Long("seq"))];
    }

    /// <summary>Open roll requests (docs/protocol.md §7.2); empty when the daemon does not serve them.</summary>
    public static async Task<List<JsonElement>> OpenRollRequestsAsync(DaemonClient client, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.GetAsync("api/dm/roll-requests?status=open", cancellationToken);
            return [.. answer.Items("requests").Concat(answer.Items("roll_requests")).Select(r => r.Clone())];
        }
        catch (DaemonApiException)
        {
            return [];
        }
    }

    /// <summary>
    /// The newest seq of the DM view: the DM sees every event, so seqs have no gaps and a gallop then a
    /// binary search with one-event pages finds it in a few small requests.
    /// </summary>
    public static async Task<long> LastSeqAsync(DaemonClient client, CancellationToken cancellationToken)
    {
        async Task<bool> AnyAfter(long after)
        {
            var page = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/events?after={after}&limit=1"), cancellationToken);
            return page.Items("events").Any();
        }

        if (!await AnyAfter(0))
        {
            return 0;
        }

        long low = 0, high = 1;
        while (await AnyAfter(high))
        {
            low = high;
            high *= 2;
        }

        // An event after low exists; none after high.
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (await AnyAfter(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    /// <summary>The newest <paramref name="count"/> events of the DM view, oldest first.</summary>
    public static async Task<JsonElement> RecentAsync(DaemonClient client, int count, CancellationToken cancellationToken)
    {
        var last = await LastSeqAsync(client, cancellationToken);
        return await StoryTools.ReadAsync(client, Math.Max(0, last - count), count, null, cancellationToken);
    }
}
