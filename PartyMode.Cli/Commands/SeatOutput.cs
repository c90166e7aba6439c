using System.Globalization;
using System.Text;
using System.Text.Json;
using PartyMode.Cli.Client;
using PartyMode.Cli.Seats;

namespace PartyMode.Cli.Commands;

/// <summary>How the token commands print a seat (<c>{seat, role, name, token, url, qr, kicked}</c>) for people.</summary>
internal static class SeatOutput
{
    public static string Format(JsonElement seat, bool withQr = true)
    {
        var text = new StringBuilder();
        var id = seat.Str("seat");
        var role = seat.Str("role");
        text.Append(CultureInfo.InvariantCulture, $"{seat.Str("name", id)} ({role} seat '{id}')\n");
        if (seat.Bool("kicked"))
        {
            text.Append(CultureInfo.InvariantCulture, $"  Kicked: this seat has no valid link. Run 'partymode token refresh {id}' to issue a new one.\n");
            return text.ToString();
        }

        var url = seat.Str("url");
        text.Append(CultureInfo.InvariantCulture, $"  {url}\n");
        if (role == "dm")
        {
            text.Append("  Your own game-master link (this machine only): keep it private.\n");
            return text.ToString();
        }

        var qr = seat.Str("qr");
        if (qr.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  QR image: {qr}\n");
        }

        if (withQr && url.Length > 0)
        {
            text.Append(QrCodes.RenderTerminal(url));
        }

        return text.ToString();
    }

    /// <summary>The seat with id <paramref name="seat"/> in a <c>{"seats":[…]}</c> answer, if any.</summary>
    public static JsonElement? Find(JsonElement seats, string seat)
    {
        foreach (var item in seats.Items("seats"))
        {
            if (string.Equals(item.Str("seat"), seat, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        return null;
    }

    public static string Names(JsonElement seats) => string.Join(", ", seats.Items("seats").Select(s => s.Str("seat")));
}
