namespace PartyMode.Cli.Handouts;

/// <summary>What the bytes of an image really are: the media type their magic number says, and the pixel size their header gives.</summary>
/// <param name="Type">The media type.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
internal sealed record SniffedImage(string Type, int Width, int Height);
