using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary>HTTP helpers for the living-sheet tests (docs/protocol.md §8.2).</summary>
internal static class SheetHttp
{
    /// <summary>POSTs <paramref name="body"/> as <paramref name="seat"/>; the status, the body and its error code (null on success).</summary>
    public static async Task<(int Status, JsonElement Body, string? Code)> PostAsync(TestServer server, string seat, string path, object body)
    {
        using var client = server.Client(seat);
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;
        return ((int)response.StatusCode, json, code);
    }

    /// <summary>A player's change of their own sheet.</summary>
    public static Task<(int Status, JsonElement Body, string? Code)> ChangeAsync(TestServer server, string seat, params object[] ops) =>
        PostAsync(server, seat, $"/api/characters/{seat}/changes", new { ops });

    public static async Task<JsonElement> SheetAsync(TestServer server, string id) =>
        (await server.GetJsonAsync("dm", $"/api/dm/characters/{id}")).GetProperty("character");
}
