using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Handouts;

/// <summary>
/// Handouts (docs/protocol.md §9): records, <c>handout</c> events with an audience, who may fetch which
/// image, and the TV slot. Whatever shows a handout creates its event last in the write, so a showing
/// is only ever recorded for an event that joins the log.
/// </summary>
internal sealed class HandoutBook(TableState table, EventLog log, GameOptions options)
{
    /// <summary>The stored event type.</summary>
    public const string EventType = "handout";

    /// <summary>Longest title, in characters.</summary>
    public const int MaxTitle = 200;

    private HandoutState State => table.Handouts;

    /// <summary>Records an uploaded image; the same content with the same title returns the first record (Created false).</summary>
    public (Handout Handout, bool Created) Add(Transaction tx, string? title, HandoutImage image, string? subject = null)
    {
        var clean = CleanTitle(title);
        var existing = State.Order.Select(id => State.ById[id])
            .FirstOrDefault(h => h.Sha256 == image.Sha256 && h.Title == clean && h.Subject == subject);
        if (existing is not null)
        {
            return (existing.Snapshot(), false);
        }

        var handout = new Handout
        {
            Id = $"ho_{State.Order.Count + 1:D6}",
            Title = clean,
            Type = image.Type,
            Bytes = image.Bytes,
            Width = image.Width,
            Height = image.Height,
            Sha256 = image.Sha256,
            CreatedAt = tx.Now,
            Subject = subject,
        };
        State.Add(handout);
        tx.Store(handout);
        return (handout.Snapshot(), true);
    }

    /// <summary>Shows a handout to an audience (default public); one visible to observers also takes the TV.</summary>
    public GameEvent Show(Transaction tx, string id, Audience? audience, string? text)
    {
        var handout = State.Of(id);
        var to = audience ?? Audience.Public;
        if (to.Kind == AudienceKind.Players)
        {
            table.CheckPlayers(to.PlayerIds);
        }

        var note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (note is not null && note.Length > options.MaxNarrativeLength)
        {
            throw GameException.BadRequest("too_long", $"'text' has {note.Length} characters; the limit is {options.MaxNarrativeLength}.");
        }

        if (VisibilityRules.CanSee(Viewer.Observer, to))
        {
            PutOnTv(tx, handout);
        }

        return NewShowing(tx, handout, to, note);
    }

    /// <summary>Puts a handout on the TV; one the observers were never shown is shown to the TV first (so they may fetch it).</summary>
    public Handout SetTv(Transaction tx, string id)
    {
        var handout = State.Of(id);
        PutOnTv(tx, handout);
        if (!ShownTo(Viewer.Observer, id, committedOnly: false))
        {
            NewShowing(tx, handout, Audience.Tv, null);
        }

        return handout.Snapshot();
    }

    /// <summary>Takes the handout off the TV (nothing to do when it shows none).</summary>
    public void ClearTv(Transaction tx)
    {
        if (table.Meta.TvHandoutId is null)
        {
            return;
        }

        table.Meta.TvHandoutId = null;
        tx.StoreMeta(EngineJson.Clone(table.Meta));
        tx.Notify(new TvNotice(null));
    }

    /// <summary>What the TV shows, for an observer or the DM; null for players (they never get the slot).</summary>
    public TvSlot? TvFor(Viewer viewer) => viewer.Role == Role.Player
        ? null
        : new TvSlot(table.Meta.TvHandoutId is { } id && State.ById.TryGetValue(id, out var h) ? h.Snapshot() : null);

    /// <summary>Shows a campaign entry's image with its reveal, to the reveal's audience (nothing when it has none).</summary>
    public void ShowWithReveal(Transaction tx, string subject, Audience audience)
    {
        var handout = State.Order.Select(id => State.ById[id]).FirstOrDefault(h => h.Subject == subject);
        if (handout is not null)
        {
            Show(tx, handout.Id, audience, null);
        }
    }

    /// <summary>
    /// The handouts a viewer has been shown, newest showing first. The DM gets every handout, never-shown
    /// uploads included (newest first, before the shown ones when newer).
    /// </summary>
    public IReadOnlyList<HandoutEntry> List(Viewer viewer)
    {
        var entries = new List<(HandoutEntry Entry, DateTimeOffset When, long Seq)>();
        foreach (var id in State.Order)
        {
            var last = NewestVisible(viewer, id);
            if (last is null && viewer.Role != Role.Dm)
            {
                continue;
            }

            var handout = State.ById[id];
            var when = last is null || handout.CreatedAt > last.Ts ? handout.CreatedAt : last.Ts;
            entries.Add((new HandoutEntry(handout.Snapshot(), last), when, last?.Seq ?? 0));
        }

        return entries.OrderByDescending(e => e.When).ThenByDescending(e => e.Seq).ThenByDescending(e => e.Entry.Handout.Id, StringComparer.Ordinal)
            .Select(e => e.Entry).ToList();
    }

    /// <summary>The handout when <paramref name="viewer"/> may fetch its image: a committed <c>handout</c> event for it is visible to them (the DM: any handout).</summary>
    public Handout? ImageFor(Viewer viewer, string id)
    {
        if (!State.ById.TryGetValue(id, out var handout))
        {
            return null;
        }

        return viewer.Role == Role.Dm || ShownTo(viewer, id, committedOnly: true) ? handout.Snapshot() : null;
    }

    /// <summary>Every record, in creation order (the host's export and checks).</summary>
    public IReadOnlyList<Handout> All() => State.Order.Select(id => State.ById[id].Snapshot()).ToList();

    /// <summary>Reloads records and showings from the store.</summary>
    public void Restore(IEnumerable<Handout> handouts, IEnumerable<GameEvent> events)
    {
        foreach (var h in handouts.OrderBy(h => h.Id, StringComparer.Ordinal))
        {
            State.Add(h);
        }

        foreach (var e in events.Where(e => e.Type == EventType && e.HandoutId is not null).OrderBy(e => e.Seq))
        {
            State.AddShowing(e);
        }
    }

    /// <summary>
    /// At a campaign's import: each entry's <c>image</c> becomes a handout titled with the entry's name. A
    /// character's portrait is shown to its owner; an NPC known or a location discovered from the start is
    /// shown to the reveal's audience, as if revealed; the others wait for their reveal.
    /// </summary>
    public void Import(Transaction tx, Campaign campaign, IReadOnlyList<CampaignImage> images)
    {
        // Only the images the host read and stored become handouts (an engine test imports without any).
        var byPath = images.GroupBy(i => i.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Image, StringComparer.Ordinal);
        HandoutImage ImageOf(string path) => byPath[path];
        bool Has(string? path) => path is not null && byPath.ContainsKey(path);

        var known = new List<Handout>();
        foreach (var n in campaign.Npcs.Where(n => Has(n.Image)))
        {
            var (handout, _) = Add(tx, n.Name, ImageOf(n.Image!), "npc:" + n.Id);
            if (n.Known)
            {
                known.Add(State.ById[handout.Id]);
            }
        }

        foreach (var l in campaign.Locations.Where(l => Has(l.Image)))
        {
            var (handout, _) = Add(tx, l.Name, ImageOf(l.Image!), "location:" + l.Id);
            if (l.Discovered)
            {
                known.Add(State.ById[handout.Id]);
            }
        }

        foreach (var handout in known)
        {
            NewShowing(tx, handout, Campaigns.CampaignBook.RevealAudience, null);
        }

        foreach (var c in campaign.Characters.Where(c => Has(c.Image)))
        {
            var (portrait, _) = Add(tx, c.Name, ImageOf(c.Image!), "character:" + c.Id);
            NewShowing(tx, State.ById[portrait.Id], Audience.Players(c.Id), null);
        }
    }

    private void PutOnTv(Transaction tx, Handout handout)
    {
        table.Meta.TvHandoutId = handout.Id;
        tx.StoreMeta(EngineJson.Clone(table.Meta));
        tx.Notify(new TvNotice(handout.Snapshot()));
    }

    private GameEvent NewShowing(Transaction tx, Handout handout, Audience audience, string? text)
    {
        var e = tx.NewEvent(EventType, audience);
        e.HandoutId = handout.Id;
        e.Title = handout.Title;
        e.Text = text;
        e.Width = handout.Width;
        e.Height = handout.Height;
        State.AddShowing(e);
        return e;
    }

    private bool ShownTo(Viewer viewer, string id, bool committedOnly) =>
        State.Showings.TryGetValue(id, out var shown)
        && shown.Any(e => (!committedOnly || e.Seq <= log.CommittedSeq) && VisibilityRules.CanSee(viewer, e.Audience));

    private GameEvent? NewestVisible(Viewer viewer, string id)
    {
        if (!State.Showings.TryGetValue(id, out var shown))
        {
            return null;
        }

        for (var i = shown.Count - 1; i >= 0; i--)
        {
            if (shown[i].Seq <= log.CommittedSeq && VisibilityRules.CanSee(viewer, shown[i].Audience))
            {
                return shown[i];
            }
        }

        return null;
    }

    public static string CleanTitle(string? title)
    {
        var clean = title?.Trim() ?? "";
        if (clean.Length == 0)
        {
            throw GameException.BadRequest("bad_request", "A handout needs a title: add '?title=…' (what the table reads above the image).");
        }

        if (clean.Length > MaxTitle)
        {
            throw GameException.BadRequest("too_long", $"'title' has {clean.Length} characters; the limit is {MaxTitle}.");
        }

        return clean;
    }
}
