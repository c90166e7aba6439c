using System.Text.Json;
using PartyMode.Cli.Protocol;
using PartyMode.Engine;
using PartyMode.Engine.Sessions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Export;

/// <summary>The story book of one viewer (docs/protocol.md §10.1), built from the events the one filter lets that viewer see.</summary>
internal static class StoryExport
{
    private const int Page = 1000;

    /// <summary>Builds the book; <paramref name="session"/> keeps one session (1 is the first).</summary>
    /// <exception cref="GameException">A session the game does not have.</exception>
    public static StoryBook Build(Game game, Viewer viewer, int? session, IHandoutImages images, TimeProvider clock)
    {
        var seats = game.Seats();
        var names = seats.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var entries = new StoryEntries(names, viewer, images);
        var edits = new StoryEdits(entries);
        var sessions = new List<StorySession> { new(1, null, []) };
        var upTo = game.CommittedSeq;
        for (long after = 0; ;)
        {
            var (events, more) = game.EventsAfter(viewer, after, Page, upTo);
            foreach (var e in events)
            {
                // The wire JSON, as /api/events gives it to this viewer.
                using var json = JsonDocument.Parse(EventJson.Bytes(e));
                if (e.Type == GameSessions.EventType)
                {
                    sessions.Add(new StorySession(sessions.Count + 1, e.Ts, []));
                    continue;
                }

                if (sessions[^1].Began is null && sessions.Count == 1)
                {
                    sessions[0] = sessions[0] with { Began = e.Ts };
                }

                if (edits.Apply(json.RootElement))
                {
                    continue;
                }

                if (entries.From(json.RootElement) is { } entry)
                {
                    sessions[^1].Entries.Add(entry);
                    edits.Drawn(e.Seq, sessions[^1].Entries, EventJson.Bytes(e));
                }
            }

            if (!more || events.Count == 0)
            {
                break;
            }

            after = events[^1].Seq;
        }

        if (session is { } n)
        {
            if (n < 1 || n > sessions.Count)
            {
                throw new GameException(ErrorKind.NotFound, "not_found", $"There is no session {n}: this game has sessions 1 to {sessions.Count}.");
            }

            sessions = [sessions[n - 1]];
        }

        var reader = viewer.Role switch
        {
            Role.Dm => "the DM (the full book)",
            Role.Observer => "the table (what the TV shows)",
            _ => $"{(names.TryGetValue(viewer.SeatId, out var name) ? name : viewer.SeatId)} ({viewer.SeatId})",
        };
        return new StoryBook(game.Meta.CampaignName, reader, sessions, clock.GetUtcNow());
    }

    /// <summary>The book in a format: <c>md</c> (Markdown) or <c>html</c> (one self-contained printable page).</summary>
    public static string Render(StoryBook book, string format) => format == "html" ? HtmlStory.Write(book) : MarkdownStory.Write(book);

    /// <summary>The format word, checked (default <c>md</c>).</summary>
    /// <exception cref="GameException">Neither md nor html.</exception>
    public static string Format(string? word) => (word ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "md" or "markdown" => "md",
        "html" => "html",
        _ => throw new GameException(ErrorKind.BadRequest, "bad_request", $"'format' must be md or html, not '{word}'."),
    };

    public static string ContentType(string format) => format == "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";

    public static string FileName(Game game, Viewer viewer, int? session, string format) =>
        $"{game.Meta.CampaignId}-{viewer.SeatId}-story{(session is { } n ? "-session-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}.{format}";
}
