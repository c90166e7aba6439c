using System.Text.Json;

namespace PartyMode.Engine.Campaigns;

/// <summary>Reads typed fields of one JSON object, adding a path-named problem for each bad one.</summary>
internal sealed class FieldReader
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly List<string> _problems;

    public FieldReader(JsonElement element, string path, List<string> problems, IEnumerable<string> allowed)
    {
        _element = element;
        _path = path;
        _problems = problems;
        IsObject = element.ValueKind == JsonValueKind.Object;
        if (!IsObject)
        {
            problems.Add($"{path}: must be an object");
            return;
        }

        var known = allowed as IReadOnlySet<string> ?? new HashSet<string>(allowed, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                problems.Add($"{path}.{property.Name}: unknown field (expected one of {string.Join(", ", known)})");
            }
        }
    }

    public bool IsObject { get; }

    public bool Has(string name) => IsObject && _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return IsObject && _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public string? String(string name, bool required)
    {
        if (!TryGet(name, out var v))
        {
            if (required)
            {
                Problem(name, "is required");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Problem(name, "must be a string");
            return null;
        }

        var s = v.GetString()!;
        if (required && s.Trim().Length == 0)
        {
            Problem(name, "must not be empty");
        }

        return s;
    }

    public string Id(string name, bool required)
    {
        var id = String(name, required) ?? "";
        if (id.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]{0,63}$"))
        {
            Problem(name, $"'{id}' must be lowercase letters, digits and '-' (starting with a letter or digit)");
        }

        return id;
    }

    public int Int(string name, int min, int max, int fallback, bool required = false)
    {
        if (!TryGet(name, out var v))
        {
            if (required)
            {
                Problem(name, "is required");
            }

            return fallback;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var value))
        {
            Problem(name, "must be a whole number");
            return fallback;
        }

        if (value < min)
        {
            Problem(name, $"must be {min} or more");
        }
        else if (value > max)
        {
            Problem(name, $"must be {max} or less");
        }

        return value;
    }

    public bool Bool(string name)
    {
        if (!TryGet(name, out var v))
        {
            return false;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(name, "must be true or false");
            return false;
        }

        return v.GetBoolean();
    }

    public List<string> Strings(string name)
    {
        var list = new List<string>();
        if (!TryGet(name, out var v))
        {
            return list;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem(name, "must be a list of strings");
            return list;
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                _problems.Add($"{_path}.{name}[{i}]: must be a string");
            }
            else
            {
                list.Add(item.GetString()!);
            }

            i++;
        }

        return list;
    }

    public IEnumerable<(JsonElement Element, string Path)> Array(string name, bool required)
    {
        if (!TryGet(name, out var v))
        {
            if (required)
            {
                Problem(name, "is required");
            }

            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem(name, "must be a list");
            return [];
        }

        return v.EnumerateArray().Select((item, i) => (item, $"{_path}.{name}[{i}]")).ToList();
    }

    public List<int> Ints(string name)
    {
        var list = new List<int>();
        if (!TryGet(name, out var v))
        {
            return list;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem(name, "must be a list of whole numbers");
            return list;
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var n))
            {
                _problems.Add($"{_path}.{name}[{i}]: must be a whole number");
            }
            else
            {
                list.Add(n);
            }

            i++;
        }

        return list;
    }

    public Dictionary<string, int> IntMap(string name, string[]? allowedKeys)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!TryGet(name, out var v))
        {
            return map;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            Problem(name, "must be an object of whole numbers, like {\"perception\": 3}");
            return map;
        }

        foreach (var p in v.EnumerateObject())
        {
            if (allowedKeys is not null && !allowedKeys.Contains(p.Name))
            {
                _problems.Add($"{_path}.{name}.{p.Name}: unknown key (expected one of {string.Join(", ", allowedKeys)})");
                continue;
            }

            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out var n) || n is < -30 or > 30)
            {
                _problems.Add($"{_path}.{name}.{p.Name}: must be a whole number from -30 to 30");
                continue;
            }

            map[p.Name] = n;
        }

        return map;
    }

    private void Problem(string name, string what) => _problems.Add($"{_path}.{name}: {what}");
}
