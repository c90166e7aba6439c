using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Export;

/// <summary>
/// Folds <c>edit</c> and <c>retract</c> events (docs/protocol.md §3.7.19) into the story book: the message they
/// name shows its newest text with an "edited" mark, or a "retracted" line instead of its text. Both come from
/// the viewer's own wire events, so a change reaches the book of exactly those who saw the message.
/// </summary>
internal sealed class StoryEdits(StoryEntries entries)
{
    private readonly Dictionary<long, (List<StoryEntry> List, int Index, byte[] Wire)> _drawn = [];

    /// <summary>Remembers where a drawn event's line is, so a later edit can replace it.</summary>
    public void Drawn(long seq, List<StoryEntry> list, byte[] wire) => _drawn[seq] = (list, list.Count - 1, wire);

    /// <summary>True when <paramref name="e"/> is an edit or a retraction (applied to its message, never a line of its own).</summary>
    public bool Apply(JsonElement e)
    {
        var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not ("edit" or "retract"))
        {
            return false;
        }

        if (!e.TryGetProperty("ref", out var r) || !r.TryGetInt64(out var seq) || !_drawn.TryGetValue(seq, out var at))
        {
            return true;
        }

        var old = at.List[at.Index];
        if (type == "retract")
        {
            at.List[at.Index] = old with { Text = "This message was retracted.", Mark = "retracted" };
            return true;
        }

        var node = JsonNode.Parse(at.Wire)!.AsObject();
        foreach (var field in new[] { "text", "label" })
        {
            if (e.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
            {
                node[field] = value.GetString();
            }
        }

        var wire = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
        using var doc = JsonDocument.Parse(wire);
        var redrawn = entries.From(doc.RootElement) ?? old;
        at.List[at.Index] = redrawn with { Mark = redrawn.Mark is null ? "edited" : redrawn.Mark + ", edited" };
        _drawn[seq] = at with { Wire = wire };
        return true;
    }
}
