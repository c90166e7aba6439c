using PartyMode.Cli.Storage;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Storage;

public sealed class PreallocatedFileTests
{
    private const int Page = PreallocatedFile.PageSize;

    [Test]
    public void Reopen_AfterPagesWritten_LengthEndsAfterLastPage()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party-log.db");
        using (var log = PreallocatedFile.Open(path))
        {
            log.Position = 0;
            log.Write(PageOf(1, 3));
            Assert.Multiple(() =>
            {
                Assert.That(log.Length, Is.EqualTo(3 * Page));
                Assert.That(log.Allocated, Is.GreaterThanOrEqualTo(1 << 20), "grown ahead in whole blocks");
            });
        }

        Assert.That(new FileInfo(path).Length, Is.GreaterThanOrEqualTo(1 << 20), "the zeros past the pages stay on the disk");
        using (var log = PreallocatedFile.Open(path))
        {
            var back = new byte[4 * Page];
            log.Position = 0;
            var read = log.Read(back);
            Assert.Multiple(() =>
            {
                Assert.That(log.Length, Is.EqualTo(3 * Page));
                Assert.That(read, Is.EqualTo(3 * Page), "nothing is read past the last page");
                Assert.That(back.AsSpan(0, 3 * Page).ToArray(), Is.EqualTo(PageOf(1, 3)));
            });
        }
    }

    [Test]
    public void SetLength_Zero_ZerosThePagesAndKeepsTheBlocks()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party-log.db");
        long allocated;
        using (var log = PreallocatedFile.Open(path))
        {
            log.Write(PageOf(7, 5));
            allocated = log.Allocated;
            log.SetLength(0);
            Assert.That(log.Length, Is.EqualTo(0));

            // Reused from the start, as LiteDB does after a checkpoint.
            log.Position = 0;
            log.Write(PageOf(9, 1));
            log.FlushToDisk();
            Assert.That(log.Allocated, Is.EqualTo(allocated));
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Multiple(() =>
        {
            Assert.That(bytes.LongLength, Is.EqualTo(allocated));
            Assert.That(bytes.AsSpan(0, Page).ToArray(), Is.EqualTo(PageOf(9, 1)));
            Assert.That(bytes.AsSpan(Page).ContainsAnyExcept((byte)0), Is.False, "the old pages past the new one are zeros");
        });
        using var reopened = PreallocatedFile.Open(path);
        Assert.That(reopened.Length, Is.EqualTo(Page));
    }

    [Test]
    public void Dispose_EmptyLog_DeletesTheFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party-log.db");
        using (var log = PreallocatedFile.Open(path))
        {
            log.Write(PageOf(3, 2));
            log.SetLength(0);
        }

        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Write_PastTheBlocks_GrowsAndKeepsEarlierPages()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party-log.db");
        using var log = PreallocatedFile.Open(path);
        log.Write(PageOf(1, 1));
        var far = log.Allocated + Page;
        log.Position = far;
        log.Write(PageOf(2, 1));
        var back = new byte[Page];
        log.Position = 0;
        log.ReadExactly(back);
        Assert.Multiple(() =>
        {
            Assert.That(log.Length, Is.EqualTo(far + Page));
            Assert.That(log.Allocated, Is.GreaterThanOrEqualTo(far + Page));
            Assert.That(back, Is.EqualTo(PageOf(1, 1)));
        });
    }

    private static byte[] PageOf(byte fill, int pages)
    {
        var bytes = new byte[pages * Page];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(fill + i / Page);
        }

        return bytes;
    }
}
