using System.Globalization;

namespace PartyMode.Cli.Client;

/// <summary>The outcome of a stop: whether the daemon is gone, and the actions it keeps stored.</summary>
internal sealed record StopResult(bool Stopped, long Pending, long Processing)
{
    public string Describe()
    {
        if (Pending == 0 && Processing == 0)
        {
            return "No actions were waiting.";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Pending} pending and {Processing} processing action(s) remain stored and come back when Party Mode starts again.");
    }
}
