namespace PartyMode.Engine;

/// <summary>Facts about the engine build.</summary>
public static class EngineInfo
{
    /// <summary>The protocol version this engine implements.</summary>
    public const string ProtocolVersion = "1";
}
