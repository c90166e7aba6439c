using System.Globalization;
using Microsoft.Playwright;

namespace PartyMode.Bench;

/// <summary>
/// #16's page benchmark: the phone page (<c>/play</c> at 375×812) in Debian's Chromium, driven by
/// Playwright, after a 2,000-event evening received live: the time to switch tabs, and the time to
/// catch up on 2,000 events missed while the socket was down, at the machine's own speed and at 4×
/// CPU throttle. Figures are reported against their targets, never asserted (docs/benchmarks.md).
/// </summary>
internal static class PageBench
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const int Seats = 4;
    private static readonly string[] Tabs = ["secrets", "party", "story"];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var paths = RepoPaths.Find();
        var machine = MachineInfo.Read(paths);
        var evening = options.Quick ? 500 : 2_000;
        Console.WriteLine($"bench: page: {machine.Cores} cores, {machine.Cpu}; {evening}-event evening; chromium {ChromiumPath}");
        if (!File.Exists(ChromiumPath))
        {
            Console.Error.WriteLine($"bench: page: {ChromiumPath} is missing (apt-get install chromium)");
            return 1;
        }

        var binary = await Preparation.PartyModeAsync(paths, options.Build, ct, options.PartyModeBinary);
        if (binary.Error is not null)
        {
            Console.Error.WriteLine($"bench: page: {binary.Error}");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("partymode-bench-page-").FullName;
        try
        {
            var campaign = CampaignFile.Write(work, Seats);
            var target = Target.PartyMode(binary.Path!);
            target = target with { PrefixArgs = [.. target.PrefixArgs, .. options.ServeArgs] };
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var scenarios = new List<PageScenario>();
            foreach (var rate in options.ThrottleRates)
            {
                var s = await ScenarioAsync(browser, target, campaign, rate, evening, options.Quick ? 12 : 30, ct);
                scenarios.Add(s);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench: page: {rate}x throttle: tab switch p50 {s.TabSwitchP50:F1} ms, max {s.TabSwitchMax:F1} ms over {s.TabSwitchMs.Count} (main-thread CPU {s.TabSwitchCpuMs:F1} ms each); catch-up of {s.CatchUpEvents} events {s.CatchUpMs:F0} ms (CPU {s.CatchUpCpuMs:F0} ms); {s.NodesAfterEvening} nodes ({s.MessagesInDom} messages) after the evening, {s.NodesAfterCatchUp} after the catch-up"));
            }

            PageReport.Print(Console.Out, machine, scenarios);
            var outFile = options.OutFile ?? Path.Combine(paths.ResultsFolder, options.Quick ? "page-quick.json.tmp" : "page.json");
            PageReport.WriteJson(outFile, machine, evening, scenarios);
            Console.WriteLine($"bench: page: results written to {Path.GetRelativePath(paths.Root, outFile)}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<PageScenario> ScenarioAsync(IBrowser browser, Target target, string campaign, double rate, int evening, int switches, CancellationToken ct)
    {
        // A fresh server per rate: both scenarios start from the same empty game.
        await using var server = await ServerProcess.StartAsync(target, campaign, ct);
        var seat = server.Players[0];
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        // The page reaches the server through a relay the harness can cut (a phone out of Wi-Fi reach).
        await using var relay = new TcpRelay(server.EndPoint);
        await page.GotoAsync($"http://127.0.0.1:{relay.Port}/play?token={Uri.EscapeDataString(seat.Token)}");
        await WaitConnAsync(page, online: true);

        await NarrateAsync(server.Api, evening, "Tale", seat.Id, ct);
        await page.WaitForFunctionAsync("(m) => document.getElementById('feed').textContent.includes(m)", Marker("Tale", evening - 1),
            new PageWaitForFunctionOptions { Timeout = 120_000 });
        var nodes = await PageProbe.NodeCountAsync(page);
        var messages = await PageProbe.MessageCountAsync(page);

        if (rate != 1)
        {
            await PageProbe.ThrottleAsync(page, rate);
        }

        // One uncounted round through the tabs (first paint of each panel), then the counted switches.
        foreach (var tab in Tabs)
        {
            await PageProbe.TabSwitchAsync(page, tab);
        }

        var times = new List<double>();
        var trace = await PageTrace.StartAsync(page);
        for (var i = 0; i < switches; i++)
        {
            times.Add(await PageProbe.TabSwitchAsync(page, Tabs[i % Tabs.Length]));
        }

        var switchCpu = await PageTrace.StopAsync(trace) / switches;

        await PageProbe.TabSwitchAsync(page, "story");
        relay.Away();
        await WaitConnAsync(page, online: false);
        await NarrateAsync(server.Api, evening, "Missed", seat.Id, ct);
        await PageProbe.ArmCatchUpAsync(page, Marker("Missed", evening - 1));
        relay.Back();
        trace = await PageTrace.StartAsync(page);
        var catchUp = await PageProbe.ReconnectAndWaitAsync(page);
        var catchUpCpu = await PageTrace.StopAsync(trace);
        var nodesAfter = await PageProbe.NodeCountAsync(page);
        return new PageScenario(rate, times, switchCpu, catchUp, catchUpCpu, evening, nodes, messages, nodesAfter);
    }

    private static string Marker(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:0000}:");

    private static async Task WaitConnAsync(IPage page, bool online) => await page.WaitForFunctionAsync(
        online ? "() => document.querySelector('[data-testid=conn]').dataset.state === 'online'"
               : "() => document.querySelector('[data-testid=conn]').dataset.state !== 'online'",
        null, new PageWaitForFunctionOptions { Timeout = 30_000 });

    /// <summary>The DM narrates <paramref name="count"/> messages, 20 in flight; every fifth has a private part for the seat.</summary>
    private static async Task NarrateAsync(BenchApi api, int count, string prefix, string seat, CancellationToken ct)
    {
        for (var start = 0; start < count; start += 20)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(20, count - start)).Select(i => api.NarrateAsync(
                string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:0000}: the candles burn lower as the rain drums on the inn's shutters."),
                i % 5 == 0 ? seat : null,
                string.Create(CultureInfo.InvariantCulture, $"Only you notice a draught under the cellar door ({prefix} {i:0000})."),
                ct)));
        }
    }
}
