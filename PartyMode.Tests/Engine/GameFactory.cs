using Microsoft.Extensions.Time.Testing;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;

namespace PartyMode.Tests.Engine;

/// <summary>Builds demo games over an in-memory store for engine tests.</summary>
internal static class GameFactory
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static Game Demo(InMemoryGameStore? store = null, TimeProvider? time = null, GameOptions? options = null)
    {
        store ??= new InMemoryGameStore();
        return Open(store, store.Watermark, options ?? new GameOptions { ActionRateCount = 1000, Random = new Random(7) }, time);
    }

    /// <summary>Loads the game a store holds, or imports the demo campaign into an empty one.</summary>
    public static Game Open(IGameStore store, CommitWatermark watermark, GameOptions? options = null, TimeProvider? time = null)
    {
        options ??= new GameOptions();
        time ??= new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        return Game.Load(store, watermark, Key, options, time) ?? Game.Import(store, watermark, CampaignLoader.Demo(), Key, options, time);
    }

    public static TokenIssuer Issuer => new(Key);
}
