using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode status</c>: the running daemon's URLs, uptime, seats, queue and combat.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the running daemon's state: URL, uptime, seats, queue counts and combat.");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        using var client = await DaemonClient.ConnectAsync(context.Folder, ct);
        var status = await client.StatusAsync(ct);
        await context.Out.WriteAsync(context.Json ? JsonText.Pretty(status) + "\n" : Format(status, context.Folder));
        return CliApp.Ok;
    }

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
        text.Append(CultureInfo.InvariantCulture, $"Combat: {DescribeCombat(status.Prop("combat"))}\n");
        return text.ToString();
    }

    public static string DescribeCombat(JsonElement combat)
    {
        if (combat.ValueKind != JsonValueKind.Object || (combat.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False))
        {
            return "none (exploration)";
        }

        var mode = combat.Str("mode", "turn_based");
        var turn = combat.Str("current_turn", "nobody");
        return mode == "simultaneous"
            ? $"round {combat.Str("round", "?")}, simultaneous round open: {combat.Str("prompt")}"
            : $"round {combat.Str("round", "?")}, turn of {turn}";
    }
}
