using PartyMode.Cli.Protocol;

namespace PartyMode.Tests.Protocol;

public sealed class ErrorRemediesTests
{
    [Test]
    public void ForHttp_CodeWithARemedy_AppendsTheRoute()
    {
        Assert.That(ErrorRemedies.ForHttp("no_combat", "No fight is on."), Is.EqualTo("No fight is on. Start one with POST /api/dm/combat/start."));
    }

    [Test]
    public void ForHttp_CodeWithoutARemedy_KeepsTheMessage()
    {
        Assert.That(ErrorRemedies.ForHttp("empty_action", "The action is empty."), Is.EqualTo("The action is empty."));
    }

    [Test]
    public void ForMcp_HttpMessage_SwapsTheRouteForTheTool()
    {
        var http = ErrorRemedies.ForHttp("combat_active", "A fight is already on");
        Assert.That(ErrorRemedies.ForMcp("combat_active", http), Is.EqualTo("A fight is already on. End it first with party_end_combat."));
    }

    [Test]
    public void ForCli_HttpMessage_DropsTheRouteAndNamesTheCommand()
    {
        var http = ErrorRemedies.ForHttp("storage_failed", "The data file could not be written.");
        Assert.That(ErrorRemedies.ForCli("storage_failed", http), Does.Contain("partymode serve").And.Not.Contain("/api/"));
        Assert.That(ErrorRemedies.ForCli("no_combat", ErrorRemedies.ForHttp("no_combat", "No fight is on.")), Is.EqualTo("No fight is on."));
    }
}
