using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Seats;

/// <summary>Join links of a game and their owner-only QR images in DATA/qr/ (both carry tokens).</summary>
internal sealed class JoinLinks(Game game, DataFolder folder)
{
    /// <summary>Base URL for players' join links (LAN address or --public-url).</summary>
    public string LanUrl { get; set; } = "";

    /// <summary>Base URL on this machine (the DM's link).</summary>
    public string LocalUrl { get; set; } = "";

    public string JoinUrl(string seatId) =>
        (seatId == SeatIds.Dm ? LocalUrl : LanUrl) + "/play?token=" + game.TokenFor(seatId);

    public string QrPath(string seatId) => Path.Combine(folder.QrFolder, seatId + ".png");

    public void WriteQr(string seatId)
    {
        DataFolder.CreatePrivateDirectory(folder.QrFolder);
        DataFolder.WritePrivateFile(QrPath(seatId), QrCodes.RenderPng(JoinUrl(seatId)));
    }

    public void DeleteQr(string seatId) => File.Delete(QrPath(seatId));

    /// <summary>Every seat but the DM's gets its image; a kicked seat has none.</summary>
    public void WriteAllQr()
    {
        foreach (var seat in game.Seats().Where(s => s.Role != Role.Dm))
        {
            if (seat.Kicked)
            {
                DeleteQr(seat.Id);
            }
            else
            {
                WriteQr(seat.Id);
            }
        }
    }

    /// <summary>Remembers the players' base URL so the token commands can print links while no daemon runs.</summary>
    public void SaveBase() => File.WriteAllText(Path.Combine(folder.Root, "join-base-url"), LanUrl + "\n");

    public static string? SavedBase(DataFolder folder)
    {
        var path = Path.Combine(folder.Root, "join-base-url");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
