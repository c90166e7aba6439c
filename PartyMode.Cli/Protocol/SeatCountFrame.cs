namespace PartyMode.Cli.Protocol;

/// <summary><c>seat_count</c> (docs/protocol.md §4.5.9): a seat's open sockets, for the DM's seats panel.</summary>
internal static class SeatCountFrame
{
    public static byte[] Bytes(string seat, int connections, DateTimeOffset lastSeen) => Frames.Write(w =>
    {
        w.WriteString("type", "seat_count");
        w.WriteString("seat", seat);
        w.WriteBoolean("connected", connections > 0);
        w.WriteNumber("connections", connections);
        w.WriteString("last_seen", EventJson.Iso(lastSeen));
    });
}
