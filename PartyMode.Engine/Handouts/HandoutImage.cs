namespace PartyMode.Engine.Handouts;

/// <summary>What the host read from an image it stored: its checked type, size, pixel dimensions and SHA-256 (lowercase hex).</summary>
/// <param name="Type">The media type the bytes really are.</param>
/// <param name="Bytes">The size in bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Sha256">The content's SHA-256.</param>
public sealed record HandoutImage(string Type, long Bytes, int Width, int Height, string Sha256);
