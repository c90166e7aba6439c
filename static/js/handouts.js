// Handouts on every page (docs/web-app.md "Handouts"): the image loader gets the seat's API,
// a story card's tap opens the full-screen viewer, and on a phone a new handout opens at once
// and then lives in the Handouts tab (newest first, from GET /api/handouts and live events).
import { h, fmtTime } from './util.js';
import { setImageApi, fillImage } from './handout-images.js';
import { shelfOf } from './handout-state.js';
import { openHandout } from './handout-viewer.js';

const REPLAY_SETTLE_MS = 400;

export function startHandouts({ state, api, tabs }) {
  setImageApi(api);
  const shelf = shelfOf(state, api);
  document.addEventListener('pm:handout', e => openHandout(e.detail));
  if (state.role === 'player') playerHandouts({ state, shelf, tabs });
  return shelf;
}

function playerHandouts({ state, shelf, tabs }) {
  const list = h('ul', { id: 'handouts', class: 'ho-list', 'data-testid': 'handouts', 'aria-label': 'Handouts' });
  const panel = h('section', { id: 'panel-handouts', class: 'panel side handouts-panel', 'aria-labelledby': 'handouts-h', tabindex: '0' },
    h('h2', { id: 'handouts-h', text: 'Handouts' }),
    h('p', { class: 'muted small', text: 'Maps, letters and faces the DM showed you. Tap one to look again.' }),
    list);
  const party = document.getElementById('panel-party');
  party.after(panel);

  function item(it) {
    const thumb = h('img', { class: 'ho-thumb', alt: '', width: '96', height: '72', loading: 'lazy' });
    fillImage(thumb, it.id);
    return h('li', { class: 'ho-item', dataset: { handoutId: it.id } },
      h('button', { type: 'button', class: 'ho-item-open', 'data-testid': 'handout-item', onclick: () => openHandout(it) },
        thumb,
        h('span', { class: 'ho-item-body' },
          h('span', { class: 'sr-only', text: 'Open ' }),
          h('strong', { class: 'ho-item-title', dir: 'auto', text: it.title || 'Handout' }),
          it.ts ? h('time', { class: 'muted small', datetime: new Date(it.ts).toISOString(), text: fmtTime(it.ts) }) : null,
          it.text ? h('span', { class: 'ho-item-text small', dir: 'auto', text: it.text }) : null)));
  }

  function render(items) {
    const shown = items.filter(it => it.shown);
    list.replaceChildren(...(shown.length ? shown.map(item) : [h('li', { class: 'muted small ho-empty', text: 'Nothing yet.' })]));
  }

  // A handout arrives: full screen at once. Missed ones (a replay after a drop) open the newest once.
  // A first join's history (the newest events, the opening portrait among them) opens nothing.
  let settle = 0;
  let latest = null;
  let historyUntil = 0;
  state.subscribe('welcome', msg => { historyUntil = state.lastSeq == null ? msg.last_seq : 0; });
  state.subscribe('event', ({ ev, info }) => {
    if (ev.type !== 'handout') return;
    tabs.bump('handouts');
    if (ev.seq <= historyUntil) return;
    const it = { id: ev.handout_id, title: ev.title, text: ev.text || null };
    if (!(info && (info.replay || info.quiet))) { openHandout(it); return; }
    latest = it;
    clearTimeout(settle);
    settle = setTimeout(() => { if (latest) openHandout(latest); latest = null; }, REPLAY_SETTLE_MS);
  });
  state.subscribe('handouts', render);
  render(shelf.list());
}
