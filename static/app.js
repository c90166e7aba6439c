// Entry point of /play: finds the token, asks the server who we are, then runs the
// player, observer or DM view over one WebSocket session.
import { $, store, makeApi, toast, describeError } from './js/util.js';
import { Connection } from './js/conn.js';
import { Feed } from './js/feed.js';
import { Actions } from './js/actions.js';
import { CombatPanel, gating } from './js/combat.js';
import { renderCharBar, renderSheet, renderParty } from './js/sheet.js';
import { setupTabs } from './js/tabs.js';

const TOKEN_KEY = 'partymode.token';
const CACHE_MAX = 250;

function takeToken() {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    // The token leaves the address bar (history, screenshots, shoulder-surfing) at once.
    history.replaceState(null, '', '/play');
    try { sessionStorage.setItem(TOKEN_KEY, fromUrl); } catch { /* ignore */ }
    store.set(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  // A tab keeps its own seat even when another tab joined with a different link.
  let t = null;
  try { t = sessionStorage.getItem(TOKEN_KEY); } catch { /* ignore */ }
  return t || store.get(TOKEN_KEY);
}

const FATAL = {
  invalid: 'This link is no longer valid — ask the DM for a new one.',
  kicked: 'The DM removed you from the game.',
  tabs: 'This seat is open in too many tabs or devices. Close one, then try again.',
  notoken: 'No join link here. Open the link or scan the QR code the DM gave you.',
};

function showFatal(kind, app) {
  $('#fatal-text').textContent = FATAL[kind] || kind;
  $('#fatal').hidden = false;
  $('#fatal-retry').hidden = kind !== 'tabs';
  document.body.classList.add('stopped');
  $('#action-form').hidden = true;
  setConn('stopped', kind === 'tabs' ? 'Paused' : 'Disconnected');
  if (kind === 'invalid' || kind === 'kicked') {
    // The seat is gone for this device: forget its token and what it saw.
    store.del(TOKEN_KEY);
    try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* ignore */ }
    if (app) for (const suffix of [':events', ':seq', ':outbox', ':status']) store.del(app.key + suffix);
  }
}

function setConn(state, text) {
  const b = $('#conn');
  b.dataset.state = state;
  $('#conn-text').textContent = text;
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

async function main() {
  const token = takeToken();
  if (!token) { showFatal('notoken'); return; }
  const api = makeApi(() => token);
  const session = await fetchSession(api);
  if (session.fatal) { showFatal(session.fatal); return; }

  const role = session.role;
  const me = session.player_id || null;
  const campaignId = (session.campaign && session.campaign.id) || 'game';
  const app = {
    api, token, role, me, session,
    key: `partymode:${campaignId}:${me || role}`,
    names: new Map([['dm', 'DM']]),
    party: [],
    combat: null,
    character: null,
    dmStatuses: {},
  };
  const name = id => app.names.get(id) || (id ? String(id) : '');
  document.body.dataset.role = role;
  $('#campaign-name').textContent = (session.campaign && session.campaign.name) || 'PartyMode';
  $('#seat-name').textContent = role === 'player' ? `Playing ${session.name || me}`
    : role === 'dm' ? 'Dungeon Master' : 'Watching';
  const baseTitle = `${session.name || role} · ${(session.campaign && session.campaign.name) || 'PartyMode'}`;
  document.title = baseTitle;

  const ctx = {
    role, me, name,
    status: a => (actions ? actions.status(a) : app.dmStatuses[a.id] || null),
  };
  const tabs = setupTabs(role);
  const feed = new Feed({
    list: $('#feed'), pill: $('#new-pill'),
    secrets: role === 'player' ? $('#secrets') : null,
    ctx,
    onSecret: () => tabs.bump('secrets'),
  });

  // Restore what this seat already saw, so a reload asks only for what it missed.
  const cached = store.get(app.key + ':events', []);
  if (!cached.length) store.del(app.key + ':seq');
  let cache = cached.slice(-CACHE_MAX);
  let saveTimer = 0;
  const remember = ev => {
    cache.push(ev);
    if (cache.length > CACHE_MAX * 1.2) cache = cache.slice(-CACHE_MAX);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => store.set(app.key + ':events', cache.slice(-CACHE_MAX)), 300);
  };

  const combat = new CombatPanel($('#combat'), ctx);
  let actions = null;
  let dm = null;
  let offlineTick = 0;
  const conn = new Connection({
    token, api, seqKey: app.key + ':seq',
    onStatus: (state, detail) => {
      if (state === 'online') setConn('online', 'Connected');
      else if (state === 'connecting') setConn('connecting', 'Connecting…');
      else {
        clearInterval(offlineTick);
        const draw = () => {
          const secs = detail ? Math.max(0, Math.round((detail.retryAt - Date.now()) / 1000)) : 0;
          setConn('offline', secs ? `Offline — retry in ${secs}s` : 'Offline — retrying');
          if (!secs) clearInterval(offlineTick);
        };
        draw();
        offlineTick = setInterval(draw, 1000);
        if (actions) actions.onDisconnect();
      }
      if (state !== 'offline') clearInterval(offlineTick);
    },
    onFatal: kind => showFatal(kind, app),
    onReset: () => { feed.clear(); cache = []; store.del(app.key + ':events'); },
    onRestored: n => {
      const text = n === 1 ? '1 missed message restored' : `${n} missed messages restored`;
      feed.notice(text, 'restored');
      toast(text);
    },
    onWelcome: msg => {
      if (msg.party) setParty(msg.party);
      if (msg.character) setCharacter(msg.character);
      setCombat(msg.combat || null);
      if (actions) { actions.onWelcome(); actions.refreshOpen(); }
      if (dm) dm.onWelcome(msg);
    },
    onEvent: (ev, info) => {
      feed.add(ev, info);
      remember(ev);
      if (ev.type === 'action' && actions) actions.onActionEvent(ev.action);
      inferResolved(ev);
      if (dm) dm.onEvent(ev, info);
    },
    onState: msg => onState(msg),
  });
  $('#conn').addEventListener('click', () => conn.reconnectNow());
  $('#fatal-retry').addEventListener('click', () => {
    $('#fatal').hidden = true;
    document.body.classList.remove('stopped');
    if (role === 'player') $('#action-form').hidden = false;
    conn.attempts = 0;
    conn.start();
  });

  /** Statuses are not replayed, but an answer tied to an action means it was resolved. */
  function inferResolved(ev) {
    if (!ev.action_id || !['narrative', 'private', 'dm_note'].includes(ev.type)) return;
    const s = { status: 'resolved' };
    if (actions) actions.setStatus(ev.action_id, s);
    else { app.dmStatuses[ev.action_id] = s; feed.setStatus(ev.action_id, s); }
  }

  /** The DM's queue lists are the truth for actions still open. */
  app.setDmStatus = (id, status) => {
    const old = app.dmStatuses[id];
    if (old && old.status === status) return;
    app.dmStatuses[id] = { status };
    feed.setStatus(id, app.dmStatuses[id]);
  };

  function setParty(party) {
    app.party = party || [];
    for (const p of app.party) app.names.set(p.id, p.name);
    if (role !== 'observer') renderParty($('#party'), app.party, ctx);
    if (dm) dm.onParty(app.party);
  }

  function setCharacter(ch) {
    if (!ch || ch.id !== me) return;
    app.character = ch;
    app.names.set(ch.id, ch.name);
    renderCharBar($('#charbar'), ch, openSheet);
    const dlg = $('#sheet');
    if (dlg.open) renderSheet($('#sheet-body'), ch);
  }

  function openSheet() {
    if (!app.character) return;
    $('#sheet-title').textContent = app.character.name;
    renderSheet($('#sheet-body'), app.character);
    $('#sheet').showModal();
  }
  $('#sheet-close').addEventListener('click', () => $('#sheet').close());
  // A tap on the dimmed backdrop closes the sheet too (the dialog box itself fills its content).
  $('#sheet').addEventListener('click', e => { if (e.target === e.currentTarget) e.currentTarget.close(); });

  function setCombat(c) {
    app.combat = c;
    for (const x of (c && c.initiative) || []) if (!app.names.has(x.id)) app.names.set(x.id, x.name);
    combat.update(c);
    const g = gating(combat.combat, me, role);
    if (actions) actions.setGate(g);
    const yours = role === 'player' && g.canAct && !!combat.combat;
    document.title = (yours ? '▶ Your turn · ' : '') + baseTitle;
    if (dm) dm.onCombat(c);
  }

  function onState(msg) {
    switch (msg.type) {
      case 'character_update':
        if (role === 'player') setCharacter(msg.character);
        if (dm) dm.onCharacter(msg.character);
        break;
      case 'party_update': setParty(msg.party); break;
      case 'combat_state': setCombat(msg.combat); break;
      case 'presence': {
        const p = app.party.find(x => x.id === msg.player_id);
        if (p) { p.connected = msg.connected; setParty(app.party); }
        if (dm) dm.onPresence(msg);
        break;
      }
      case 'system': feed.notice(msg.text || ''); break;
      case 'action_status':
        if (actions) actions.onState(msg);
        if (dm) { app.dmStatuses[msg.action_id] = { status: msg.status, reason: msg.reason }; feed.setStatus(msg.action_id, app.dmStatuses[msg.action_id]); dm.onActionStatus(msg); }
        break;
      case 'error':
        if (actions && actions.onState(msg)) break;
        toast(describeError(msg.code, msg.message), 'error');
        break;
      default: break;
    }
  }

  if (role === 'player') {
    $('#action-form').hidden = false;
    actions = new Actions({
      form: $('#action-form'), input: $('#action-text'), whisper: $('#whisper'), button: $('#action-send'),
      hint: $('#action-hint'), feed, conn, api, key: app.key, me,
      onFatal: kind => { conn.stop(); showFatal(kind, app); },
    });
  }
  if (role === 'dm') {
    const mod = await import('./js/dm.js');
    dm = mod.startDm({ app, api, feed, ctx, tabs, conn });
  }

  tabs.link();
  if (role !== 'observer') tabs.select(role === 'dm' ? 'queue' : 'story');
  if (cache.length) { feed.addMany(cache); cache.forEach(inferResolved); }
  if (actions) for (const item of actions.outbox) actions.renderLocal(item, 'offline');
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

