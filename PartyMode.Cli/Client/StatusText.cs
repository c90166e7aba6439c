using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PartyMode.Cli.Client;

/// <summary>The DM API's status answer as text (<c>partymode status</c> and the MCP <c>get_party_status</c> tool).</summary>
internal static class StatusText
{
    public static string Format(JsonElement status, DataFolder folder)
    {
        var text = new StringBuilder();
        var campaign = status.Prop("campaign");
        text.Append(CultureInfo.InvariantCulture, $"Party Mode {status.Str("version")} is running (up {JsonText.Duration(status.Prop("uptime_seconds").ValueKind == JsonValueKind.Number ? status.Prop("uptime_seconds").GetDouble() : 0)}).\n");
        text.Append(CultureInfo.InvariantCulture, $"Data folder: {folder.Root}\n");
        if (campaign.ValueKind == JsonValueKind.Object)
        {
            text.Append(CultureInfo.InvariantCulture, $"Campaign:    {campaign.Str("name")} ({campaign.Str("id")})\n");
        }

        var urls = status.Prop("urls");
        if (urls.ValueKind == JsonValueKind.Object)
        {
            foreach (var url in urls.EnumerateObject())
            {
                var label = (url.Name switch { "lan" => "LAN", "local" => "Local", _ => url.Name }) + " URL:";
                text.Append(CultureInfo.InvariantCulture, $"{label,-13}{url.Value.GetString()}\n");
            }
        }

        text.Append('\n');
        var seats = new TextTable("SEAT", "ROLE", "NAME", "CONNECTED", "LAST SEEN", "KICKED");
        foreach (var seat in status.Items("seats"))
        {
            var connections = seat.Long("connections");
            seats.Add(
                seat.Str("seat"),
                seat.Str("role"),
                seat.Str("name"),
                seat.Bool("connected") ? $"yes ({connections.ToString(CultureInfo.InvariantCulture)})" : "no",
                seat.Str("last_seen", "never"),
                seat.Bool("kicked") ? "kicked" : "");
        }

        text.Append(seats);
        var queue = status.Prop("queue");
        text.Append(CultureInfo.InvariantCulture, $"\nQueue:  {queue.Long("pending")} pending, {queue.Long("processing")} processing, {queue.Long("resolved")} resolved, {queue.Long("cancelled")} cancelled\n");
        text.Append(CultureInfo.InvariantCulture, $"Combat: {CombatText.Describe(status.Prop("combat"))}\n");
        return text.ToString();
    }
}
