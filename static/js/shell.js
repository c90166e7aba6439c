// The frame around every role: the title bar, the connection indicator (drawn from the page
// state's connection) and the box that says why the game stopped.
import { $, store } from './util.js';

const REMOVED_KEY = 'partymode.removed';

const FATAL = {
  invalid: 'This link is no longer valid — ask the DM for a new one.',
  kicked: 'The DM removed you from the game.',
  tabs: 'This seat is open in too many tabs or devices. Close one, then try again.',
  notoken: 'No join link here. Open the link or scan the QR code the DM gave you.',
};

export function setConn(state, text) {
  $('#conn').dataset.state = state;
  $('#conn-text').textContent = text;
}

/** Stops the page with a sentence (a FATAL kind, or any text). */
export function showFatal(kind) {
  $('#fatal-text').textContent = FATAL[kind] || kind;
  $('#fatal').hidden = false;
  $('#fatal-retry').hidden = kind !== 'tabs';
  document.body.classList.add('stopped');
  $('#action-form').hidden = true;
  setConn('stopped', kind === 'tabs' ? 'Paused' : 'Disconnected');
}

/** Seat and campaign in the title bar and the tab title; returns the tab title. */
export function showSeat(session) {
  const campaign = (session.campaign && session.campaign.name) || 'PartyMode';
  const role = session.role;
  document.body.dataset.role = role;
  $('#campaign-name').textContent = campaign;
  $('#seat-name').textContent = role === 'player' ? `Playing ${session.name || session.player_id}`
    : role === 'dm' ? 'Dungeon Master' : 'Watching';
  const title = `${session.name || role} · ${campaign}`;
  document.title = title;
  return title;
}

/** The connection indicator follows the state; tapping it (or Try again) reconnects at once. */
export function watchConnection(state, conn) {
  let offlineTick = 0;
  state.subscribe('connection', ({ state: now, detail }) => {
    clearInterval(offlineTick);
    if (now === 'online') setConn('online', 'Connected');
    else if (now === 'connecting') setConn('connecting', 'Connecting…');
    else {
      const draw = () => {
        const secs = detail ? Math.max(0, Math.round((detail.retryAt - Date.now()) / 1000)) : 0;
        setConn('offline', secs ? `Offline — retry in ${secs}s` : 'Offline — retrying');
        if (!secs) clearInterval(offlineTick);
      };
      draw();
      offlineTick = setInterval(draw, 1000);
    }
  });
  $('#conn').addEventListener('click', () => conn.reconnectNow());
  $('#fatal-retry').addEventListener('click', () => {
    $('#fatal').hidden = true;
    document.body.classList.remove('stopped');
    if (state.role === 'player') $('#action-form').hidden = false;
    conn.attempts = 0;
    conn.start();
  });
}

/**
 * The seat is gone for this device (kicked, or its link refreshed): nothing it saw stays on
 * screen, not only out of storage: story, secrets, sheet, party, combat, the action box.
 */
export function wipeScreen() {
  for (const d of document.querySelectorAll('dialog[open]')) { try { d.close(); } catch { /* closed */ } }
  for (const sel of ['#feed', '#secrets', '#handouts', '#party', '#charbar', '#combat', '#sheet-body', '#tablist']) {
    const el = $(sel);
    if (el) el.replaceChildren();
  }
  for (const sel of ['#charbar', '#combat', '#tabs', '#action-form', '#new-pill']) { const el = $(sel); if (el) el.hidden = true; }
  const text = $('#action-text');
  if (text) text.value = '';
  const world = document.querySelector('.world');
  if (world) world.remove();
  document.body.dataset.tab = 'story';
  document.body.classList.add('wiped');
  document.body.classList.remove('my-turn', 'on-deck', 'in-combat');
  document.title = 'PartyMode';
}

/** A short note that outlives a reload: "the DM removed you" (or "this link is no longer valid"). */
export function rememberRemoval(kind, session) {
  const who = session && (session.name || session.player_id);
  const campaign = session && session.campaign && session.campaign.name;
  store.set(REMOVED_KEY, { kind, who: who || null, campaign: campaign || null, at: Date.now() });
}

export function forgetRemoval() { store.del(REMOVED_KEY); }

/** The note's sentence, or null. */
export function removalNote() {
  const n = store.get(REMOVED_KEY, null);
  if (!n || !FATAL[n.kind]) return null;
  const where = [n.who, n.campaign].filter(Boolean).join(', ');
  return FATAL[n.kind] + (where ? ` (${where})` : '') + (n.kind === 'kicked' ? ' Ask the DM for a new link if that was a mistake.' : '');
}
