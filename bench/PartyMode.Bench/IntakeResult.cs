namespace PartyMode.Bench;

/// <summary>Durable action intake at one concurrency.</summary>
internal sealed record IntakeResult(
    int Concurrency, double Seconds, long Accepted, long Rejected, double PerSecond,
    double P50Ms, double P99Ms, long PendingAfter, long AcceptedTotal, string? FirstRejection, double? ChangesPerTransaction = null);
