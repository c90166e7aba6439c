using PartyMode.Cli;
using PartyMode.Cli.Handouts;
using PartyMode.Engine.Handouts;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Handouts;

/// <summary>The served images' memory copy: one shared array per content, within its byte budget.</summary>
public sealed class HandoutImageCacheTests
{
    [Test]
    public void Get_SameHandoutTwice_OneSharedCopyAndTheFileReadOnce()
    {
        using var temp = new TempFolder();
        var files = new HandoutFiles(DataFolder.Resolve(temp.Path));
        var handout = Stored(files, 1000, 1);
        var cache = new HandoutImageCache(files, 10_000);

        var first = cache.Get(handout);
        File.Delete(files.PathOf(handout.Sha256, handout.Type));
        var second = cache.Get(handout);

        Assert.That(first, Is.Not.Null.And.Length.EqualTo(1000));
        Assert.That(second, Is.SameAs(first));
        Assert.That(cache.HeldBytes, Is.EqualTo(1000));
    }

    [Test]
    public void Get_OverBudget_LeastRecentlyServedLeaves()
    {
        using var temp = new TempFolder();
        var files = new HandoutFiles(DataFolder.Resolve(temp.Path));
        var a = Stored(files, 400, 1);
        var b = Stored(files, 400, 2);
        var c = Stored(files, 400, 3);
        var cache = new HandoutImageCache(files, 1000);

        var aBytes = cache.Get(a);
        cache.Get(b);
        Assert.That(cache.Get(a), Is.SameAs(aBytes)); // a is now the most recent
        cache.Get(c);                                  // b leaves

        File.Delete(files.PathOf(b.Sha256, b.Type));
        Assert.That(cache.HeldBytes, Is.EqualTo(800));
        Assert.That(cache.Get(a), Is.SameAs(aBytes));
        Assert.That(cache.Get(b), Is.Null);
    }

    [Test]
    public void Get_ImageLargerThanBudget_ServedButNotHeld()
    {
        using var temp = new TempFolder();
        var files = new HandoutFiles(DataFolder.Resolve(temp.Path));
        var big = Stored(files, 2000, 4);
        var cache = new HandoutImageCache(files, 1000);

        var bytes = cache.Get(big);

        Assert.That(bytes, Has.Length.EqualTo(2000));
        Assert.That(cache.HeldBytes, Is.Zero);
    }

    [Test]
    public void Get_FileGoneAndNotHeld_Null()
    {
        using var temp = new TempFolder();
        var files = new HandoutFiles(DataFolder.Resolve(temp.Path));
        var handout = Stored(files, 100, 5);
        File.Delete(files.PathOf(handout.Sha256, handout.Type));

        Assert.That(new HandoutImageCache(files, 1000).Get(handout), Is.Null);
    }

    private static Handout Stored(HandoutFiles files, int size, int seed)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        var image = files.Store(data, new SniffedImage(ImageSniffer.Png, 10, 10));
        return new Handout { Id = $"ho_{seed:D6}", Title = "t", Type = image.Type, Bytes = image.Bytes, Sha256 = image.Sha256 };
    }
}
