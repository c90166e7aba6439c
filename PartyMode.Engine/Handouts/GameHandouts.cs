using PartyMode.Engine.Events;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Handouts;

/// <summary>
/// Handouts (docs/protocol.md §9): images the DM shows to chosen screens, run under the game's one lock like
/// every other write. The host stores the bytes (durably) before it calls <see cref="AddAsync"/>.
/// </summary>
public sealed class GameHandouts
{
    private readonly TableWriter _writer;
    private readonly HandoutBook _book;

    internal GameHandouts(TableWriter writer, HandoutBook book)
    {
        _writer = writer;
        _book = book;
    }

    /// <summary>Checks a title before the host reads an upload's body: trimmed, 1 to 200 characters.</summary>
    /// <returns>The trimmed title.</returns>
    /// <exception cref="GameException">Empty or too long.</exception>
    public static string CheckTitle(string? title) => HandoutBook.CleanTitle(title);

    /// <summary>Records a stored image under a title (1 to 200 characters).</summary>
    /// <returns>The handout, and false when the same content and title were already recorded.</returns>
    public Task<(Handout Handout, bool Created)> AddAsync(string? title, HandoutImage image) =>
        _writer.WriteAsync(tx => _book.Add(tx, title, image));

    /// <summary>Shows a handout to an audience (default public) with an optional note; one observers can see also takes the TV.</summary>
    /// <returns>The stored <c>handout</c> event.</returns>
    public Task<GameEvent> ShowAsync(string id, Audience? audience, string? text) =>
        _writer.WriteAsync(tx => _book.Show(tx, id, audience, text));

    /// <summary>Puts a handout on the TV, full size (shown to the TV first when observers never saw it).</summary>
    public Task<Handout> SetTvAsync(string id) => _writer.WriteAsync(tx => _book.SetTv(tx, id));

    /// <summary>Takes the handout off the TV: the story shows again.</summary>
    public Task<TvSlot> ClearTvAsync() => _writer.WriteAsync(tx =>
    {
        _book.ClearTv(tx);
        return new TvSlot(null);
    });

    /// <summary>What the TV shows now (for an observer or the DM; null for a player).</summary>
    public TvSlot? Tv(Viewer viewer) => _writer.Read(() => _book.TvFor(viewer));

    /// <summary>The handouts <paramref name="viewer"/> has been shown, newest first (the DM: every handout).</summary>
    public IReadOnlyList<HandoutEntry> List(Viewer viewer) => _writer.Read(() => _book.List(viewer));

    /// <summary>The handout when <paramref name="viewer"/> may fetch its image, else null (answered as not found).</summary>
    public Handout? ImageFor(Viewer viewer, string id) => _writer.Read(() => _book.ImageFor(viewer, id));

    /// <summary>Every handout record, oldest first.</summary>
    public IReadOnlyList<Handout> All() => _writer.Read(_book.All);
}
