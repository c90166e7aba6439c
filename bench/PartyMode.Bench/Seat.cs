namespace PartyMode.Bench;

/// <summary>A seat from GET /api/dm/seats.</summary>
internal sealed record Seat(string Id, string Role, string Token);
