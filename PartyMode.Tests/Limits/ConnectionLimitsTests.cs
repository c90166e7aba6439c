using System.Net;
using Microsoft.Extensions.Time.Testing;
using PartyMode.Cli.Limits;
using Serilog.Core;
using Serilog.Events;

namespace PartyMode.Tests.Limits;

public sealed class ConnectionLimitsTests
{
    [TestCase(1024, 0, 864)]
    [TestCase(1024, 200, 664)]
    [TestCase(20_000, 40, 17_428)]
    [TestCase(256, 0, 160)]
    [TestCase(100, 0, 16)]
    public void Derive_FromFileLimit_KeepsHeadroomAndTheDmReserve(long fileLimit, int openFiles, int expected)
    {
        var limits = ConnectionLimits.Derive(0, 128, 16, fileLimit, openFiles);

        Assert.That(limits.MaxConnections, Is.EqualTo(expected));
        Assert.That(limits.MaxLocalConnections, Is.EqualTo(expected + ConnectionLimits.LocalReserve));
        Assert.That(limits.MaxLocalConnections + openFiles, Is.LessThan(fileLimit), "every socket fits below the open-file limit");
    }

    [Test]
    public void Derive_RequestedAboveWhatFilesAllow_IsLoweredAndSaysSo()
    {
        var limits = ConnectionLimits.Derive(5_000, 128, 16, 1024);

        Assert.That(limits.MaxConnections, Is.EqualTo(864));
        Assert.That(limits.Lowered(5_000), Is.True);
    }

    [Test]
    public void Derive_RequestedBelowTheCeiling_IsKept()
    {
        var limits = ConnectionLimits.Derive(100, 128, 16, 20_000);

        Assert.That(limits.MaxConnections, Is.EqualTo(100));
        Assert.That(limits.Lowered(100), Is.False);
    }

    [Test]
    public void Derive_NoFileLimit_UsesTheDefault()
    {
        var limits = ConnectionLimits.Derive(0, 128, 16, null);

        Assert.That(limits.MaxLocalConnections, Is.EqualTo(ConnectionLimits.DefaultWithoutFileLimit));
    }

    [Test]
    public void IsLocal_OnlyTheMachinesOwnLoopbackAddress_IsTrue()
    {
        Assert.That(ConnectionLimits.IsLocal(IPAddress.Loopback), Is.True);
        Assert.That(ConnectionLimits.IsLocal(IPAddress.IPv6Loopback), Is.True);
        Assert.That(ConnectionLimits.IsLocal(IPAddress.Loopback.MapToIPv6()), Is.True);
        Assert.That(ConnectionLimits.IsLocal(IPAddress.Parse("127.0.0.2")), Is.False);
        Assert.That(ConnectionLimits.IsLocal(IPAddress.Parse("192.168.1.20")), Is.False);
        Assert.That(ConnectionLimits.IsLocal(null), Is.False);
    }

    [Test]
    [Platform("Linux")]
    public void FileLimit_OnLinux_ReadsTheProcessLimit()
    {
        var line = File.ReadAllLines("/proc/self/limits").Single(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];

        Assert.That(FileLimit.Current()?.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(soft == "unlimited" ? null : soft));
    }

    [Test]
    public void AddressCounts_CapPerAddress_RefusesThenRecoversOnRelease()
    {
        var counts = new AddressCounts(2);
        var a = IPAddress.Parse("192.168.1.66");
        var b = IPAddress.Parse("192.168.1.67");

        Assert.That(counts.TryAcquire(a), Is.True);
        Assert.That(counts.TryAcquire(a.MapToIPv6()), Is.True, "the dual-stack form is the same address");
        Assert.That(counts.TryAcquire(a), Is.False);
        Assert.That(counts.TryAcquire(b), Is.True, "another address has its own slots");
        counts.Release(a);
        Assert.That(counts.TryAcquire(a), Is.True);
        counts.Release(a);
        counts.Release(a);
        Assert.That(counts.Count(a), Is.Zero);
    }

    [Test]
    public void AddressCounts_ZeroCap_NeverRefuses()
    {
        var counts = new AddressCounts(0);
        var a = IPAddress.Parse("192.168.1.66");

        Assert.That(Enumerable.Range(0, 1000).All(_ => counts.TryAcquire(a)), Is.True);
    }

    [Test]
    public void RefusalLog_AFlood_WritesOneLineAMinuteWithTheCount()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sink = new ListSink();
        using var logger = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var log = new RefusalLog(logger, time, "Connection refused");

        var written = Enumerable.Range(0, 500).Count(_ => log.Refused());
        Assert.That(written, Is.EqualTo(1));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.That(log.Refused(), Is.True);

        Assert.That(sink.Events, Has.Count.EqualTo(2));
        Assert.That(sink.Events[1].Properties["Count"].ToString(), Is.EqualTo("500"), "499 suppressed in the first minute plus the one that wrote");
    }

    private sealed class ListSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
