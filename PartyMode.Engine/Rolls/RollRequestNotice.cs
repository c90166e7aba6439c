namespace PartyMode.Engine.Rolls;

/// <summary><c>roll_request</c>: to the asked player (without the DC) and the DM.</summary>
/// <param name="Request">A snapshot of the request.</param>
public sealed record RollRequestNotice(RollRequest Request) : Notice;
