namespace PartyMode.Tests.Engine;

public sealed class SmokeTests
{
    [Test]
    public void ProtocolVersion_Always_IsOne() => Assert.That(PartyMode.Engine.EngineInfo.ProtocolVersion, Is.EqualTo("1"));
}
