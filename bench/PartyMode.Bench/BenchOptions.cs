using System.Globalization;

namespace PartyMode.Bench;

/// <summary>The harness's command line (hand-parsed: a handful of flags).</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: PartyMode.Bench [--quick] [--only fanout,intake,connections,startup] [--no-node] [--no-bun] [--no-build]
                               [--observers N] [--player-rounds N] [--out FILE] [--serve-arg ARG]…
               PartyMode.Bench soak --minutes N [--target partymode|node|bun] [--no-build]
                               [--max-rss-slope-mib X] [--max-heap-slope-mib X] [--max-fd-slope X]
               PartyMode.Bench page [--quick] [--throttle 1,4] [--no-build] [--out FILE] [--serve-arg ARG]…
               --variant NAME[@BINARY][:KEY=VALUE,…]: one more PartyMode server (another build, or these environment
                                 variables), measured in the same alternating rounds
               --partymode PATH: measure that build of partymode instead of building this tree (before/after);
                                 ./build.sh bench passes the release binary it publishes, unless given --apphost
        """;

    private static readonly string[] AllPhases = ["fanout", "intake", "connections", "startup"];

    public bool Quick { get; private set; }

    public bool Soak { get; private set; }

    /// <summary>The phone page's benchmark (#16) instead of the servers'.</summary>
    public bool Page { get; private set; }

    /// <summary>CPU throttle rates of the page benchmark (Chromium's; 4 is a mid-range phone).</summary>
    public List<double> ThrottleRates { get; } = [1, 4];

    public double SoakMinutes { get; private set; } = 10;

    public string SoakTarget { get; private set; } = "partymode";

    public HashSet<string> Phases { get; } = new(AllPhases, StringComparer.Ordinal);

    public bool WithNode { get; private set; } = true;

    public bool WithBun { get; private set; } = true;

    public bool Build { get; private set; } = true;

    /// <summary>The large audience (10,000 by default, 2,000 with --quick).</summary>
    public int Observers { get; set; }

    public string? OutFile { get; private set; }

    /// <summary>Extra PartyMode servers (name, environment), measured in the same alternating rounds as the others.</summary>
    public List<(string Name, string? Binary, Dictionary<string, string> Environment)> Variants { get; } = [];

    /// <summary>A partymode apphost to measure instead of this tree's build (comparing builds).</summary>
    public string? PartyModeBinary { get; private set; }

    /// <summary>Extra <c>serve</c> arguments for every PartyMode server (e.g. <c>--serve-arg --no-fsync</c>).</summary>
    public List<string> ServeArgs { get; } = [];

    /// <summary>Counted rounds of the 12-player scenario (default 200, 50 with --quick).</summary>
    public int PlayerRounds { get; private set; }

    /// <summary>Soak pass line: RSS growth per minute over the second half.</summary>
    public double MaxRssSlopeMiBPerMinute { get; private set; } = 2.0;

    public double MaxHeapSlopeMiBPerMinute { get; private set; } = 1.0;

    public double MaxFdSlopePerMinute { get; private set; } = 0.5;

    public static BenchOptions? Parse(string[] args)
    {
        var o = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && args[0] == "soak")
        {
            o.Soak = true;
            i = 1;
        }
        else if (args.Length > 0 && args[0] == "page")
        {
            o.Page = true;
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var a = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (a)
            {
                case "--quick": o.Quick = true; break;
                case "--no-node": o.WithNode = false; break;
                case "--no-bun": o.WithBun = false; break;
                case "--no-build": o.Build = false; break;
                case "--apphost": break; // build.sh's: measure the built apphost, not the release binary (the harness's own default)
                case "--minutes": if (!TryDouble(Next(), v => o.SoakMinutes = v)) { return null; } break;
                case "--target": o.SoakTarget = Next() ?? ""; break;
                case "--throttle":
                    o.ThrottleRates.Clear();
                    foreach (var r in (Next() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!TryDouble(r, o.ThrottleRates.Add))
                        {
                            return null;
                        }
                    }

                    if (o.ThrottleRates.Count == 0)
                    {
                        return null;
                    }

                    break;
                case "--observers": if (!TryDouble(Next(), v => o.Observers = (int)v)) { return null; } break;
                case "--out": o.OutFile = Next(); break;
                case "--partymode": o.PartyModeBinary = Next(); break;
                case "--variant":
                    if (ParseVariant(Next()) is not { } variant)
                    {
                        return null;
                    }

                    o.Variants.Add(variant);
                    break;
                case "--serve-arg": o.ServeArgs.Add(Next() ?? ""); break;
                case "--player-rounds": if (!TryDouble(Next(), v => o.PlayerRounds = (int)v)) { return null; } break;
                case "--max-rss-slope-mib": if (!TryDouble(Next(), v => o.MaxRssSlopeMiBPerMinute = v)) { return null; } break;
                case "--max-heap-slope-mib": if (!TryDouble(Next(), v => o.MaxHeapSlopeMiBPerMinute = v)) { return null; } break;
                case "--max-fd-slope": if (!TryDouble(Next(), v => o.MaxFdSlopePerMinute = v)) { return null; } break;
                case "--only":
                    var list = (Next() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (list.Length == 0 || list.Any(p => !AllPhases.Contains(p)))
                    {
                        return null;
                    }

                    o.Phases.Clear();
                    o.Phases.UnionWith(list);
                    break;
                default:
                    Console.Error.WriteLine($"bench: unknown argument '{a}'");
                    return null;
            }
        }

        if (o.SoakTarget is not ("partymode" or "node" or "bun") || o.SoakMinutes <= 0)
        {
            return null;
        }

        if (o.Observers <= 0)
        {
            o.Observers = o.Quick ? 2_000 : 10_000;
        }

        return o;
    }

    /// <summary>NAME[@BINARY][:KEY=VALUE,KEY=VALUE] (NAME alone: the same server again, a control).</summary>
    private static (string Name, string? Binary, Dictionary<string, string> Environment)? ParseVariant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? text : text[..colon];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? head : head[..at];
        var binary = at < 0 ? null : head[(at + 1)..];
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (colon < 0 ? "" : text[(colon + 1)..]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            env[pair[..eq]] = pair[(eq + 1)..];
        }

        return name is "" or "partymode" or "node" or "bun" || binary is "" ? null : (name, binary, env);
    }

    private static bool TryDouble(string? s, Action<double> set)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v <= 0)
        {
            return false;
        }

        set(v);
        return true;
    }
}
