using Microsoft.Playwright;

namespace PartyMode.Bench;

/// <summary>
/// Measurements inside the page, on the page's own clock (<c>performance.now()</c>), so the
/// harness's round trips to the browser are not part of any figure. "Painted" means the next
/// animation frame has run and a task after it: the browser has laid out and drawn the change.
/// </summary>
internal static class PageProbe
{
    /// <summary>Clicks a tab and waits for the next painted frame; ms from the click.</summary>
    public static Task<double> TabSwitchAsync(IPage page, string tab) => page.EvaluateAsync<double>(
        """
        async (id) => {
          const b = document.querySelector(`[data-testid="tab-${id}"]`);
          const t0 = performance.now();
          b.click();
          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }
        """, tab);

    /// <summary>Arms a watcher that records when a message containing <paramref name="marker"/> is painted in the story.</summary>
    public static Task ArmCatchUpAsync(IPage page, string marker) => page.EvaluateAsync(
        """
        (marker) => {
          const feed = document.getElementById('feed');
          window.__pmCatchUp = new Promise(resolve => {
            const mo = new MutationObserver(records => {
              for (const r of records) for (const n of r.addedNodes) {
                if (n.textContent && n.textContent.includes(marker)) {
                  mo.disconnect();
                  requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
                  return;
                }
              }
            });
            mo.observe(feed, { childList: true });
          });
        }
        """, marker);

    /// <summary>Clicks the connection button (reconnect now) and returns ms until the armed marker was painted.</summary>
    public static Task<double> ReconnectAndWaitAsync(IPage page) => page.EvaluateAsync<double>(
        """
        async () => {
          const t0 = performance.now();
          document.querySelector('[data-testid="conn"]').click();
          const done = await window.__pmCatchUp;
          return done - t0;
        }
        """);

    public static Task<int> NodeCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");

    public static Task<int> MessageCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.querySelectorAll('#feed > [data-seq]').length");

    /// <summary>Chromium's CPU throttle (CDP <c>Emulation.setCPUThrottlingRate</c>): 4 is a mid-range phone.</summary>
    public static async Task ThrottleAsync(IPage page, double rate)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = rate });
    }
}
