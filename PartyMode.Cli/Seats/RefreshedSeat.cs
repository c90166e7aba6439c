namespace PartyMode.Cli.Seats;

/// <summary>A seat's new token and join link after a refresh.</summary>
internal sealed record RefreshedSeat(string SeatId, string Token, string Url);
