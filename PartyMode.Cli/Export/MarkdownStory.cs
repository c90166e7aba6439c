using System.Globalization;
using System.Text;

namespace PartyMode.Cli.Export;

/// <summary>The story book as Markdown.</summary>
internal static class MarkdownStory
{
    public static string Write(StoryBook book)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(book.Campaign)).Append("\n\n");
        md.Append("*The story as seen by ").Append(Inline(book.Reader)).Append(". Exported ").Append(Date(book.Generated)).Append(".*\n");
        foreach (var session in book.Sessions)
        {
            md.Append("\n## Session ").Append(session.Number.ToString(CultureInfo.InvariantCulture));
            if (session.Began is { } began)
            {
                md.Append(" — ").Append(Date(began));
            }

            md.Append("\n\n");
            if (session.Entries.Count == 0)
            {
                md.Append("*Nothing happened that this seat saw.*\n\n");
            }

            foreach (var e in session.Entries)
            {
                md.Append(Entry(e)).Append("\n\n");
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static string Entry(StoryEntry e)
    {
        var mark = e.Mark is null ? "" : $" *[{e.Mark}]*";
        return e.Kind switch
        {
            "narrative" => Block(e.Text) + mark,
            "action" => $"**{Inline(e.Who)}:**{mark} {Block(e.Text)}",
            "private" => $"> **Private, {Inline(e.Who)}:**{mark} {Block(e.Text).Replace("\n", "\n> ", StringComparison.Ordinal)}",
            "dm_note" => $"> **DM note:**{mark} {Block(e.Text).Replace("\n", "\n> ", StringComparison.Ordinal)}",
            "roll" => $"🎲 **Roll, {Inline(e.Who)}:**{mark} {Inline(e.Text)}",
            "handout" => $"**Handout: {Inline(e.Who)}**" + (e.Text.Length > 0 ? "\n\n" + Block(e.Text) : "") + (e.ImageUri is { } uri ? $"\n\n![{Inline(e.Who)}]({uri})" : ""),
            "sheet_change" => $"*Sheet, {Inline(e.Who)}: {Inline(e.Text)}*{mark}",
            "system" => $"*{Inline(e.Text)}*",
            _ => $"· *{Inline(e.Text)}*{mark}",
        };
    }

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Text as written, with line breaks kept as Markdown line breaks.</summary>
    private static string Block(string text) => text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "  \n", StringComparison.Ordinal);

    private static string Inline(string? text) => (text ?? "").Replace('\n', ' ').Replace("*", "\\*", StringComparison.Ordinal).Trim();
}
