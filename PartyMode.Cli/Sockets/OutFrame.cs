namespace PartyMode.Cli.Sockets;

/// <summary>A frame waiting in a connection's queue; <see cref="Seq"/> is 0 for state messages.</summary>
internal readonly record struct OutFrame(long Seq, byte[] Bytes);
