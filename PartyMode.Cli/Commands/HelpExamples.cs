using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;

namespace PartyMode.Cli.Commands;

/// <summary>An "Examples:" section under a command's <c>--help</c>, kept out of its one-line description.</summary>
internal static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    /// <summary>Gives <paramref name="command"/> example lines, each "command line  # what it does".</summary>
    public static Command WithExamples(this Command command, params string[] lines)
    {
        Examples.AddOrUpdate(command, lines);
        return command;
    }

    public static IReadOnlyList<string>? For(Command command) => Examples.TryGetValue(command, out var lines) ? lines : null;

    /// <summary>Wraps the root's help action so every command's help ends with its examples.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
    }
}
