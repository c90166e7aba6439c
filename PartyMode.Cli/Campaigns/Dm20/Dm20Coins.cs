using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>
/// A purse. dm20's Character model has no coin field; its party web view reads <c>currency</c> (an object of
/// cp/sp/ep/gp/pp, or a number of gold pieces) or <c>gold</c>, so those keys are read and written back.
/// </summary>
internal static class Dm20Coins
{
    public static readonly string[] Kinds = ["cp", "sp", "ep", "gp", "pp"];

    public static JsonObject? Read(Dm20Fields f, List<string> problems)
    {
        var value = f.Raw("currency") ?? f.Raw("gold");
        f.Use("currency", "gold");
        var at = f.Path + (f.Node.ContainsKey("currency") ? ".currency" : ".gold");
        switch (value)
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return new JsonObject { ["cp"] = 0, ["sp"] = 0, ["ep"] = 0, ["gp"] = Dm20Fields.IntAt(v, at, 0, 0, 10_000_000, problems), ["pp"] = 0 };
            case JsonObject o:
                var coins = new JsonObject();
                foreach (var kind in Kinds)
                {
                    coins[kind] = Dm20Fields.IntAt(o[kind], $"{at}.{kind}", 0, 0, 10_000_000, problems);
                }

                return coins;
            default:
                problems.Add($"{at}: must be a number of gold pieces or an object like {{\"gp\":15,\"sp\":8}}");
                return null;
        }
    }
}
