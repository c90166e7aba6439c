using System.Globalization;
using System.Text;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>Ids from names (docs/protocol.md §10.2): the lowercase slug of the name, unique within its kind.</summary>
internal sealed class Slugs(params string[] taken)
{
    private const int MaxLength = 32;
    private readonly HashSet<string> _taken = new(taken, StringComparer.Ordinal);

    /// <summary>The slug of <paramref name="name"/> (<c>Elara Moonwhisper</c> → <c>elara-moonwhisper</c>), with <c>-2</c>, <c>-3</c>… when taken.</summary>
    public string Next(string name, string fallback)
    {
        var slug = Of(name);
        if (slug.Length == 0)
        {
            slug = Of(fallback);
        }

        if (slug.Length == 0)
        {
            slug = "x";
        }

        var candidate = slug;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = slug[..Math.Min(slug.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return candidate;
    }

    public static string Of(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(ch);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length <= MaxLength ? result : result[..MaxLength].TrimEnd('-');
    }
}
