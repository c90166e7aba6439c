// The DM view: queue and resolution here; seats, narration, characters, combat and
// "view as" in their own files. A human can run the whole game from these panels.
import { h, $, fmtTime } from './util.js';
import { panel, run, btn } from './dm-ui.js';
import { seatsPanel } from './dm-seats.js';
import { tablePanel } from './dm-table.js';
import { charsPanel } from './dm-chars.js';
import { combatPanel } from './dm-combat.js';
import { viewAsPanel } from './dm-viewas.js';
import { rollsPanel } from './dm-rolls.js';
import { changesPanel } from './dm-changes.js';
import { takeButton } from './dm-take.js';
import { dmDecorator, offerUndo } from './dm-edit.js';
import { queueAlerts } from './dm-alerts.js';
import { askRefusal } from './dm-refuse.js';
import { resolveEditor } from './dm-resolve.js';
import { worldPanel } from './dm-world.js';
import { turnBar } from './dm-turnbar.js';
import { setupDmKeys } from './dm-keys.js';
import { handoutsPanel } from './dm-handouts.js';

// Each panel reads the page state (party, names, combat, sheets, statuses) and subscribes to
// what it shows; only the seats panel and the queue lists come from DM-only HTTP answers.
export function startDm({ state, api, tabs, feed }) {
  if (feed) feed.decorate = dmDecorator(api);
  const root = $('#dm-root');
  root.hidden = false;
  const queue = queuePanel({ state, api, alerts: queueAlerts({ tabs }) });
  const seats = seatsPanel({ api, state });
  const table = tablePanel({ state, api });
  const chars = charsPanel({ state, api });
  const combat = combatPanel({ state, api });
  const viewas = viewAsPanel({ state, api });
  root.append(queue.el, table.el, chars.el, combat.el, seats.el, viewas.el);
  root.append(rollsPanel({ state, api }).el);
  queue.el.append(changesPanel({ state, api, onNew: () => tabs.bump('queue') }).el); // sheet approvals sit with the action queue
  const world = worldPanel({ api });
  root.append(world.el);
  turnBar({ state, api, after: $('#combat') });
  setupDmKeys({ tabs });
  root.append(handoutsPanel({ state, api }).el);
  $('#panel-story').append(quickNarrate(api));
  tabs.link();
  seats.start();
  queue.load();
  chars.load();
  world.load();

  state.subscribe('welcome', () => { queue.load(); seats.load(); world.load(); });
  state.subscribe('event', ({ ev, info }) => { if (ev.type === 'action' && !info.replay) queue.load(); });
  state.subscribe('event', ({ ev, info }) => { if (ev.type === 'narrative' && !info.replay) world.soon(); });
  state.subscribe('party', () => { table.onParty(); combat.onParty(); viewas.onParty(); queue.onParty(); });
  state.subscribe('presence', () => seats.onPresence());
  state.subscribe('action_status', () => queue.load());
}

function queuePanel({ state, api, alerts }) {
  const pendingList = h('ol', { class: 'queue', 'data-testid': 'dm-pending' });
  const processingList = h('ol', { class: 'queue', 'data-testid': 'dm-processing' });
  const counts = h('p', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'dm-queue-count' });
  const takeBtn = btn('Take next action', () => takeNext(), 'primary big', 'dm-take-next');
  takeBtn.setAttribute('aria-keyshortcuts', 'T');
  const editor = h('div', { class: 'editor', 'data-testid': 'dm-editor', hidden: true });
  const el = panel('queue', 'Action queue', takeBtn, counts, editor,
    h('h3', { text: 'Waiting' }), pendingList,
    h('h3', { text: 'In progress' }), processingList);
  let current = null;
  let loading = false;
  let again = false;

  async function load() {
    if (loading) { again = true; return; }
    loading = true;
    try {
      const [p, q] = await Promise.all([
        api('GET', '/api/dm/actions?status=pending'),
        api('GET', '/api/dm/actions?status=processing'),
      ]);
      // The DM's queue lists are the truth for actions still open.
      for (const a of p.actions) state.setStatus(a.id, { status: 'pending' });
      for (const a of q.actions) state.setStatus(a.id, { status: 'processing' });
      renderList(pendingList, p.actions, false);
      renderList(processingList, q.actions.filter(a => !current || a.id !== current.id), true);
      const n = p.actions.length;
      counts.textContent = n === 0 ? 'Nothing waiting.' : n === 1 ? '1 action waiting.' : `${n} actions waiting.`;
      takeBtn.disabled = n === 0;
      alerts.update(n);
    } catch (e) {
      counts.textContent = `Could not load the queue: ${e.message}`;
    } finally {
      loading = false;
      if (again) { again = false; load(); }
    }
  }

  function renderList(list, actions, processing) {
    if (!actions.length) { list.replaceChildren(h('li', { class: 'muted small', text: 'None.' })); return; }
    list.replaceChildren(...actions.map(a => h('li', { class: 'q-item' + (a.private ? ' private' : ''), 'data-testid': `q-${a.id}` },
      h('div', { class: 'meta' },
        h('strong', { text: state.name(a.player_id) }),
        a.private ? h('span', { class: 'label', text: ' whisper' }) : null,
        h('time', { datetime: a.submitted_at || '', text: fmtTime(a.submitted_at) })),
      h('p', { class: 'text said', text: a.text }),
      h('div', { class: 'row' },
        processing ? labelled(btn('Continue', () => edit(a), 'ghost'), `Continue resolving ${state.name(a.player_id)}'s action`)
          : takeButton(a, api, state.name(a.player_id), taken => { edit(taken); load(); }, load),
        labelled(btn('Refuse', ev => cancel(a, ev.currentTarget), 'ghost danger'), `Refuse ${state.name(a.player_id)}'s action`)))));
  }

  async function takeNext() {
    const r = await run(takeBtn, () => api('POST', '/api/dm/actions/next'));
    if (r === undefined) return;
    if (!r || !r.action) { counts.textContent = 'Nothing waiting.'; load(); return; }
    edit(r.action);
    load();
  }

  async function cancel(a, button) {
    const reason = await askRefusal(state.name(a.player_id), a.text);
    if (reason === null) { if (button && button.isConnected) button.focus(); return; }
    await run(button, () => api('POST', `/api/dm/actions/${encodeURIComponent(a.id)}/cancel`, { reason: reason || undefined }), 'Action refused');
    if (current && current.id === a.id) { closeEditor(); takeBtn.focus(); }
    load();
  }

  function closeEditor() {
    current = null;
    editor.hidden = true;
    editor.replaceChildren();
  }

  function edit(a) {
    current = a;
    const ed = resolveEditor({
      state, api, action: a,
      onClose: () => { closeEditor(); load(); takeBtn.focus(); },
      onRefuse: button => cancel(a, button),
    });
    editor.replaceChildren(ed.el);
    editor.hidden = false;
    ed.focus();
  }

  // The roster arrives with the welcome, possibly after the first listing: redraw with names.
  let named = false;
  return { el, load, onParty() { if (!named) { named = true; load(); } } };
}

/** An aria-label for a button whose text alone does not say what it acts on. */
function labelled(button, label) {
  button.setAttribute('aria-label', label);
  return button;
}

/** A one-line "say to everyone" under the DM's story, for scene text between actions. */
function quickNarrate(api) {
  const text = h('textarea', { id: 'dm-quick-text', rows: 1, placeholder: 'Narrate to everyone…', 'data-testid': 'dm-quick-text', enterkeyhint: 'send' });
  const send = async () => {
    const narrative = text.value.trim();
    if (!narrative) return;
    const r = await run(button, () => api('POST', '/api/dm/narrate', { narrative, audience: 'public' }));
    if (r !== undefined) {
      text.value = '';
      offerUndo(api, r.events, form, () => { text.value = narrative; text.focus(); });
    }
  };
  const button = btn('Narrate', send, 'primary', 'dm-quick-send');
  text.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
  });
  const form = h('form', { class: 'quick-narrate', 'aria-label': 'Narrate to everyone', onsubmit: e => { e.preventDefault(); send(); } },
    h('label', { for: 'dm-quick-text', class: 'sr-only', text: 'Narrate to everyone' }), text, button);
  return form;
}
