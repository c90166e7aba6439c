using PartyMode.Cli.Hosting;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Security;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Commands;

/// <summary>What <c>serve</c> prints at start: the game, then each seat's join link with a QR code.</summary>
internal static class Banner
{
    public static async Task PrintAsync(PartyServer server, TextWriter output)
    {
        var links = server.Links;
        var game = server.Game;
        await output.WriteLineAsync($"PartyMode {BuildInfo.Version} · {game.Meta.CampaignName} ({game.Meta.CampaignId})");
        await output.WriteLineAsync(server.Imported
            ? "New game: the campaign was imported into " + server.Folder.Root
            : "Continuing the stored game in " + server.Folder.Root + " (the campaign file was only its starting point).");
        var candidates = LanAddresses.Candidates();
        if (server.Options.PublicUrl is null && candidates.Count > 1)
        {
            foreach (var ip in candidates)
            {
                await output.WriteLineAsync($"  LAN address candidate: http://{ip}:{server.Port}");
            }

            await output.WriteLineAsync($"QR codes use {links.LanUrl}; pass --public-url if phones cannot reach it.");
        }

        await output.WriteLineAsync();
        foreach (var seat in game.Seats().Where(s => s.Role != Role.Dm))
        {
            if (seat.Kicked)
            {
                await output.WriteLineAsync($"{seat.Name} ({seat.Id}): kicked; 'partymode token refresh {seat.Id}' readmits it.");
                continue;
            }

            var url = links.JoinUrl(seat.Id);
            await output.WriteLineAsync($"{seat.Name} ({seat.Id}): {url}");
            await output.WriteLineAsync(QrCodes.RenderTerminal(url));
        }

        await output.WriteLineAsync($"Game Master (this machine only): {links.JoinUrl(SeatIds.Dm)}");
        await output.WriteLineAsync($"QR images: {server.Folder.QrFolder}    Stop: Ctrl+C or 'partymode stop'");
    }
}
