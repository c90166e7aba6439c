using PartyMode.Engine.Model;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary>The one place a sheet is shaped for a viewer: everyone but the DM gets it without <c>dm_notes</c> (docs/protocol.md §8.1).</summary>
public static class SheetView
{
    /// <summary>The sheet as <paramref name="viewer"/> may see it.</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="sheet">The full sheet; never changed.</param>
    /// <returns>The same instance for the DM, or when there is nothing to hide; else a copy without the DM's notes.</returns>
    public static Character For(Viewer viewer, Character sheet)
    {
        if (viewer.Role == Role.Dm || sheet.DmNotes is null)
        {
            return sheet;
        }

        var copy = EngineJson.Clone(sheet);
        copy.DmNotes = null;
        return copy;
    }
}
