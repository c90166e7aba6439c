using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Visibility;

public sealed class VisibilityRulesTests
{
    private static readonly string[] Players = ["thorin", "elara", "vex", "gorm"];
    private static readonly string[] RollVisibilities = ["public", "party", "dm", "blind"];

    [Test]
    public void CanSee_FixedCases_FollowTheProtocolTable()
    {
        var thorin = Viewer.Player("thorin");
        Assert.Multiple(() =>
        {
            Assert.That(VisibilityRules.CanSee(Viewer.Observer, Audience.Public), Is.True);
            Assert.That(VisibilityRules.CanSee(Viewer.Observer, Audience.Party), Is.False);
            Assert.That(VisibilityRules.CanSee(Viewer.Observer, Audience.Players("thorin")), Is.False);
            Assert.That(VisibilityRules.CanSee(Viewer.Observer, Audience.DmOnly), Is.False);
            Assert.That(VisibilityRules.CanSee(thorin, Audience.Party), Is.True);
            Assert.That(VisibilityRules.CanSee(thorin, Audience.Players("thorin", "vex")), Is.True);
            Assert.That(VisibilityRules.CanSee(thorin, Audience.Players("elara")), Is.False);
            Assert.That(VisibilityRules.CanSee(thorin, Audience.DmOnly), Is.False);
            Assert.That(VisibilityRules.CanSee(Viewer.Dm, Audience.Players("elara")), Is.True);
            Assert.That(VisibilityRules.CanSee(Viewer.Dm, Audience.DmOnly), Is.True);
        });
    }

    [Test]
    public void Audience_ParseOfToString_RoundTrips()
    {
        foreach (var audience in new[] { Audience.Public, Audience.Party, Audience.DmOnly, Audience.Players("vex", "elara") })
        {
            Assert.That(Audience.Parse(audience.ToString()), Is.EqualTo(audience));
        }
    }

    /// <summary>
    /// Property test with a seeded generator: random audiences, viewers and event streams pushed through a
    /// real game; every viewer's reads (newest, pages, replay after any seq) hold exactly the events whose
    /// audience admits it, checked against an independent model of the rule.
    /// </summary>
    [Test]
    public async Task EventReads_RandomStreams_NoViewerReadsAnEventItMayNotSee()
    {
        var checkedReads = 0;
        for (var seed = 1; seed <= 25; seed++)
        {
            var random = new Random(seed);
            var game = GameFactory.Demo(options: new GameOptions { ActionRateCount = 1000, RollRateCount = 1000, Random = new Random(seed) });
            var expectedAudience = new Dictionary<long, (bool Public, bool Party, string[] Players)>();
            foreach (var e in game.EventsAfter(Viewer.Dm, 0, 1000).Events)
            {
                expectedAudience[e.Seq] = (e.Audience.Kind == AudienceKind.Public, e.Audience.Kind == AudienceKind.Party, e.Audience.Kind == AudienceKind.Players ? [.. e.Audience.PlayerIds] : []);
            }

            for (var i = 0; i < 40; i++)
            {
                var kind = random.Next(7);
                var picked = Players.Where(_ => random.Next(2) == 0).ToArray();
                var marker = $"m{seed}-{i}";
                switch (kind)
                {
                    case 0:
                        foreach (var e in await game.NarrateAsync(marker, Audience.Public, null, null))
                        {
                            expectedAudience[e.Seq] = (true, false, []);
                        }

                        break;
                    case 1:
                        foreach (var e in await game.NarrateAsync(marker, Audience.Party, null, null))
                        {
                            expectedAudience[e.Seq] = (false, true, []);
                        }

                        break;
                    case 2 when picked.Length > 0:
                        foreach (var e in await game.WhisperAsync(picked, marker))
                        {
                            expectedAudience[e.Seq] = (false, false, picked);
                        }

                        break;
                    case 3:
                        foreach (var e in await game.NarrateAsync(null, null, null, marker))
                        {
                            expectedAudience[e.Seq] = (false, false, []);
                        }

                        break;
                    case 5 or 6:
                        // A player's roll of every visibility, by every roller (docs/protocol.md §7.1).
                        var roller = Players[random.Next(Players.Length)];
                        var visibility = RollVisibilities[random.Next(RollVisibilities.Length)];
                        var roll = (await game.Rolls.RollAsync(Viewer.Player(roller), new PartyMode.Engine.Rolls.RollInput("skill:perception", Visibility: visibility, Label: marker))).Event;
                        expectedAudience[roll.Seq] = visibility switch
                        {
                            "public" => (true, false, []),
                            "party" => (false, true, []),
                            "dm" => (false, false, [roller]),
                            _ => (false, false, []),
                        };
                        break;
                    default:
                        var actor = Players[random.Next(Players.Length)];
                        var isPrivate = random.Next(2) == 0;
                        var (action, _) = await game.SubmitActionAsync(Viewer.Player(actor), marker, null, isPrivate);
                        expectedAudience[action.Seq] = isPrivate ? (false, false, [actor]) : (true, false, []);
                        break;
                }
            }

            var viewers = Players.Select(Viewer.Player).Append(Viewer.Observer).Append(Viewer.Dm);
            foreach (var viewer in viewers)
            {
                bool Allowed(long seq)
                {
                    var a = expectedAudience[seq];
                    return viewer.Role switch
                    {
                        Role.Dm => true,
                        Role.Observer => a.Public,
                        _ => a.Public || a.Party || a.Players.Contains(viewer.SeatId),
                    };
                }

                var expected = expectedAudience.Keys.Where(Allowed).Order().ToList();
                var after = random.Next(0, (int)game.CommittedSeq);
                var page = game.EventsAfter(viewer, after, 1000).Events.Select(e => e.Seq).ToList();
                var newest = game.NewestEvents(viewer, 10).Select(e => e.Seq).ToList();
                Assert.That(page, Is.EqualTo(expected.Where(s => s > after).ToList()), $"seed {seed}, {viewer}");
                Assert.That(newest, Is.EqualTo(expected.TakeLast(10).ToList()), $"seed {seed}, {viewer}");
                Assert.That(game.NewestVisibleSeq(viewer), Is.EqualTo(expected.LastOrDefault()), $"seed {seed}, {viewer}");
                checkedReads += 3;
            }
        }

        Assert.That(checkedReads, Is.EqualTo(25 * 6 * 3));
    }
}
