using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Client;

/// <summary>The DM API of docs/protocol.md §3.7, one method per endpoint; bodies and answers stay JSON.</summary>
internal sealed partial class DaemonClient
{
    public Task<JsonElement> StatusAsync(CancellationToken ct) => GetAsync("api/dm/status", ct);

    public Task<JsonElement> SeatsAsync(CancellationToken ct) => GetAsync("api/dm/seats", ct);

    public Task<JsonElement> RefreshSeatAsync(string seat, CancellationToken ct) => PostAsync($"api/dm/seats/{Id(seat)}/token", null, ct);

    public Task<JsonElement> KickSeatAsync(string seat, CancellationToken ct) => PostAsync($"api/dm/seats/{Id(seat)}/kick", null, ct);

    public Task<JsonElement?> ShutdownAsync(CancellationToken ct) => SendAsync(HttpMethod.Post, "api/dm/shutdown", null, ct);

    /// <summary>The oldest pending action, now processing; null when none arrived within <paramref name="waitSeconds"/>.</summary>
    public Task<JsonElement?> NextActionAsync(int waitSeconds, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"api/dm/actions/next?wait={waitSeconds.ToString(CultureInfo.InvariantCulture)}", null, ct);

    /// <summary>One pending action out of turn, now processing (docs/protocol.md §3.7.18).</summary>
    public Task<JsonElement> TakeActionAsync(string actionId, CancellationToken ct) =>
        PostAsync($"api/dm/actions/{Id(actionId)}/take", null, ct);

    public Task<JsonElement> ResolveActionAsync(string actionId, JsonObject body, CancellationToken ct) =>
        PostAsync($"api/dm/actions/{Id(actionId)}/resolve", body, ct);

    public Task<JsonElement> RequeueActionAsync(string actionId, CancellationToken ct) =>
        PostAsync($"api/dm/actions/{Id(actionId)}/requeue", null, ct);

    public Task<JsonElement> CancelActionAsync(string actionId, string? reason, CancellationToken ct) =>
        PostAsync($"api/dm/actions/{Id(actionId)}/cancel", reason is null ? null : new JsonObject { ["reason"] = reason }, ct);

    public Task<JsonElement> NarrateAsync(JsonObject body, CancellationToken ct) => PostAsync("api/dm/narrate", body, ct);

    public Task<JsonElement> WhisperAsync(JsonObject body, CancellationToken ct) => PostAsync("api/dm/whisper", body, ct);

    public Task<JsonElement> RollAsync(JsonObject body, CancellationToken ct) => PostAsync("api/dm/roll", body, ct);

    public Task<JsonElement> CharactersAsync(CancellationToken ct) => GetAsync("api/dm/characters", ct);

    public Task<JsonElement> CharacterAsync(string id, CancellationToken ct) => GetAsync($"api/dm/characters/{Id(id)}", ct);

    public Task<JsonElement> UpdateCharacterAsync(string id, JsonObject changes, CancellationToken ct) =>
        PatchAsync($"api/dm/characters/{Id(id)}", changes, ct);

    public Task<JsonElement> NpcsAsync(CancellationToken ct) => GetAsync("api/dm/npcs", ct);

    public Task<JsonElement> NpcAsync(string id, CancellationToken ct) => GetAsync($"api/dm/npcs/{Id(id)}", ct);

    public Task<JsonElement> LocationsAsync(CancellationToken ct) => GetAsync("api/dm/locations", ct);

    public Task<JsonElement> LocationAsync(string id, CancellationToken ct) => GetAsync($"api/dm/locations/{Id(id)}", ct);

    public Task<JsonElement> RevealNpcAsync(string id, string? narrative, CancellationToken ct) =>
        PostAsync($"api/dm/npcs/{Id(id)}/reveal", Narrative(narrative), ct);

    public Task<JsonElement> RevealLocationAsync(string id, string? narrative, CancellationToken ct) =>
        PostAsync($"api/dm/locations/{Id(id)}/reveal", Narrative(narrative), ct);

    public Task<JsonElement> CombatAsync(CancellationToken ct) => GetAsync("api/dm/combat", ct);

    public Task<JsonElement> StartCombatAsync(JsonObject body, CancellationToken ct) => PostAsync("api/dm/combat/start", body, ct);

    public Task<JsonElement> NextTurnAsync(CancellationToken ct) => PostAsync("api/dm/combat/next-turn", null, ct);

    public Task<JsonElement> UpdateCombatantAsync(string id, JsonObject body, CancellationToken ct) =>
        PatchAsync($"api/dm/combat/combatants/{Id(id)}", body, ct);

    public Task<JsonElement> SimultaneousRoundAsync(JsonObject body, CancellationToken ct) => PostAsync("api/dm/combat/simultaneous", body, ct);

    public Task<JsonElement> EndCombatAsync(CancellationToken ct) => PostAsync("api/dm/combat/end", null, ct);

    private static string Id(string id) => Uri.EscapeDataString(id.Trim());

    private static JsonObject? Narrative(string? narrative) =>
        string.IsNullOrWhiteSpace(narrative) ? null : new JsonObject { ["narrative"] = narrative };
}
