using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Sockets;
using PartyMode.Engine;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;
using PartyMode.Tests.Engine;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Publishing;

public sealed class CommitPipelineTests
{
    [Test]
    public async Task RosterPush_LaterChangeNotYetDurable_CarriesOnlyCommittedState()
    {
        var watermark = new CommitWatermark();
        using var hub = new SocketHub(TimeProvider.System, Serilog.Core.Logger.None);
        var store = new HoldingGameStore(new CommitPipeline(watermark, hub));
        var game = GameFactory.Open(store, watermark);
        using var wire = new MemoryStream();
        using var socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = true });
        var dm = new SocketConnection(socket, Viewer.Dm, "test", TimeProvider.System);
        Assert.That(hub.TryAdd(dm, cap: 8), Is.True);
        dm.GoLive();

        store.Hold();
        var first = game.PatchCharacterAsync("thorin", new JsonObject { ["hp"] = 11 });
        var second = game.PatchCharacterAsync("thorin", new JsonObject { ["hp"] = 22 });
        store.ReleaseNext();
        await first;
        await Poll.UntilAsync(() => PartyUpdates(wire).Count == 1, "the first roster push");

        // The game's memory is already at 22, but that change is not durable: the push must not carry it.
        Assert.That(game.GetCharacter(Viewer.Dm, "thorin").Hp, Is.EqualTo(22));
        Assert.That(ThorinHp(PartyUpdates(wire)[0]), Is.EqualTo(11));
        Assert.That(second.IsCompleted, Is.False);

        store.ReleaseNext();
        await second;
        await Poll.UntilAsync(() => PartyUpdates(wire).Count == 2, "the second roster push");
        Assert.That(ThorinHp(PartyUpdates(wire)[1]), Is.EqualTo(22));
    }

    [Test]
    public async Task EventsAfter_ChangeNotYetDurable_AreNotRead()
    {
        var watermark = new CommitWatermark();
        var store = new HoldingGameStore(new CommitPipeline(watermark, hub: null));
        var game = GameFactory.Open(store, watermark);
        var before = game.CommittedSeq;

        store.Hold();
        var narrate = game.NarrateAsync("not yet durable", null, null, null);
        Assert.Multiple(() =>
        {
            Assert.That(game.CommittedSeq, Is.EqualTo(before));
            Assert.That(game.EventsAfter(Viewer.Dm, 0, 1000).Events.Any(e => e.Text == "not yet durable"), Is.False);
            Assert.That(game.NewestVisibleSeq(Viewer.Dm), Is.EqualTo(before));
        });

        store.ReleaseNext();
        await narrate;
        Assert.That(game.EventsAfter(Viewer.Dm, before, 10).Events.Select(e => e.Text), Is.EqualTo(new[] { "not yet durable" }));
    }

    [Test]
    public void Watermark_LowerValue_DoesNotMoveBack()
    {
        var watermark = new CommitWatermark();
        watermark.Advance(7);
        watermark.Advance(3);
        Assert.That(watermark.Seq, Is.EqualTo(7));
    }

    private static int ThorinHp(JsonElement partyUpdate) =>
        partyUpdate.GetProperty("party").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "thorin").GetProperty("hp").GetInt32();

    /// <summary>The <c>party_update</c> frames the server side of the socket wrote (unmasked text frames).</summary>
    private static List<JsonElement> PartyUpdates(MemoryStream wire)
    {
        var bytes = wire.ToArray();
        var frames = new List<JsonElement>();
        var i = 0;
        while (i + 2 <= bytes.Length)
        {
            var opcode = bytes[i] & 0x0F;
            long length = bytes[i + 1] & 0x7F;
            i += 2;
            if (length == 126)
            {
                length = (bytes[i] << 8) | bytes[i + 1];
                i += 2;
            }
            else if (length == 127)
            {
                length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(i, 8));
                i += 8;
            }

            if (i + length > bytes.Length)
            {
                break;
            }

            if (opcode == 1)
            {
                using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, i, (int)length));
                if (doc.RootElement.GetProperty("type").GetString() == "party_update")
                {
                    frames.Add(doc.RootElement.Clone());
                }
            }

            i += (int)length;
        }

        return frames;
    }
}
