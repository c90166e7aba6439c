using Microsoft.Extensions.Time.Testing;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Seats;

namespace PartyMode.Tests.Engine;

/// <summary>Builds demo games over an in-memory store for engine tests.</summary>
internal static class GameFactory
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static Game Demo(InMemoryGameStore? store = null, TimeProvider? time = null, GameOptions? options = null) =>
        Game.Open(store ?? new InMemoryGameStore(), CampaignLoader.Demo(), Key, options ?? new GameOptions { ActionRateCount = 1000, Random = new Random(7) }, time ?? new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture))).Game;

    public static TokenIssuer Issuer => new(Key);
}
