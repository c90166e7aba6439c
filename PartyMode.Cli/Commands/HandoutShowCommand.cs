using System.CommandLine;
using System.Text.Json.Nodes;
using PartyMode.Cli.Client;
using PartyMode.Cli.Handouts;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode handout show FILE [--title T] [--to SEATS] [--text TEXT]</c>: uploads an image to the running daemon and shows it.</summary>
internal static class HandoutShowCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "A PNG, JPEG, WebP or GIF image on this machine." };

    private static readonly Option<string?> Title = new("--title") { Description = "What the table reads above it (default: the file name)." };

    private static readonly Option<string?> To = new("--to")
    {
        Description = "Who sees it: public (default), party, tv (the TV only), dm, or player ids separated by commas (thorin,elara).",
    };

    private static readonly Option<string?> Text = new("--text") { Description = "A note shown with the image." };

    public static Command Create()
    {
        var command = new Command("show", "Upload an image to the running daemon and show it to everyone, the party, the TV or some players.");
        command.Arguments.Add(File);
        command.Options.Add(Title);
        command.Options.Add(To);
        command.Options.Add(Text);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandContext context, ParseResult parse, CancellationToken ct)
    {
        LocalImage image;
        try
        {
            image = LocalImage.Read(parse.GetRequiredValue(File));
        }
        catch (InvalidDataException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return CliApp.Failed;
        }

        var title = string.IsNullOrWhiteSpace(parse.GetValue(Title)) ? image.DefaultTitle : parse.GetValue(Title)!;
        var audience = AudienceOf(parse.GetValue(To));
        // Only through the daemon: it alone writes the game and serves the image.
        return await context.WithDaemonAsync(async client =>
        {
            var uploaded = await client.UploadHandoutAsync(image, title, ct);
            var handout = uploaded.GetProperty("handout");
            var id = handout.Str("id", "");
            var shown = await client.ShowHandoutAsync(id, audience, parse.GetValue(Text), ct);
            if (context.Json)
            {
                var both = new JsonObject
                {
                    ["handout"] = JsonNode.Parse(handout.GetRawText()),
                    ["event"] = JsonNode.Parse(shown.GetProperty("event").GetRawText()),
                };
                using var document = System.Text.Json.JsonDocument.Parse(both.ToJsonString());
                await context.Out.WriteAsync(JsonText.Pretty(document.RootElement) + "\n");
                return CliApp.Ok;
            }

            await context.Out.WriteLineAsync($"Showed '{handout.Str("title", title)}' ({id}, {handout.Long("width")}×{handout.Long("height")}) to {Describe(audience)}.");
            return CliApp.Ok;
        }, offline: null, ct);
    }

    /// <summary>The <c>audience</c> for <c>--to</c>: a word, or a list of player ids; null for the default (public).</summary>
    internal static JsonNode? AudienceOf(string? to)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return null;
        }

        var word = to.Trim().ToLowerInvariant();
        if (word is "public" or "party" or "dm" or "tv")
        {
            return JsonValue.Create(word);
        }

        return new JsonArray([.. to.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => (JsonNode)JsonValue.Create(id)!)]);
    }

    private static string Describe(JsonNode? audience) => audience switch
    {
        null => "everyone",
        JsonArray list => string.Join(", ", list.Select(n => n!.GetValue<string>())) + " (and you)",
        _ => audience.GetValue<string>() switch
        {
            "public" => "everyone",
            "party" => "the party",
            "tv" => "the TV only",
            _ => "you only",
        },
    };
}
