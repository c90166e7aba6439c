using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary>HTTP and frame helpers shared by the combat endpoint tests.</summary>
internal static class CombatHttp
{
    /// <summary>Thorin 20, a goblin 15 (7 hp, optionally hidden), Elara 12, Vex 10, Gorm 5.</summary>
    public static object StandardFight(bool goblinHidden = false) => new
    {
        combatants = new object[]
        {
            new { id = "elara", kind = "pc", initiative = 12 },
            new { id = "goblin", kind = "npc", name = "Goblin", initiative = 15, hp = 7, max_hp = 7, ac = 15, hidden = goblinHidden },
            new { id = "thorin", kind = "pc", initiative = 20 },
            new { id = "gorm", kind = "pc", initiative = 5 },
            new { id = "vex", kind = "pc", initiative = 10 },
        },
    };

    /// <summary>POSTs an action and returns the status code and the error code (null on success).</summary>
    public static async Task<(int Status, string? Code)> TryActAsync(TestServer server, string seat, string text)
    {
        using var client = server.Client(seat);
        var response = await client.PostAsJsonAsync("/api/actions", new { text });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;
        return ((int)response.StatusCode, code);
    }

    public static async Task<JsonElement> CombatAsync(TestServer server) =>
        (await server.GetJsonAsync("dm", "/api/dm/combat")).GetProperty("combat");

    public static async Task<(int Status, JsonElement Body)> PatchAsync(TestServer server, string path, object body)
    {
        using var client = server.Client("dm");
        var response = await client.PatchAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Pops every pending action as the DM and returns the player ids in the order received.</summary>
    public static async Task<List<string>> PopAllAsync(TestServer server)
    {
        using var client = server.Client("dm");
        var order = new List<string>();
        while (true)
        {
            using var response = await client.PostAsync("/api/dm/actions/next", null);
            if ((int)response.StatusCode == 204)
            {
                return order;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
            order.Add(body.GetProperty("action").GetProperty("player_id").GetString()!);
        }
    }

    public static bool IsCombat(Frame f, Func<JsonElement, bool> predicate) =>
        f.Type == "combat_state" && f.Json.GetProperty("combat") is { ValueKind: JsonValueKind.Object } c && predicate(c);

    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string Ids(this JsonElement combat) =>
        string.Join(',', combat.GetProperty("initiative").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

    public static JsonElement Entry(this JsonElement combat, string id) =>
        combat.GetProperty("initiative").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
}
