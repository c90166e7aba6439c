using Microsoft.Extensions.Time.Testing;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Combat;

/// <summary>A demo-campaign game over an in-memory store and a fake clock, with helpers for combat tests.</summary>
internal sealed class CombatFixture
{
    private readonly byte[] _key = TokenIssuer.NewKey();

    public CombatFixture()
    {
        Store = new InMemoryGameStore();
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        Game = Open(Store, Time);
    }

    public static readonly string[] Players = ["thorin", "elara", "vex", "gorm"];

    public InMemoryGameStore Store { get; }

    /// <summary>The stored combat state.</summary>
    public CombatState? StoredCombat => Store.Load()?.Combat;

    public FakeTimeProvider Time { get; private set; }

    public Game Game { get; private set; }

    /// <summary>The notices committed since the (last) start.</summary>
    public NoticeRecorder Listener => Store.Published;

    /// <summary>Simulates a daemon restart: a new game (and clock) over what was stored.</summary>
    /// <param name="downtime">How long the daemon was down.</param>
    public void Restart(TimeSpan downtime = default)
    {
        Time = new FakeTimeProvider(Time.GetUtcNow() + downtime);
        Store.Published.Clear();
        Game = Open(Store, Time);
    }

    /// <summary>Thorin 20, goblin 15 (hp 7/7), Elara 12, Vex 10, Gorm 5.</summary>
    public Task<CombatView?> StartStandardFight(bool goblinHidden = false) => Game.StartCombatAsync(
    [
        Pc("elara", 12),
        Npc("goblin", "Goblin", 15, hp: 7, hidden: goblinHidden),
        Pc("thorin", 20),
        Pc("gorm", 5),
        Pc("vex", 10),
    ]);

    public Task<(PartyMode.Engine.Actions.GameAction Action, bool Created)> Act(string player, string text = "I attack.") =>
        Game.SubmitActionAsync(Viewer.Player(player), text, null, false);

    public static CombatantSpec Pc(string id, int initiative) => new() { Id = id, Kind = "pc", Initiative = initiative };

    public static CombatantSpec Npc(string id, string name, int initiative, int? hp = null, int? dex = null, bool hidden = false) =>
        new() { Id = id, Kind = "npc", Name = name, Initiative = initiative, Hp = hp, MaxHp = hp, Dex = dex, Hidden = hidden };

    private Game Open(InMemoryGameStore store, FakeTimeProvider time)
    {
        var options = new GameOptions { ActionRateCount = 1000, ActionRateWindow = TimeSpan.FromSeconds(1) };
        return Game.Load(store, store.Watermark, _key, options, time) ?? Game.Import(store, store.Watermark, CampaignLoader.Demo(), _key, options, time);
    }
}
