using System.Globalization;
using System.Net;
using System.Text;

namespace PartyMode.Cli.Export;

/// <summary>The story book as one self-contained, printable HTML page: inline CSS, no script, images as <c>data:</c> URIs.</summary>
internal static class HtmlStory
{
    private const string Style = """
        :root{color-scheme:light}
        body{font:16px/1.55 Georgia,'Times New Roman',serif;color:#1b1b1b;background:#fff;max-width:44rem;margin:2rem auto;padding:0 1rem}
        h1{font-size:2rem;margin:0 0 .25rem}h2{font-size:1.35rem;margin:2.2rem 0 .8rem;border-bottom:1px solid #bbb;padding-bottom:.2rem}
        .sub{color:#555;font-style:italic;margin:0 0 1.5rem}
        .e{margin:.7rem 0}.e p{margin:.2rem 0;white-space:pre-wrap}
        .who{font-weight:bold}.mark{font:italic .8rem system-ui,sans-serif;color:#7a3e00;border:1px solid #d9b28a;border-radius:.6rem;padding:0 .4rem;margin-left:.3rem}
        .private,.dm_note{border-left:3px solid #8a5a9e;padding-left:.7rem;background:#f7f2fa}
        .dm_note{border-color:#9e5a5a;background:#faf2f2}
        .roll{font-family:system-ui,sans-serif;font-size:.93rem}.sheet_change,.system,.other{color:#555;font-style:italic;font-size:.93rem}
        .handout{border:1px solid #ccc;padding:.6rem .8rem;border-radius:.3rem}.handout img{max-width:100%;height:auto;display:block;margin-top:.5rem}
        time{color:#888;font:.75rem system-ui,sans-serif;margin-right:.4rem}
        @media print{body{margin:0;max-width:none}h2{break-after:avoid}.e{break-inside:avoid}.private,.dm_note{background:none}}
        """;

    public static string Write(StoryBook book)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Nothing runs and nothing loads: the page is one file, readable offline.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
        html.Append("<title>").Append(E(book.Campaign)).Append(" — story</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(book.Campaign)).Append("</h1>\n");
        html.Append("<p class=\"sub\">The story as seen by ").Append(E(book.Reader)).Append(". Exported ").Append(E(Date(book.Generated))).Append(".</p>\n");
        foreach (var session in book.Sessions)
        {
            html.Append("<section>\n<h2>Session ").Append(session.Number.ToString(CultureInfo.InvariantCulture));
            if (session.Began is { } began)
            {
                html.Append(" — ").Append(E(Date(began)));
            }

            html.Append("</h2>\n");
            if (session.Entries.Count == 0)
            {
                html.Append("<p class=\"sub\">Nothing happened that this seat saw.</p>\n");
            }

            foreach (var e in session.Entries)
            {
                Entry(html, e);
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Entry(StringBuilder html, StoryEntry e)
    {
        var known = e.Kind is "narrative" or "action" or "private" or "dm_note" or "roll" or "handout" or "sheet_change" or "system";
        html.Append("<div class=\"e ").Append(known ? e.Kind : "other").Append("\">");
        if (e.Time is { } t)
        {
            html.Append("<time datetime=\"").Append(E(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))).Append("\">")
                .Append(E(t.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture))).Append("</time>");
        }

        var who = e.Kind switch
        {
            "action" => e.Who,
            "private" => "Private, " + e.Who,
            "dm_note" => "DM note",
            "roll" => "Roll, " + e.Who,
            "handout" => "Handout: " + e.Who,
            "sheet_change" => "Sheet, " + e.Who,
            _ => null,
        };
        if (who is not null)
        {
            html.Append("<span class=\"who\">").Append(E(who)).Append("</span>");
        }

        if (e.Mark is not null)
        {
            html.Append("<span class=\"mark\">").Append(E(e.Mark)).Append("</span>");
        }

        if (e.Text.Length > 0)
        {
            html.Append("<p>").Append(E(e.Text.Trim())).Append("</p>");
        }

        if (e.ImageUri is { } uri && uri.StartsWith("data:image/", StringComparison.Ordinal))
        {
            html.Append("<img src=\"").Append(E(uri)).Append("\" alt=\"").Append(E(e.Who)).Append("\">");
        }

        html.Append("</div>\n");
    }

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
