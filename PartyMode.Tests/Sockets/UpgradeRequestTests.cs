using System.Buffers;
using System.Text;
using PartyMode.Cli.Sockets;

namespace PartyMode.Tests.Sockets;

/// <summary>The connection-level upgrade's reading of a first request (docs/protocol.md §4.1): take only what it fully understands.</summary>
public sealed class UpgradeRequestTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Test]
    public void Inspect_ValidUpgrade_TakenUpToTheHeadAndLaterBytesLeft()
    {
        var head = Upgrade();
        var bytes = Encoding.ASCII.GetBytes(head + "AUTHFRAME");

        var (verdict, request, end) = UpgradeRequest.Inspect(new ReadOnlySequence<byte>(bytes));

        Assert.That(verdict, Is.EqualTo(UpgradeVerdict.Take));
        Assert.That(new ReadOnlySequence<byte>(bytes).Slice(end).ToArray(), Is.EqualTo("AUTHFRAME"u8.ToArray()));
        // RFC 6455 §1.3's own example of the accept value.
        Assert.That(Encoding.ASCII.GetString(request!.SwitchingProtocols()), Does.StartWith("HTTP/1.1 101 Switching Protocols\r\n").And.Contain("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n").And.EndWith("\r\n\r\n"));
    }

    [TestCase("GET /ws?x=1 HTTP/1.1")]
    [TestCase("GET /ws HTTP/1.1")]
    public void Inspect_PathWithOrWithoutQuery_Taken(string line)
    {
        Assert.That(Verdict(Upgrade(line)), Is.EqualTo(UpgradeVerdict.Take));
    }

    [TestCase("GET /wss HTTP/1.1")]
    [TestCase("GET /api/session HTTP/1.1")]
    [TestCase("POST /ws HTTP/1.1")]
    [TestCase("GET /ws HTTP/1.0")]
    public void Inspect_OtherRequestLine_PassedToHttp(string line)
    {
        Assert.That(Verdict(Upgrade(line)), Is.EqualTo(UpgradeVerdict.Pass));
    }

    [TestCase("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8")]
    [TestCase("Upgrade: websocket", "Upgrade: h2c")]
    [TestCase("Connection: keep-alive, Upgrade", "Connection: keep-alive")]
    [TestCase("Sec-WebSocket-Key: " + Key, "Sec-WebSocket-Key: short")]
    [TestCase("Origin: http://table.local:8080", "Origin: https://evil.example")]
    [TestCase("Host: table.local:8080", "Host: table.local:8080\r\nHost: other")]
    [TestCase("Origin: http://table.local:8080", "Content-Length: 5")]
    public void Inspect_HeaderHttpShouldJudge_PassedToHttp(string from, string to)
    {
        Assert.That(Verdict(Upgrade().Replace(from, to, StringComparison.Ordinal)), Is.EqualTo(UpgradeVerdict.Pass));
    }

    [Test]
    public void Inspect_NoOrigin_Taken()
    {
        Assert.That(Verdict(Upgrade().Replace("Origin: http://table.local:8080\r\n", "", StringComparison.Ordinal)), Is.EqualTo(UpgradeVerdict.Take));
    }

    [TestCase("GE")]
    [TestCase("GET /ws HTTP/1.1\r\nHost: table.local:8080\r\n")]
    public void Inspect_HeadNotComplete_NeedsMore(string partial)
    {
        Assert.That(Verdict(partial), Is.EqualTo(UpgradeVerdict.NeedMore));
    }

    [Test]
    public void Inspect_HeadLongerThanTheLimit_PassedToHttp()
    {
        var huge = "GET /ws HTTP/1.1\r\nX-Pad: " + new string('a', UpgradeRequest.MaxHead) + "\r\n";

        Assert.That(Verdict(huge), Is.EqualTo(UpgradeVerdict.Pass));
    }

    [Test]
    public void Inspect_HeadSplitAcrossSegments_Taken()
    {
        var bytes = Encoding.ASCII.GetBytes(Upgrade());
        var first = new Segment(bytes.AsMemory(0, 10));
        var last = first.Append(bytes.AsMemory(10));

        var (verdict, _, end) = UpgradeRequest.Inspect(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.That(verdict, Is.EqualTo(UpgradeVerdict.Take));
        Assert.That(end.GetObject(), Is.SameAs(last));
    }

    private static UpgradeVerdict Verdict(string text) => UpgradeRequest.Inspect(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text))).Verdict;

    private static string Upgrade(string line = "GET /ws HTTP/1.1") =>
        $"{line}\r\nHost: table.local:8080\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://table.local:8080\r\n\r\n";

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
