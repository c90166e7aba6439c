using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>
/// Writes the table's character state back into a dm20 campaign (docs/protocol.md §10.2), matched by
/// <c>source_id</c>: HP, temporary HP, conditions, spell slots used, hit dice used, death saves, inventory and
/// coins. Every other key is kept (with its value as it was); the file is replaced atomically, the old one kept as <c>*.bak</c>.
/// </summary>
internal static class Dm20WriteBack
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Applies <paramref name="characters"/> (the DM's <c>characters</c> list, wire JSON) to the dm20 campaign at <paramref name="path"/>.</summary>
    /// <returns>What was written, one line per character.</returns>
    public static async Task<string> ApplyAsync(string path, JsonElement characters)
    {
        var file = CharactersFile(path, out var split);
        var text = await File.ReadAllTextAsync(file);
        var name = Path.GetFileName(file);
        if (Dm20Reader.Parse(text, name) is not JsonObject root)
        {
            throw new CampaignException([$"{name}: $: must be an object, as dm20 writes it"]);
        }

        var records = split ? root : root["characters"] as JsonObject
            ?? throw new CampaignException([$"{name}: $.characters: must be an object keyed by name, as dm20 writes it"]);
        var lines = new StringBuilder();
        var written = 0;
        foreach (var pc in characters.EnumerateArray())
        {
            var label = Str(pc, "name") ?? Str(pc, "id") ?? "?";
            var sourceId = Str(pc, "source_id");
            var target = sourceId is null ? null : Find(records, sourceId);
            if (target is null)
            {
                lines.Append($"  {label}: not written ({(sourceId is null ? "it has no source_id: it was not imported from dm20" : $"no dm20 character has the id {sourceId}")}).\n");
                continue;
            }

            Dm20CharacterState.Write(target, pc);
            written++;
            lines.Append($"  {label} (dm20 id {sourceId}): {Dm20CharacterState.Summary(pc)}\n");
        }

        if (written > 0)
        {
            var indented = text.Contains('\n', StringComparison.Ordinal) && text.TrimEnd().Contains("\n ", StringComparison.Ordinal);
            await AtomicFile.WriteAsync(file, root.ToJsonString(indented ? Indented : Compact) + (indented ? "\n" : ""), backup: true);
        }

        var head = written > 0
            ? $"Wrote {written} character(s) into {file} (the old file is kept as {Path.GetFileName(file)}.bak):\n"
            : $"Nothing was written into {file}: no character of the table matches one of its characters.\n";
        return head + lines;
    }

    /// <summary>The file holding the characters: a split folder's characters.json, or the monolithic file.</summary>
    private static string CharactersFile(string path, out bool split)
    {
        var folder = Directory.Exists(path) ? path
            : Path.GetFileName(path) == "campaign.json" && File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "characters.json")) ? Path.GetDirectoryName(Path.GetFullPath(path))!
            : null;
        split = folder is not null;
        if (folder is not null)
        {
            var characters = Path.Combine(folder, "characters.json");
            return File.Exists(characters) ? characters
                : throw new Hosting.StartupException($"The folder {folder} has no characters.json; give --into a dm20 campaign file or split campaign folder.");
        }

        return File.Exists(path) ? path
            : throw new Hosting.StartupException($"{path} does not exist; give --into the dm20 campaign file or split campaign folder the table was imported from.");
    }

    private static JsonObject? Find(JsonObject records, string sourceId)
    {
        foreach (var (key, value) in records)
        {
            if (value is JsonObject c && (Dm20Mapper.Text(c["id"]) == sourceId || (c["id"] is null && key == sourceId)))
            {
                return c;
            }
        }

        return null;
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
