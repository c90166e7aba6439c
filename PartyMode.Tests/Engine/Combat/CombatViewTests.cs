using System.Text.Json.Nodes;
using PartyMode.Cli.Protocol;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Combat;

public sealed class CombatViewTests
{
    private static readonly Viewer Elara = Viewer.Player("elara");

    [Test]
    public void For_NoState_IsNull() => Assert.That(CombatView.For(null, Viewer.Dm), Is.Null);

    [Test]
    public void For_Player_SeesPcNumbersButOnlyAnNpcsStatus()
    {
        var view = CombatView.For(State(), Elara)!;

        var goblin = view.Initiative.Single(c => c.Id == "goblin");
        var thorin = view.Initiative.Single(c => c.Id == "thorin");
        Assert.That((goblin.Hp, goblin.MaxHp, goblin.Ac), Is.EqualTo(((int?)null, (int?)null, (int?)null)));
        Assert.That(goblin.Status, Is.EqualTo(CombatantStatus.Bloodied));
        Assert.That(goblin.Conditions, Is.EqualTo(new List<string> { "prone" }));
        Assert.That((thorin.Hp, thorin.MaxHp, thorin.Ac), Is.EqualTo(((int?)31, (int?)31, (int?)18)));
    }

    [Test]
    public void For_Player_NeverHoldsAHiddenCombatantOrAnNpcsExactHp()
    {
        var json = Serialize(CombatView.For(State(), Elara));

        Assert.That(json, Does.Not.Contain("assassin"));
        Assert.That(json, Does.Not.Contain("\"hp\":3,"));
        Assert.That(json, Does.Not.Contain("hidden"));
    }

    [Test]
    public void For_Dm_SeesEverythingIncludingHiddenAndNpcHp()
    {
        var view = CombatView.For(State(), Viewer.Dm)!;

        var goblin = view.Initiative.Single(c => c.Id == "goblin");
        Assert.That(view.Initiative.Select(c => c.Id).JoinIds(), Is.EqualTo("thorin,assassin,goblin,elara"));
        Assert.That((goblin.Hp, goblin.MaxHp, goblin.Ac), Is.EqualTo(((int?)3, (int?)7, (int?)15)));
        Assert.That(view.Initiative.Single(c => c.Id == "assassin").Hidden, Is.True);
    }

    [Test]
    public void For_Observer_HoldsNamesOrderTurnAndStatusOnly()
    {
        var view = CombatView.For(State(), Viewer.Observer)!;
        var json = JsonNode.Parse(Serialize(view))!.AsObject();

        Assert.That(view.Initiative.Select(c => c.Name).JoinIds(), Is.EqualTo("Thorin,Goblin,Elara"));
        Assert.That(view.CurrentTurn, Is.EqualTo("thorin"));
        foreach (var entry in json["initiative"]!.AsArray())
        {
            var keys = entry!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).JoinIds();
            Assert.That(keys, Is.EqualTo("id,initiative,kind,name,status"));
        }
    }

    [Test]
    public void For_HiddenCombatantsTurn_PlayersAndObserversSeeNoCurrentTurn()
    {
        var state = State();
        state.Current = 1;

        Assert.That(CombatView.For(state, Elara)!.CurrentTurn, Is.Null);
        Assert.That(CombatView.For(state, Viewer.Observer)!.CurrentTurn, Is.Null);
        Assert.That(CombatView.For(state, Viewer.Dm)!.CurrentTurn, Is.EqualTo("assassin"));
        Assert.That(Serialize(CombatView.For(state, Elara)), Does.Contain("\"current_turn\":null"));
    }

    [Test]
    public void For_YourTurn_IsTrueOnlyForTheCurrentPlayerAndForTheDmOnAnNpcsTurn()
    {
        var state = State();

        Assert.That(CombatView.For(state, Viewer.Player("thorin"))!.YourTurn, Is.True);
        Assert.That(CombatView.For(state, Elara)!.YourTurn, Is.False);
        Assert.That(CombatView.For(state, Viewer.Dm)!.YourTurn, Is.False);
        state.Current = 2;
        Assert.That(CombatView.For(state, Viewer.Dm)!.YourTurn, Is.True);
        Assert.That(CombatView.For(state, Viewer.Player("thorin"))!.YourTurn, Is.False);
    }

    [TestCase(7, 7, CombatantStatus.Healthy)]
    [TestCase(4, 7, CombatantStatus.Healthy)]
    [TestCase(3, 6, CombatantStatus.Bloodied)]
    [TestCase(1, 7, CombatantStatus.Bloodied)]
    [TestCase(0, 7, CombatantStatus.Down)]
    [TestCase(null, null, CombatantStatus.Healthy)]
    public void StatusOf_HpAgainstMax_HealthyBloodiedAtOrUnderHalfOrDown(int? hp, int? max, CombatantStatus expected) =>
        Assert.That(CombatView.StatusOf(new Combatant { Hp = hp, MaxHp = max }), Is.EqualTo(expected));

    [Test]
    public void For_SimultaneousRound_EveryViewerSeesPromptSubmittedAndWaitingFor()
    {
        var state = State();
        state.Mode = CombatMode.Simultaneous;
        state.Simultaneous = new SimultaneousRound
        {
            Prompt = "The bridge gives way!",
            Deadline = new DateTimeOffset(2026, 11, 26, 9, 5, 0, TimeSpan.Zero),
            Players = ["thorin", "elara"],
            Submitted = ["thorin"],
            ActionIds = ["act_000001"],
        };

        foreach (var viewer in new[] { Viewer.Dm, Elara, Viewer.Observer })
        {
            var view = CombatView.For(state, viewer)!;
            Assert.That((view.Mode, view.Prompt, view.Deadline, view.CurrentTurn), Is.EqualTo((CombatMode.Simultaneous, "The bridge gives way!", (DateTimeOffset?)new DateTimeOffset(2026, 11, 26, 9, 5, 0, TimeSpan.Zero), (string?)null)));
            Assert.That(Serialize(view), Does.Contain("\"mode\":\"simultaneous\"").And.Contain("\"deadline\":\"2026-11-26T09:05:00.000Z\""));
            Assert.That((view.Submitted!.JoinIds(), view.WaitingFor!.JoinIds()), Is.EqualTo(("thorin", "elara")));
        }

        Assert.That(CombatView.For(state, Elara)!.YourTurn, Is.True);
        Assert.That(CombatView.For(state, Viewer.Player("thorin"))!.YourTurn, Is.False);
    }

    [Test]
    public void For_Always_SerializesSnakeCaseKeys()
    {
        var json = JsonNode.Parse(Serialize(CombatView.For(State(), Viewer.Dm)))!.AsObject();

        Assert.That(json.Select(p => p.Key).Order(StringComparer.Ordinal).JoinIds(), Is.EqualTo("active,current_turn,in_combat,initiative,mode,on_deck,round,your_turn"));
        Assert.That(json["initiative"]![0]!["max_hp"]!.GetValue<int>(), Is.EqualTo(31));
    }

    /// <summary>The wire form the host writes.</summary>
    private static string Serialize(CombatView? view) => System.Text.Encoding.UTF8.GetString(Frames.Write(w =>
    {
        w.WritePropertyName("v");
        CombatJson.Write(w, view);
    }))[5..^1];

    /// <summary>Thorin (current), a hidden assassin, a bloodied prone goblin at 3/7, Elara.</summary>
    private static CombatState State() => new()
    {
        Active = true,
        Round = 2,
        Current = 0,
        Combatants =
        [
            new Combatant { Id = "thorin", Name = "Thorin", Kind = CombatantKind.Pc, Initiative = 20, Hp = 31, MaxHp = 31, Ac = 18, Dex = 12 },
            new Combatant { Id = "assassin", Name = "Assassin", Kind = CombatantKind.Npc, Initiative = 18, Hp = 3, MaxHp = 40, Ac = 15, Hidden = true },
            new Combatant { Id = "goblin", Name = "Goblin", Kind = CombatantKind.Npc, Initiative = 15, Hp = 3, MaxHp = 7, Ac = 15, Conditions = ["prone"] },
            new Combatant { Id = "elara", Name = "Elara", Kind = CombatantKind.Pc, Initiative = 12, Hp = 17, MaxHp = 17, Ac = 12, Dex = 14 },
        ],
    };
}
