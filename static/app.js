// Entry point of /play: finds the token, asks the server who we are, then wires one WebSocket
// session to the page state and the state to the views of the seat's role.
import { $, store, makeApi, toast, describeError } from './js/util.js';
import { PageState } from './js/state.js';
import { Connection } from './js/conn.js';
import { Feed, setStatusSource } from './js/feed.js';
import { CombatPanel } from './js/combat.js';
import { renderParty } from './js/sheet.js';
import { setupTabs } from './js/tabs.js';
import { setConn, showFatal, showSeat, watchConnection, wipeScreen, rememberRemoval, forgetRemoval, removalNote } from './js/shell.js';
import { startPlayer } from './js/player.js';
import { addExportButton } from './js/export.js';
import { setupSettings, applyTheme, settings } from './js/settings.js';
import { startCues, keepAwake } from './js/cues.js';
import { startTv } from './js/tv.js';
import { startWorld } from './js/world.js';
import { startHandouts } from './js/handouts.js';
import { startTvHandout } from './js/tv-handout.js';

const TOKEN_KEY = 'partymode.token';

function takeToken() {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    // The token leaves the address bar (history, screenshots, shoulder-surfing) at once.
    history.replaceState(null, '', '/play');
    forgetRemoval(); // a new link: the old "removed" note no longer applies
    try { sessionStorage.setItem(TOKEN_KEY, fromUrl); } catch { /* ignore */ }
    store.set(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  // A tab keeps its own seat even when another tab joined with a different link.
  let t = null;
  try { t = sessionStorage.getItem(TOKEN_KEY); } catch { /* ignore */ }
  return t || store.get(TOKEN_KEY);
}

/** The page stops; a seat that is gone for this device forgets its token and what it saw, on screen too. */
function stop(kind, state) {
  if (kind !== 'invalid' && kind !== 'kicked') { showFatal(kind); return; }
  store.del(TOKEN_KEY);
  try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* ignore */ }
  if (state) state.forgetSeat();
  wipeScreen();
  rememberRemoval(kind, state && state.session);
  showFatal(kind);
}

async function fetchSession(api) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api('GET', '/api/session');
    } catch (e) {
      if (e.status === 401) return { fatal: 'invalid' };
      if (e.status === 403 && e.code === 'seat_kicked') return { fatal: 'kicked' };
      if (e.status && e.status !== 429 && e.status < 500) return { fatal: describeError(e.code, e.message) };
      setConn('offline', 'Cannot reach the server — retrying');
      await new Promise(r => setTimeout(r, Math.min(15000, 1000 * 2 ** attempt)));
    }
  }
}

/** State messages (no seq) go to the state; notices and errors are shown, not kept. */
function onFrame(state, feed, msg) {
  switch (msg.type) {
    case 'character_update': state.setCharacter(msg.character); break;
    case 'party_update': state.setParty(msg.party); break;
    case 'combat_state': state.setCombat(msg.combat); break;
    case 'presence': state.setPresence(msg); break;
    case 'action_status': state.actionStatus(msg); break;
    case 'system': feed.notice(msg.text); break;
    case 'change_status': state.setChange(msg.change); break;
    case 'roll_status': case 'roll_request': case 'seat_count': case 'tv': state.emit(msg.type, msg); break;
    case 'error':
      if (msg.client_id && msg.client_id.startsWith('r_')) { state.emit('roll_error', msg); break; }
      if (state.role === 'player' && msg.client_id) state.refuse(msg.client_id, describeError(msg.code, msg.message));
      else toast(describeError(msg.code, msg.message), 'error');
      break;
    default: break;
  }
}

async function main() {
  applyTheme(settings.get().theme);
  const token = takeToken();
  if (!token) { showFatal(removalNote() || 'notoken'); return; }
  const api = makeApi(() => token);
  const session = await fetchSession(api);
  if (session.fatal) { stop(session.fatal); return; }

  const state = new PageState(session);
  const { role } = state;
  const title = showSeat(session);
  addExportButton(token, role);
  const tabs = setupTabs(role);
  const feed = new Feed({
    list: $('#feed'), pill: $('#new-pill'),
    secrets: role === 'player' ? $('#secrets') : null,
    ctx: { role, me: state.me, name: id => state.name(id), status: id => state.status(id) },
    onSecret: () => tabs.bump('secrets'),
    loadEarlier: before => api('GET', `/api/events?before=${before}&limit=50`),
    timestamps: role !== 'observer',
  });
  if (role === 'dm') setStatusSource(id => state.status(id));
  state.subscribe('party', () => feed.relabel());
  state.subscribe('event', ({ ev, info }) => feed.add(ev, info));
  state.subscribe('status', id => feed.setStatus(id, state.status(id)));
  state.subscribe('reset', () => feed.clear());
  new CombatPanel($('#combat'), state);
  if (role !== 'observer') state.subscribe('party', party => renderParty($('#party'), party, state));

  const conn = new Connection({
    token, api, state,
    onStatus: (now, detail) => state.setConnection(now, detail),
    onFatal: kind => stop(kind, state),
    onRestored: n => {
      // Once, in the story (the feed is a live region already: no toast repeating it).
      feed.notice(n === 1 ? '1 missed message restored' : `${n} missed messages restored`, 'restored');
    },
    onWelcome: msg => state.welcome(msg),
    onEvent: (ev, info) => state.addEvent(ev, info),
    onState: msg => onFrame(state, feed, msg),
  });
  watchConnection(state, conn);

  startHandouts({ state, api, tabs }); // before the player's view: its panel sits among theirs
  let player = null;
  if (role !== 'observer') setupSettings({ withCues: role === 'player', withDmCues: role === 'dm', onAwake: on => keepAwake(on) });
  if (role === 'player') {
    player = startPlayer({ state, feed, conn, api, title, onFatal: kind => { conn.stop(); stop(kind, state); } });
    startCues(state, title);
    startWorld({ state, api, root: $('#panel-party') });
    if (settings.get().awake) keepAwake(true);
  }
  if (role === 'observer') { startTv({ state, api, feed }); startTvHandout({ state, api }); }
  // The DM's story shows every action's true status: the listing is the truth after a reload.
  if (role === 'dm') {
    state.subscribe('welcome', async () => {
      try {
        const r = await api('GET', '/api/dm/actions');
        for (const a of r.actions || []) state.setStatus(a.id, a.reason ? { status: a.status, reason: a.reason } : { status: a.status });
      } catch { /* the chips keep "Checking…" until the next welcome */ }
    });
  }
  if (role === 'dm') (await import('./js/dm.js')).startDm({ state, api, tabs, feed });

  tabs.link();
  if (role !== 'observer') tabs.select(role === 'dm' ? 'queue' : 'story');
  if (state.events.length) feed.addMany(state.events);
  if (player) player.showOutbox();
  conn.start();
}

main().catch(err => {
  // Last resort: say something readable instead of a blank page.
  const box = $('#fatal');
  if (box) {
    $('#fatal-text').textContent = 'Something went wrong while loading the game. Reload the page to try again.';
    box.hidden = false;
  }
  if (window.console) console.error(err);
});
