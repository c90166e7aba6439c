using PartyMode.Cli.Commands;

namespace PartyMode.Tests.Cli;

/// <summary><c>serve --public-url</c>: what becomes the base of the join links.</summary>
public sealed class PublicUrlTests
{
    [TestCase("192.168.1.20:8080", "http://192.168.1.20:8080")]
    [TestCase("http://192.168.1.20:8080/", "http://192.168.1.20:8080")]
    [TestCase("https://party.example.org", "https://party.example.org")]
    [TestCase(" laptop.local:9000 ", "http://laptop.local:9000")]
    public void Normalize_UsableAddress_GivesTheLinkBase(string given, string expected)
    {
        Assert.That(PublicUrl.Normalize(given, out var error), Is.EqualTo(expected));
        Assert.That(error, Is.Null);
    }

    [TestCase("ftp://192.168.1.20")]
    [TestCase("http://192.168.1.20:8080/?token=x")]
    [TestCase("http://user:pw@192.168.1.20")]
    [TestCase("")]
    public void Normalize_AddressPhonesCannotOpen_RefusedWithTheFix(string given)
    {
        Assert.That(PublicUrl.Normalize(given, out var error), Is.Null);
        Assert.That(error, Does.Contain("--public-url").And.Contain("http://ADDRESS:PORT"));
    }

    [Test]
    public void PortWarning_SamePortOrDefaultPort_OnlyWhenTheyDiffer()
    {
        Assert.That(PublicUrl.PortWarning("http://192.168.1.20:8080", 8080), Is.Null);
        Assert.That(PublicUrl.PortWarning("http://192.168.1.20", 80), Is.Null);
        Assert.That(PublicUrl.PortWarning("http://192.168.1.20:8080", 9000), Does.Contain("8080").And.Contain("9000"));
    }
}
