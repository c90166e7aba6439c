using System.Globalization;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>dm20 items (objects with a name and a quantity) as the sheet's inventory lines, and back.</summary>
internal static class Dm20Items
{
    /// <summary>The mark of an item worn or wielded in a dm20 equipment slot.</summary>
    public const string EquippedMark = " (equipped)";

    public static List<string> Inventory(Dm20Fields f, List<string> problems)
    {
        var lines = new List<string>();
        foreach (var (item, at) in f.Array("inventory"))
        {
            if (Line(item, at, problems) is { } line)
            {
                lines.Add(line);
            }
        }

        foreach (var (slot, item) in f.Object("equipment") ?? [])
        {
            if (item is not null && Line(item, $"{f.Path}.equipment.{slot}", problems) is { } line)
            {
                lines.Add(line + EquippedMark);
            }
        }

        return lines;
    }

    /// <summary><c>Handaxe (2)</c> for two, the bare name for one.</summary>
    public static string Format(string name, int quantity) => quantity == 1 ? name : $"{name} ({quantity.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The name and quantity of an inventory line (<c>Handaxe (2)</c> → Handaxe, 2).</summary>
    public static (string Name, int Quantity) Parse(string line)
    {
        var text = line.Trim();
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0
            && int.TryParse(text[(open + 2)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            return (text[..open], quantity);
        }

        return (text, 1);
    }

    private static string? Line(JsonNode? item, string at, List<string> problems)
    {
        var i = Dm20Fields.Of(item, at, problems);
        if (i is null)
        {
            return null;
        }

        var name = i.Str("name", required: true);
        return name is null ? null : Format(name, i.Int("quantity", 1, 0, 1_000_000));
    }
}
