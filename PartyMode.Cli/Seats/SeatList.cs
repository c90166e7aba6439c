using System.Text.Json;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Seats;

/// <summary>The <c>{"seats":[…]}</c> shape of <c>token show --json</c> and <c>GET /api/dm/seats</c>.</summary>
internal static class SeatList
{
    public static void Write(Utf8JsonWriter w, Engine.Game game, JoinLinks links)
    {
        w.WriteStartArray("seats");
        foreach (var seat in game.Seats())
        {
            w.WriteStartObject();
            w.WriteString("seat", seat.Id);
            w.WriteString("role", seat.Viewer.RoleName);
            w.WriteString("name", seat.Name);
            w.WriteString("token", game.TokenFor(seat.Id));
            w.WriteString("url", links.JoinUrl(seat.Id));
            if (seat.Role == Role.Dm || seat.Kicked)
            {
                w.WriteNull("qr");
            }
            else
            {
                w.WriteString("qr", links.QrPath(seat.Id));
            }

            w.WriteBoolean("kicked", seat.Kicked);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
