using PartyMode.Cli.Handouts;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Handouts;

/// <summary>Magic numbers and header sizes of the four handout formats (docs/protocol.md §9.1).</summary>
public sealed class ImageSnifferTests
{
    [Test]
    public void Sniff_EachFormat_TypeAndSize()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageSniffer.Sniff(TestImages.Png(33, 44)), Is.EqualTo(new SniffedImage("image/png", 33, 44)));
            Assert.That(ImageSniffer.Sniff(TestImages.Gif(640, 480)), Is.EqualTo(new SniffedImage("image/gif", 640, 480)));
            Assert.That(ImageSniffer.Sniff(TestImages.Jpeg(1920, 1080)), Is.EqualTo(new SniffedImage("image/jpeg", 1920, 1080)));
            Assert.That(ImageSniffer.Sniff(TestImages.WebP(16384, 2)), Is.EqualTo(new SniffedImage("image/webp", 16384, 2)));
        });
    }

    [Test]
    public void Sniff_WebPLossyAndExtended_ReadTheirHeaders()
    {
        var lossy = new byte[30];
        "RIFF"u8.CopyTo(lossy);
        "WEBPVP8 "u8.CopyTo(lossy.AsSpan(8));
        lossy[23] = 0x9D;
        lossy[24] = 0x01;
        lossy[25] = 0x2A;
        BitConverter.TryWriteBytes(lossy.AsSpan(26), (ushort)300);
        BitConverter.TryWriteBytes(lossy.AsSpan(28), (ushort)200);
        var extended = new byte[30];
        "RIFF"u8.CopyTo(extended);
        "WEBPVP8X"u8.CopyTo(extended.AsSpan(8));
        extended[24] = 99;
        extended[27] = 49;

        Assert.That(ImageSniffer.Sniff(lossy), Is.EqualTo(new SniffedImage("image/webp", 300, 200)));
        Assert.That(ImageSniffer.Sniff(extended), Is.EqualTo(new SniffedImage("image/webp", 100, 50)));
    }

    [Test]
    public void Sniff_NotAnImageOrBrokenHeader_IsNull()
    {
        var truncatedPng = TestImages.Png(2, 2)[..20];
        var zeroWidth = TestImages.Gif(0, 5);
        var huge = TestImages.Png(20000, 1)[..33];
        var jpegWithoutFrame = new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x04, 0, 0 };
        var svgWithPngName = TestImages.Svg();
        var pngSignatureThenHtml = TestImages.Png(2, 2)[..8].Concat(TestImages.Html()).ToArray();

        Assert.That(new[] { truncatedPng, zeroWidth, huge, jpegWithoutFrame, svgWithPngName, TestImages.Html(), pngSignatureThenHtml, [] }.Select(b => ImageSniffer.Sniff(b)), Is.All.Null);
    }
}
