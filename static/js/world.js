// People & Places: the NPCs the players know and the locations they discovered (GET /api/npcs,
// GET /api/locations), in the Party panel; asked again after every narration, since a reveal
// comes with one.
import { h } from './util.js';

export function startWorld({ state, api, root }) {
  const npcs = h('ul', { class: 'world-list', 'data-testid': 'world-npcs' });
  const places = h('ul', { class: 'world-list', 'data-testid': 'world-places' });
  const section = h('section', { class: 'world', 'aria-labelledby': 'world-h', 'data-testid': 'world' },
    h('h2', { id: 'world-h', text: 'People & Places' }),
    h('h3', { text: 'People you know' }), npcs,
    h('h3', { text: 'Places you have found' }), places);
  root.append(section);
  let timer = 0;

  const item = e => h('li', { class: 'world-item', dataset: { id: e.id } },
    h('strong', { dir: 'auto', text: e.name }),
    e.description ? h('p', { class: 'small', dir: 'auto', text: e.description }) : null);

  async function load() {
    try {
      const [n, l] = await Promise.all([api('GET', '/api/npcs'), api('GET', '/api/locations')]);
      npcs.replaceChildren(...(n.npcs || []).map(item));
      places.replaceChildren(...(l.locations || []).map(item));
    } catch { /* offline: keep what is shown */ }
  }
  const soon = () => { clearTimeout(timer); timer = setTimeout(load, 400); };
  state.subscribe('welcome', soon);
  state.subscribe('event', ({ ev, info }) => { if (ev.type === 'narrative' && !(info && info.replay)) soon(); });
  return { load };
}
