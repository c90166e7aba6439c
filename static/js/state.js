// The page's one state: who this seat is, what the server told it (party, combat, character
// sheets, the events it saw and its last seq), every action status and the outbox of unsent
// actions. It owns the seat's storage keys; views subscribe and render from it, never from a
// copy of their own.
import { store } from './util.js';

const CACHE_MAX = 250;
const STATUS_MAX = 300;
const BLIND_MAX = 50;
const FINAL = new Set(['resolved', 'cancelled']);
const OPEN = new Set(['pending', 'processing']);
const RESOLVING = new Set(['narrative', 'private', 'dm_note']);

export class PageState {
  /** session: the answer of GET /api/session. */
  constructor(session) {
    this.session = session;
    this.role = session.role;
    this.me = session.player_id || null;
    const campaignId = (session.campaign && session.campaign.id) || 'game';
    this.key = `partymode:${campaignId}:${this.me || this.role}`;
    // Names outlive a reload too, so a cached story never shows raw ids ("thorin") before the welcome.
    this.names = new Map([...Object.entries(store.get(this.key + ':names', {})), ['dm', 'DM']]);
    this.party = [];
    this.combat = null;
    this.connection = { state: 'connecting', detail: null };
    this.characters = new Map(); // id → sheet: the player's own, or every sheet for the DM
    /** Sheet changes (docs/protocol.md §8.2): the player's own recent ones, or the DM's pending list. */
    this.changes = new Map(this.role === 'player' ? store.get(this.key + ':changes', []).map(c => [c.id, c]) : []);
    this.sheetPolicy = null; // {free, approval} when the server says; js/sheet-policy.js has the defaults
    this.listeners = new Map();
    this.saveTimer = 0;
    // Only a player's statuses outlive a reload; the DM's queue listing is its truth.
    this.keepStatuses = this.role === 'player';

    // What this seat already saw, so a reload asks only for what it missed.
    this.events = store.get(this.key + ':events', []).slice(-CACHE_MAX);
    if (!this.events.length) store.del(this.key + ':seq');
    this.lastSeq = store.get(this.key + ':seq', null);
    /** action id → {status, reason}: the server's word (or an answer that implies it). */
    this.statuses = this.keepStatuses ? store.get(this.key + ':status', {}) : {};
    /** Unsent actions, oldest first: {client_id, text, private, at}. */
    this.outbox = this.role === 'player'
      ? store.get(this.key + ':outbox', []).map(x => ({ client_id: x.client_id, text: x.text, private: !!x.private, at: x.at }))
      : [];
    /** client id → {status: sending|offline|refused|acked, reason?, actionId?}: actions not yet known by id. */
    this.local = new Map(this.outbox.map(x => [x.client_id, { status: 'offline' }]));
    /** This seat's blind rolls ({label, after: the seq then held}): their event never reaches the
     *  roller, so the "You rolled" card is kept here and survives a reload (docs/web-app.md "Dice"). */
    this.blindRolls = this.role === 'player' ? store.get(this.key + ':blind', []) : [];
    for (const ev of this.events) this.inferResolved(ev);
    // The story and its seq are stored together (a stored seq never runs ahead of the stored
    // story); a page going away writes what is still due.
    this.statusTimer = 0;
    window.addEventListener('pagehide', () => {
      if (this.saveTimer) this.saveHistory();
      if (this.statusDue) { this.statusDue = false; store.set(this.key + ':status', this.statuses); }
    });
  }

  get character() { return this.me ? this.characters.get(this.me) || null : null; }

  name(id) { return this.names.get(id) || (id ? String(id) : ''); }

  /** Calls fn(detail, key) on every change of one key (or of any key in a list); returns the unsubscribe. */
  subscribe(keys, fn) {
    const list = Array.isArray(keys) ? keys : [keys];
    for (const k of list) {
      if (!this.listeners.has(k)) this.listeners.set(k, new Set());
      this.listeners.get(k).add(fn);
    }
    return () => { for (const k of list) this.listeners.get(k).delete(fn); };
  }

  emit(key, detail) {
    for (const fn of this.listeners.get(key) || []) fn(detail, key);
  }

  // ---- what the server said

  /** online, connecting or offline (detail.retryAt: when the next try is due). */
  setConnection(state, detail) {
    this.connection = { state, detail: detail || null };
    this.emit('connection', this.connection);
  }

  welcome(msg) {
    if (msg.sheet_policy) this.sheetPolicy = msg.sheet_policy;
    const pending = msg.sheet_changes || msg.changes;
    if (Array.isArray(pending)) this.setChanges(pending, true);
    if (msg.party) this.setParty(msg.party);
    if (msg.character) this.setCharacter(msg.character);
    this.setCombat(msg.combat || null);
    this.emit('welcome', msg);
  }

  setParty(party) {
    this.party = party || [];
    for (const p of this.party) this.names.set(p.id, p.name);
    store.set(this.key + ':names', Object.fromEntries([...this.names].filter(([id]) => id !== 'dm')));
    this.emit('party', this.party);
  }

  setPresence(msg) {
    const p = this.party.find(x => x.id === msg.player_id);
    if (p) { p.connected = msg.connected; this.emit('party', this.party); }
    this.emit('presence', msg);
  }

  setCharacter(ch) {
    if (!ch || !ch.id) return;
    this.characters.set(ch.id, ch);
    this.names.set(ch.id, ch.name);
    this.emit('character', ch);
  }

  /** The DM's full list of sheets (GET /api/dm/characters). */
  setCharacters(list) {
    for (const ch of list) this.characters.set(ch.id, ch);
    this.emit('characters', list);
  }

  /** A change's latest word (200/202 answers, change_status frames, the DM's listing). */
  setChange(change) {
    if (!change || !change.id) return;
    const merged = { ...(this.changes.get(change.id) || {}), ...change };
    this.changes.set(change.id, merged);
    this.saveChanges();
    this.emit('change', merged);
    // The DM keeps only what waits for them: a long evening's settled changes are not held.
    if (this.role === 'dm' && merged.status !== 'pending') this.changes.delete(change.id);
  }

  /** A listing of pending changes; `replace`: one not named is no longer pending (the server's list is the truth). */
  setChanges(list, replace) {
    if (replace) {
      const named = new Set((list || []).map(c => c && c.id));
      for (const [id, c] of this.changes) if (!named.has(id) && (this.role !== 'player' || c.status === 'pending')) this.changes.delete(id);
    }
    for (const c of list || []) if (c && c.id) this.changes.set(c.id, c);
    this.saveChanges();
    this.emit('changes', [...this.changes.values()]);
  }

  saveChanges() {
    if (this.role !== 'player' || !this.keepStatuses) return;
    const keep = [...this.changes.values()].slice(-50);
    if (keep.length < this.changes.size) this.changes = new Map(keep.map(c => [c.id, c]));
    store.set(this.key + ':changes', keep);
  }

  setCombat(c) {
    this.combat = c || null;
    for (const x of (c && c.initiative) || []) if (!this.names.has(x.id)) this.names.set(x.id, x.name);
    this.emit('combat', this.combat);
  }

  // ---- the story

  setLastSeq(seq) {
    this.lastSeq = seq;
    this.scheduleSave();
  }

  scheduleSave() {
    // At most 300 ms after the first unsaved event (pagehide writes what is due): one timer per
    // burst, not a new one per event of a catch-up.
    if (!this.saveTimer) this.saveTimer = setTimeout(() => this.saveHistory(), 300);
  }

  saveHistory() {
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    store.set(this.key + ':events', this.events.slice(-CACHE_MAX));
    store.set(this.key + ':seq', this.lastSeq);
  }

  addEvent(ev, info) {
    this.events.push(ev);
    if (this.events.length > CACHE_MAX * 1.2) this.events = this.events.slice(-CACHE_MAX);
    this.scheduleSave();
    this.emit('event', { ev, info });
    if (ev.type === 'action' && ev.action && ev.action.client_id && this.inOutbox(ev.action.client_id)) {
      this.acknowledge(ev.action.client_id, ev.action.id, ev.action.status);
    }
    this.inferResolved(ev);
  }

  /** The server's history is shorter than ours: a new game in this data folder. */
  resetHistory() {
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    this.events = [];
    this.lastSeq = null;
    store.del(this.key + ':events');
    store.del(this.key + ':seq');
    this.blindRolls = [];
    store.del(this.key + ':blind');
    this.emit('reset');
  }

  /** The seat is gone for this device: forget what it saw and what it meant to send. */
  forgetSeat() {
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    this.statusDue = false;
    this.keepStatuses = false; // nothing of this seat is written again
    for (const suffix of [':events', ':seq', ':outbox', ':status', ':names', ':changes', ':blind']) store.del(this.key + suffix);
  }

  /** A blind roll of this seat was stored: remember its card after what the story holds now. */
  addBlindRoll(label) {
    const r = { label: label || '', after: this.lastSeq ?? 0, at: Date.now() };
    this.blindRolls = [...this.blindRolls, r].slice(-BLIND_MAX);
    store.set(this.key + ':blind', this.blindRolls);
    return r;
  }

  // ---- action statuses: the one place they live

  status(actionId) { return this.statuses[actionId] || null; }

  localStatus(clientId) { return this.local.get(clientId) || null; }

  /** Records a status; a final one is never undone. Emits 'status' with the id when it changed. */
  setStatus(actionId, s) {
    if (!actionId) return;
    const old = this.statuses[actionId];
    if (old && FINAL.has(old.status) && !FINAL.has(s.status)) return;
    if (old && old.status === s.status && old.reason === s.reason) return;
    this.statuses[actionId] = s.reason ? { status: s.status, reason: s.reason } : { status: s.status };
    const ids = Object.keys(this.statuses);
    if (ids.length > STATUS_MAX) for (const id of ids.slice(0, ids.length - STATUS_MAX)) delete this.statuses[id];
    // Written with the chip; a catch-up that sets hundreds of statuses writes them once, shortly after.
    if (this.keepStatuses) {
      if (!this.statusBurst) setTimeout(() => { this.statusBurst = 0; if (this.statusDue) { this.statusDue = false; store.set(this.key + ':status', this.statuses); } }, 250);
      this.statusBurst = (this.statusBurst || 0) + 1;
      if (this.statusBurst <= 5) store.set(this.key + ':status', this.statuses);
      else this.statusDue = true;
    }
    this.emit('status', actionId);
  }

  /** Statuses are not replayed, but an answer tied to an action means it was resolved. */
  inferResolved(ev) {
    if (ev.action_id && RESOLVING.has(ev.type)) this.setStatus(ev.action_id, { status: 'resolved' });
  }

  /** An action_status frame. */
  actionStatus(msg) {
    if (msg.client_id && this.inOutbox(msg.client_id)) this.acknowledge(msg.client_id, msg.action_id, msg.status);
    this.setStatus(msg.action_id, { status: msg.status, reason: msg.reason });
    this.emit('action_status', msg);
  }

  /** Our recent actions the server may have moved on while we did not listen (at most `max`). */
  openActions(max) {
    const ids = new Set(Object.keys(this.statuses));
    for (const ev of this.events) if (ev.type === 'action' && ev.action && ev.action.player_id === this.me) ids.add(ev.action.id);
    for (const l of this.local.values()) if (l.actionId) ids.add(l.actionId);
    const open = [...ids].filter(id => OPEN.has((this.status(id) || this.eventStatus(id) || { status: '' }).status));
    return open.slice(-max);
  }

  eventStatus(actionId) {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const a = this.events[i].action;
      if (a && a.id === actionId) return { status: a.status };
    }
    return null;
  }

  // ---- the outbox

  inOutbox(clientId) { return this.outbox.some(x => x.client_id === clientId); }

  setLocal(clientId, s) {
    this.local.set(clientId, s);
    this.emit('local', clientId);
  }

  queue(item, status) {
    this.outbox.push(item);
    this.saveOutbox();
    this.setLocal(item.client_id, { status });
  }

  /** Marks every unsent action sending or waiting for the connection. */
  markOutbox(status) {
    for (const item of this.outbox) this.setLocal(item.client_id, { status });
  }

  /** The server has the action: it leaves the outbox and is known by its id from now on. */
  acknowledge(clientId, actionId, status) {
    const had = this.outbox.length;
    this.outbox = this.outbox.filter(x => x.client_id !== clientId);
    if (this.outbox.length !== had) this.saveOutbox();
    if (!actionId) return;
    this.setStatus(actionId, { status: status || 'pending' });
    this.setLocal(clientId, { status: 'acked', actionId });
  }

  refuse(clientId, reason) {
    this.outbox = this.outbox.filter(x => x.client_id !== clientId);
    this.saveOutbox();
    this.setLocal(clientId, { status: 'refused', reason });
  }

  saveOutbox() { store.set(this.key + ':outbox', this.outbox); }
}
