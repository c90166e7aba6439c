using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Client;

/// <summary>The living sheet's DM API (docs/protocol.md §8.2).</summary>
internal sealed partial class DaemonClient
{
    public Task<JsonElement> ChangeSheetAsync(string id, JsonArray ops, CancellationToken ct) =>
        PostAsync($"api/dm/characters/{Id(id)}/changes", new JsonObject { ["ops"] = ops }, ct);

    /// <summary>Damage (or healing) to a combatant of the current fight, PC or NPC.</summary>
    public Task<JsonElement> CombatantHpAsync(string id, int amount, bool heal, CancellationToken ct) =>
        PostAsync($"api/dm/combat/combatants/{Id(id)}/{(heal ? "heal" : "damage")}", new JsonObject { ["amount"] = amount }, ct);

    public Task<JsonElement> RestAsync(JsonObject body, CancellationToken ct) => PostAsync("api/dm/rest", body, ct);

    public Task<JsonElement> ChangesAsync(string? status, CancellationToken ct) =>
        GetAsync(status is null ? "api/dm/changes" : $"api/dm/changes?status={Uri.EscapeDataString(status)}", ct);

    public Task<JsonElement> ApproveChangeAsync(string id, CancellationToken ct) => PostAsync($"api/dm/changes/{Id(id)}/approve", null, ct);

    public Task<JsonElement> RejectChangeAsync(string id, string? reason, CancellationToken ct) =>
        PostAsync($"api/dm/changes/{Id(id)}/reject", reason is null ? null : new JsonObject { ["reason"] = reason }, ct);
}
