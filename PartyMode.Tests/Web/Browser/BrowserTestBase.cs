using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PartyMode.Cli.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>
/// One Chromium per fixture, one in-process server per test (own temp folder, free port).
/// Drives Debian's Chromium; never downloads browsers.
/// </summary>
[NonParallelizable]
public abstract class BrowserTestBase
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> pageErrors = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private PartyServer? server;
    private DmApi? dm;

    /// <summary>The running server.</summary>
    private protected PartyServer Server => server ?? throw new InvalidOperationException("Server not started.");

    /// <summary>A DM API client for the running server.</summary>
    protected DmApi Dm => dm ?? throw new InvalidOperationException("Server not started.");

    /// <summary>This test's data folder.</summary>
    protected string DataDir { get; private set; } = "";

    [OneTimeSetUp]
    public async Task LaunchBrowserAsync()
    {
        Assert.That(File.Exists(ChromiumPath), Is.True, "Browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium).");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        SetDefaultExpectTimeout(15_000);
    }

    [OneTimeTearDown]
    public async Task CloseBrowserAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    [SetUp]
    public async Task StartServerAsync()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "partymode-web-" + Guid.NewGuid().ToString("N"));
        pageErrors.Clear();
        server = await PartyServer.StartAsync(Options(0), CancellationToken.None);
        dm = new DmApi(server.LocalUrl, server.TokenFor("dm"));
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        foreach (var c in contexts)
        {
            await c.CloseAsync();
        }

        contexts.Clear();
        dm?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle: the temp folder is cleaned by the OS later.
        }

        Assert.That(pageErrors, Is.Empty, "uncaught script errors in the page");
    }

    /// <summary>Stops the server (sockets close 1001), runs <paramref name="whileDown"/>, starts it again on the same folder and port.</summary>
    protected async Task RestartServerAsync(Func<Task>? afterStart = null)
    {
        var port = new Uri(Server.LocalUrl).Port;
        await Server.StopAsync();
        await Server.DisposeAsync();
        dm?.Dispose();
        server = await PartyServer.StartAsync(Options(port), CancellationToken.None);
        dm = new DmApi(server.LocalUrl, server.TokenFor("dm"));
        if (afterStart is not null)
        {
            await afterStart();
        }
    }

    /// <summary>Opens the join link of a seat in a fresh browser context and waits until the socket is up.</summary>
    protected async Task<IPage> OpenAsync(string seat, int width = 375, int height = 812, Func<IPage, Task>? beforeJoin = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, message) =>
        {
            lock (pageErrors)
            {
                pageErrors.Add($"{seat}: {message}");
            }
        };
        if (beforeJoin is not null)
        {
            await beforeJoin(page);
        }

        await page.GotoAsync($"{Server.LocalUrl}/play?token={Uri.EscapeDataString(Server.TokenFor(seat))}");
        await Expect(page.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await Expect(page).ToHaveURLAsync(new Regex("/play$"));
        return page;
    }

    /// <summary>Types an action into the player's box and sends it with Enter.</summary>
    protected static async Task SayAsync(IPage page, string text)
    {
        var box = page.GetByTestId("action-text");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>The player's own action item, once the server confirmed it.</summary>
    protected static ILocator MyAction(IPage page, string text) =>
        page.GetByTestId("feed").Locator("[data-action-id]:not([data-client-id])").Filter(new LocatorFilterOptions { HasText = text });

    protected static ILocator Feed(IPage page) => page.GetByTestId("feed");

    /// <summary>Runs the server with <c>serve --tv-join-codes</c> (the TV lobby tests).</summary>
    protected virtual bool TvJoinCodes => false;

    private PartyServerOptions Options(int port) => new()
    {
        DataDirectory = DataDir,
        Port = port,
        BindAddress = "127.0.0.1",
        ActionRateCount = 1000,
        ActionRateSeconds = 1,
        TvJoinCodes = TvJoinCodes,
    };
}
