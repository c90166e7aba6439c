// DM: "Take" on a waiting card (docs/protocol.md §3.7.18): any pending action, not only the oldest.
import { btn, run } from './dm-ui.js';

/** A card's Take button; onTaken(action) opens it in the editor, onRefused() reloads the lists (someone took it first). */
export function takeButton(a, api, who, onTaken, onRefused) {
  const b = btn('Take', async () => {
    const r = await run(b, () => api('POST', `/api/dm/actions/${encodeURIComponent(a.id)}/take`));
    if (r && r.action) onTaken(r.action);
    else onRefused();
  }, 'ghost', `take-${a.id}`);
  b.setAttribute('aria-label', `Take ${who}'s action now`);
  return b;
}
