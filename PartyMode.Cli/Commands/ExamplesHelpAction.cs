using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PartyMode.Cli.Commands;

/// <summary>System.CommandLine's own help, then the command's examples (System.CommandLine 2 has no examples section).</summary>
internal sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = inner.Invoke(parseResult);
        if (HelpExamples.For(parseResult.CommandResult.Command) is { } lines)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        return code;
    }
}
