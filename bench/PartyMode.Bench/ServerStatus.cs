namespace PartyMode.Bench;

/// <summary>The parts of GET /api/dm/status the bench reads.</summary>
internal sealed record ServerStatus(int Connections, int ObserverConnections, long Pending);
