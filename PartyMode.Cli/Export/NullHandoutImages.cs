using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Export;

/// <summary>No handout images yet: handouts are exported with their title and text only.</summary>
internal sealed class NullHandoutImages : IHandoutImages
{
    public static readonly NullHandoutImages Instance = new();

    public string? DataUri(string handoutId, Viewer viewer) => null;
}
