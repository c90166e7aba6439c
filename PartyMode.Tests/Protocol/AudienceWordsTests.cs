using System.Text.Json.Nodes;
using PartyMode.Cli.Protocol;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Protocol;

public sealed class AudienceWordsTests
{
    [TestCase("\"public\"", "public")]
    [TestCase("\"party\"", "party")]
    [TestCase("\"dm\"", "dm")]
    [TestCase("[\"thorin\",\"vex\"]", "players:thorin,vex")]
    public void NarrativeAudience_KnownShapes_Parse(string json, string stored)
    {
        Assert.That(AudienceWords.NarrativeAudience(JsonNode.Parse(json))!.ToString(), Is.EqualTo(stored));
    }

    [TestCase("\"everyone\"")]
    [TestCase("[]")]
    [TestCase("[1]")]
    [TestCase("3")]
    public void NarrativeAudience_OtherShapes_AreBadRequests(string json)
    {
        Assert.That(() => AudienceWords.NarrativeAudience(JsonNode.Parse(json)), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_request"));
    }

    [Test]
    public void NarrativeAudience_Absent_IsTheEngineDefault()
    {
        Assert.That(AudienceWords.NarrativeAudience(null), Is.Null);
    }

    [Test]
    public void Recipients_ListOrAbsent_ParseAndAStringIsRefused()
    {
        Assert.That(AudienceWords.Recipients(JsonNode.Parse("[\"elara\"]")), Is.EqualTo(new[] { "elara" }));
        Assert.That(AudienceWords.Recipients(null), Is.Empty);
        Assert.That(() => AudienceWords.Recipients(JsonNode.Parse("\"elara\"")), Throws.TypeOf<GameException>());
    }

    [TestCase(" Party ", "party")]
    [TestCase("DM", "dm")]
    [TestCase("thorin", null)]
    public void NarrativeWord_LooseInput_IsCanonicalOrNull(string text, string? word)
    {
        Assert.That(AudienceWords.NarrativeWord(text), Is.EqualTo(word));
    }

    [TestCase(null, "public")]
    [TestCase("  ", "public")]
    [TestCase(" Private ", "private")]
    public void RollVisibility_LooseInput_IsTrimmedAndLowerCased(string? text, string word)
    {
        Assert.That(AudienceWords.RollVisibility(text), Is.EqualTo(word));
    }

    [Test]
    public void Audience_Public_IsTheWordItParsesFrom()
    {
        Assert.That(Audience.Public.ToString(), Is.EqualTo(AudienceWords.Public));
    }
}
