namespace PartyMode.Engine.Rolls;

/// <summary><c>roll_status</c>: to the roller's own sockets only, once the roll is durable.</summary>
/// <param name="SeatId">The roller.</param>
/// <param name="ClientId">The roller's idempotency key, if sent.</param>
/// <param name="RequestId">The request answered, if any.</param>
/// <param name="Blind">A blind roll: the status says only that it rolled.</param>
/// <param name="Seq">The roll event's seq (never for a blind roll, whose event the roller cannot see).</param>
public sealed record RollStatusNotice(string SeatId, string? ClientId, string? RequestId, bool Blind, long? Seq) : Notice;
