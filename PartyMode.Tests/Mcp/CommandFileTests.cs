using System.Text.RegularExpressions;
using PartyMode.Cli.Mcp;
using PartyMode.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PartyMode.Tests.Mcp;

/// <summary>The Claude Code command files: front matter a real YAML parser accepts, and <c>allowed-tools</c> for every tool the text calls.</summary>
public sealed partial class CommandFileTests
{
    private static IEnumerable<string> Files() => Directory.GetFiles(Path.Combine(RepoPaths.Root, "integrations", "claude-code", "commands", "dm"), "*.md").Order();

    [TestCaseSource(nameof(Files))]
    public void FrontMatter_EveryCommandFile_IsValidYamlWithDescriptionAndAllowedTools(string path)
    {
        var (yaml, body) = Split(File.ReadAllText(path));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var map = (YamlMappingNode)stream.Documents.Single().RootNode;
        var keys = map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value).ToList();

        Assert.That(keys, Is.SubsetOf(new[] { "description", "argument-hint", "allowed-tools", "model", "disable-model-invocation" }));
        var description = map.Children[new YamlScalarNode("description")];
        Assert.That(description, Is.InstanceOf<YamlScalarNode>());
        var name = Path.GetFileNameWithoutExtension(path);
        Assert.That(((YamlScalarNode)description).Value, Is.EqualTo(PromptTexts.Get(name).Description));
        if (map.Children.TryGetValue(new YamlScalarNode("argument-hint"), out var hint))
        {
            Assert.That(hint, Is.InstanceOf<YamlScalarNode>(), "argument-hint must be a string, not a YAML list");
        }

        var allowed = ((YamlScalarNode)map.Children[new YamlScalarNode("allowed-tools")]).Value!
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.That(allowed, Is.All.StartsWith("mcp__partymode__"));
        var called = ToolName().Matches(body).Select(m => m.Groups[1].Value).Where(IsTool).Distinct();
        Assert.That(allowed, Is.SupersetOf(called.Select(t => "mcp__partymode__" + t)), $"{name}: allowed-tools must list every tool the text calls");
    }

    [Test]
    public void CommandFiles_Always_NameTheCommandsByFileName()
    {
        foreach (var path in Files())
        {
            Assert.That(File.ReadAllText(path), Does.Not.Contain("/dm:"), $"{path}: Claude Code shows the command as /{Path.GetFileNameWithoutExtension(path)}");
        }

        Assert.That(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "mcp.md")), Does.Not.Contain("/dm:"));
    }

    // A backticked call or name such as `party_pop_action` or `get_character(id=…)`.
    [GeneratedRegex("`([a-z]+(?:_[a-z]+)+)[`(]")]
    private static partial Regex ToolName();

    private static bool IsTool(string name) =>
        name.StartsWith("party_", StringComparison.Ordinal) || name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("list_", StringComparison.Ordinal)
        || name.StartsWith("reveal_", StringComparison.Ordinal) || name is "update_character" or "start_party_mode" or "stop_party_mode";

    private static (string Yaml, string Body) Split(string text)
    {
        Assert.That(text, Does.StartWith("---\n"), "front matter first");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        Assert.That(end, Is.GreaterThan(0), "front matter closes with ---");
        return (text[4..end], text[(end + 5)..]);
    }
}
