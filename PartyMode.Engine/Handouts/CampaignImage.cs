namespace PartyMode.Engine.Handouts;

/// <summary>A campaign entry's <c>image</c>, as the host read and stored it before the import (docs/protocol.md §9.4).</summary>
/// <param name="Path">The path as the campaign file gives it.</param>
/// <param name="Image">The stored image.</param>
public sealed record CampaignImage(string Path, HandoutImage Image);
