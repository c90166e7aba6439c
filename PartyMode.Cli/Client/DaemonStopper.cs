using System.Text.Json;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Client;

/// <summary>Graceful stop shared by <c>partymode stop</c> and the <c>stop_party_mode</c> tool.</summary>
internal static class DaemonStopper
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<StopResult> StopAsync(DaemonClient client, CancellationToken ct)
    {
        var queue = (await client.StatusAsync(ct)).TryGetProperty("queue", out var q) ? q : default;
        var pending = Count(queue, "pending");
        var processing = Count(queue, "processing");
        try
        {
            await client.ShutdownAsync(ct);
        }
        catch (DaemonNotRunningException)
        {
            // The daemon may close the connection while it stops: that is the outcome we asked for.
        }

        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            // Gone means: no answer, daemon.json removed (a clean stop) or its process ended, and the folder's lock let go.
            if (!await DaemonClient.IsHealthyAsync(client.Info, ct)
                && (DaemonProbe.TryRead(client.Folder) != client.Info || !client.Info.ProcessIsAlive())
                && !DaemonLock.IsHeld(client.Folder))
            {
                return new StopResult(true, pending, processing);
            }

            await Task.Delay(100, ct);
        }

        return new StopResult(false, pending, processing);
    }

    private static long Count(JsonElement queue, string name) =>
        queue.ValueKind == JsonValueKind.Object && queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : 0;
}
