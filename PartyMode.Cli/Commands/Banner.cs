using PartyMode.Cli.Hosting;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Security;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Commands;

/// <summary>
/// What <c>serve</c> prints at start: a screen that fits 80×24 (the game, one short join link per seat, how to
/// show a seat's QR code, the DM link highlighted and last), then one seat's QR code at a time on request.
/// </summary>
internal static class Banner
{
    /// <summary>The width every line stays within, so no link wraps on a standard terminal.</summary>
    public const int Width = 80;

    private const string Bold = "\u001b[1;4m";
    private const string Plain = "\u001b[0m";

    /// <summary>The start-up screen; <paramref name="interactive"/> when Enter in this terminal shows the QR codes.</summary>
    public static async Task PrintAsync(PartyServer server, TextWriter output, bool interactive = false)
    {
        var links = server.Links;
        var game = server.Game;
        await output.WriteLineAsync(Fit($"PartyMode {BuildInfo.Version} · {game.Meta.CampaignName}"));
        await output.WriteLineAsync(server.Imported
            ? "New game: the campaign was imported into " + server.Folder.Root
            : "Continuing the stored game in " + server.Folder.Root);
        var candidates = LanAddresses.Candidates();
        if (server.Options.PublicUrl is null && candidates.Count > 1)
        {
            var others = string.Join(", ", candidates.Skip(1));
            await output.WriteLineAsync(Fit($"Other addresses of this machine: {others}"));
            await output.WriteLineAsync("Phones cannot connect? Pass --public-url http://ADDRESS:PORT with one of them.");
        }

        var seats = PlayerSeats(server);
        var width = seats.Count == 0 ? 0 : seats.Max(s => s.Id.Length);
        await output.WriteLineAsync("Join links (phones on this network):");
        foreach (var seat in seats)
        {
            var line = seat.Kicked
                ? $"  {seat.Id.PadRight(width)}  kicked: 'partymode token refresh {seat.Id}' readmits it"
                : $"  {seat.Id.PadRight(width)}  {links.JoinUrl(seat.Id)}";
            // A link too long for its line goes on its own, so it never wraps in the middle.
            await output.WriteLineAsync(line.Length <= Width ? line : $"  {seat.Id}:\n  {links.JoinUrl(seat.Id)}");
        }

        await output.WriteLineAsync(interactive
            ? "QR codes: press Enter here for the next seat's, or 'partymode token show SEAT'."
            : "A seat's QR code: 'partymode token show SEAT'.");
        await output.WriteLineAsync(Fit("QR images: " + server.Folder.QrFolder));
        await output.WriteLineAsync("Stop: Ctrl+C or 'partymode stop' (everything is saved as you play).");
        await PrintDmLinkAsync(server, output);
    }

    /// <summary>One seat's QR code with its caption, then the DM link again, in under 24 lines.</summary>
    public static async Task PrintSeatCodeAsync(PartyServer server, Seat seat, TextWriter output)
    {
        var url = server.Links.JoinUrl(seat.Id);
        await output.WriteLineAsync(Fit($"{seat.Name} ({seat.Id}): scan to join. Enter: the next seat's code."));
        await output.WriteAsync(QrCodes.RenderTerminal(url));
        await PrintDmLinkAsync(server, output);
    }

    /// <summary>The seats that get a join link: every one but the DM's, kicked ones included (they say so).</summary>
    public static IReadOnlyList<Seat> PlayerSeats(PartyServer server) =>
        server.Game.Seats().Where(s => s.Role != Role.Dm).ToList();

    /// <summary>
    /// Shows one seat's code each time Enter is pressed in the terminal, until the input ends.
    /// A background thread: a console read cannot be cancelled, and it must not keep the process alive.
    /// </summary>
    public static void ShowCodesOnEnter(PartyServer server, TextWriter output)
    {
        var thread = new Thread(() =>
        {
            var next = 0;
            while (!server.Stopped.IsCompleted && Console.ReadLine() is not null)
            {
                var seats = PlayerSeats(server).Where(s => !s.Kicked).ToList();
                if (seats.Count == 0 || server.Stopped.IsCompleted)
                {
                    continue;
                }

                PrintSeatCodeAsync(server, seats[next++ % seats.Count], output).GetAwaiter().GetResult();
            }
        })
        {
            IsBackground = true,
            Name = "banner-keys",
        };
        thread.Start();
    }

    private static async Task PrintDmLinkAsync(PartyServer server, TextWriter output)
    {
        await output.WriteLineAsync("Game Master (this machine only; keep it private):");
        await output.WriteLineAsync($"  {Bold}{server.Links.JoinUrl(SeatIds.Dm)}{Plain}");
    }

    private static string Fit(string line) => line.Length <= Width ? line : line[..(Width - 1)] + "…";
}
