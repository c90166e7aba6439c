using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>
/// Reads one dm20 JSON object the way dm20's own models do (pydantic: missing optional keys take their
/// default, <c>null</c> is allowed where the model allows it, unknown keys are ignored), records which keys
/// were used, and names every refused value by its JSON path.
/// </summary>
internal sealed class Dm20Fields(JsonObject node, string path, List<string> problems)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Path => path;

    public JsonObject Node => node;

    public static Dm20Fields? Of(JsonNode? value, string path, List<string> problems)
    {
        if (value is JsonObject o)
        {
            return new Dm20Fields(o, path, problems);
        }

        problems.Add($"{path}: must be an object");
        return null;
    }

    public JsonNode? Raw(string name)
    {
        _used.Add(name);
        return node[name];
    }

    public void Use(params string[] names) => _used.UnionWith(names);

    public string? Str(string name, bool required = false)
    {
        var value = Raw(name);
        if (value is null)
        {
            if (required)
            {
                problems.Add($"{path}.{name}: is required (a string)");
            }

            return null;
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        problems.Add($"{path}.{name}: must be a string");
        return null;
    }

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue) => IntAt(Raw(name), $"{path}.{name}", fallback, min, max, problems);

    public static int IntAt(JsonNode? value, string at, int fallback, int min, int max, List<string> problems)
    {
        if (value is null)
        {
            return fallback;
        }

        // pydantic accepts 3 and 3.0 for an int (and a numeric string), nothing fractional.
        if (value is JsonValue v)
        {
            var kind = v.GetValueKind();
            double number = double.NaN;
            if (kind == JsonValueKind.Number)
            {
                number = v.GetValue<double>();
            }
            else if (kind == JsonValueKind.String)
            {
                double.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number);
            }

            if (!double.IsNaN(number) && number == Math.Floor(number) && number >= min && number <= max)
            {
                return (int)number;
            }
        }

        problems.Add(min == int.MinValue ? $"{at}: must be a whole number" : $"{at}: must be a whole number from {min} to {max}");
        return fallback;
    }

    public bool Bool(string name)
    {
        var value = Raw(name);
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.True;
    }

    public List<string> Strings(string name)
    {
        var list = new List<string>();
        var value = Raw(name);
        if (value is null)
        {
            return list;
        }

        if (value is not JsonArray array)
        {
            problems.Add($"{path}.{name}: must be a list of strings");
            return list;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue s && s.GetValueKind() == JsonValueKind.String)
            {
                list.Add(s.GetValue<string>());
            }
            else
            {
                problems.Add($"{path}.{name}[{i}]: must be a string");
            }
        }

        return list;
    }

    public IEnumerable<(JsonNode? Item, string Path)> Array(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            yield break;
        }

        if (value is not JsonArray array)
        {
            problems.Add($"{path}.{name}: must be a list");
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return (array[i], $"{path}.{name}[{i}]");
        }
    }

    public JsonObject? Object(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (value is JsonObject o)
        {
            return o;
        }

        problems.Add($"{path}.{name}: must be an object");
        return null;
    }

    /// <summary>Keys that hold something and were not used: what the report lists as not carried over.</summary>
    public IEnumerable<string> Unused() => node
        .Where(p => !_used.Contains(p.Key) && HoldsSomething(p.Value))
        .Select(p => p.Key);

    /// <summary>Whether a value says anything (null, "", [], {}, false and 0 are what dm20 writes for "nothing").</summary>
    public static bool HoldsSomething(JsonNode? value) => value switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Any(p => HoldsSomething(p.Value)),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            _ => true,
        },
        _ => true,
    };
}
