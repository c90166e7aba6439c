using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PartyMode.Cli.Commands;

/// <summary>
/// Whole-number options whose errors name only the option and its range (not a .NET type name):
/// "--port takes a whole number from 0 to 65535, for example --port 8080; 'abc' is not one."
/// </summary>
internal static class WholeNumberOption
{
    public static Option<int> Create(string name, string helpName, int min, int max, int defaultValue, string description, string example)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result => Parse(result, name, min, max, example) ?? defaultValue;
        return option;
    }

    public static Option<int?> CreateOptional(string name, string helpName, int min, int max, string description, string example)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = result => Parse(result, name, min, max, example);
        return option;
    }

    private static int? Parse(ArgumentResult result, string name, int min, int max, string example)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} takes a whole number from {min} to {max}, for example {name} {example}; '{text}' is not one.");
        return null;
    }
}
