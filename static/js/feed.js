// The narrative feed: renders stored events in seq order, follows new messages unless the
// reader scrolled up (then a "new messages" pill), mirrors private items into their own list.
// The DOM holds at most DOM_CAP messages: older ones come back with "Load earlier messages"
// (from the page state's cache, then GET /api/events?before=SEQ). Catch-ups render in one batch.
import { h, fmtTime } from './util.js';
import { rollCard } from './roll-card.js';
import { sheetChangeItem } from './sheet-story.js';
import { Edits, isEdit } from './edits.js';
import { handoutCard } from './handout-card.js';

/** Messages kept in the DOM (per list) while the reader follows the end. */
export const DOM_CAP = 150;
const PAGE = 50;
// A catch-up comes as one socket message per event, or in pages of GET /api/events: the batch
// waits for a pause in the stream (the catch-up's end flushes at once, with its "restored"
// notice), and shows progress every BATCH_MAX_MS on a slow link (docs/benchmarks.md, page).
const BATCH_GAP_MS = 250;
const BATCH_MAX_MS = 1000;

const STATUS_TEXT = {
  sending: 'Sending…',
  offline: 'Waiting for connection…',
  unknown: 'Checking…',
  pending: 'Queued',
  processing: 'The DM is considering it',
  resolved: 'Done',
  cancelled: 'Refused',
  refused: 'Refused',
};

export function statusText(s) {
  const label = STATUS_TEXT[s.status] || s.status;
  return s.reason ? `${label}: ${s.reason}` : label;
}

/** Draws a status chip: its word for the CSS, its text for people. */
export function paintChip(chip, s) {
  chip.dataset.status = s.status;
  chip.textContent = statusText(s);
}

// The page's own status book (the DM's, which knows every action): used by feeds whose ctx
// has no status of its own, e.g. "view as".
let statusSource = () => null;
export function setStatusSource(fn) { statusSource = fn || (() => null); }

/** A roll the server let through with a non-public visibility (private to a player, or blind). */
export function isHiddenRoll(ev) {
  return ev.type === 'roll' && (ev.visibility === 'private' || ev.visibility === 'dm' || ev.visibility === 'blind');
}

export function isSecret(ev) {
  return ev.type === 'private' || ev.type === 'dm_note' || isHiddenRoll(ev)
    || (ev.type === 'action' && ev.action && ev.action.private === true);
}

/** Who rolled: v2 rolls carry `by` (a seat id or "dm"), v1 rolls `for` (the player rolled for). */
export function rollerOf(ev) { return ev.by || ev.for || 'dm'; }

export class Feed {
  /**
   * o.list (scroll container), o.pill, o.secrets (optional list), o.ctx: {role, me, name(id), status(actionId)},
   * o.loadEarlier (optional async (beforeSeq) => {events, has_more}), o.timestamps (default true),
   * o.decorate (optional (item, ev) => void: e.g. the DM's edit buttons)
   */
  constructor(o) {
    Object.assign(this, o);
    this.seen = new Set();     // seqs drawn in the list right now
    this.evs = new Map();      // seq → event drawn in the list (so a trimmed one can come back)
    this.unread = 0;
    this.pending = [];         // a catch-up waiting for its one batch
    this.batchTimer = 0;
    this.olderOnServer = !!o.loadEarlier;
    this.dropped = [];         // events trimmed from the DOM, oldest first (bounded)
    this.onSecret = o.onSecret || (() => {});
    this.edits = new Edits(); // the DM's edits and retractions, by the seq they change
    if (this.timestamps === undefined) this.timestamps = true;
    this.pinned = true;
    this.list.addEventListener('scroll', () => {
      this.pinned = this.atBottom();
      if (this.pinned) this.hidePill();
    }, { passive: true });
    if (window.ResizeObserver) {
      new ResizeObserver(() => { if (this.pinned) this.list.scrollTop = this.list.scrollHeight; }).observe(this.list);
    }
    if (this.pill) this.pill.addEventListener('click', () => this.scrollToEnd(true));
    this.moreBtn = h('button', { type: 'button', class: 'btn ghost load-earlier', 'data-testid': 'load-earlier', hidden: true, onclick: () => this.earlier() },
      'Load earlier messages');
    this.list.prepend(this.moreBtn);
  }

  atBottom() {
    const l = this.list;
    return l.scrollHeight - l.scrollTop - l.clientHeight < 48;
  }

  scrollToEnd(smooth) {
    const l = this.list;
    l.scrollTo({ top: l.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
    this.pinned = true;
    this.hidePill();
  }

  hidePill() {
    this.unread = 0;
    if (this.pill) this.pill.hidden = true;
  }

  clear() {
    clearTimeout(this.batchTimer);
    this.pending = [];
    this.seen.clear();
    this.evs.clear();
    this.dropped = [];
    this.list.replaceChildren(this.moreBtn);
    this.moreBtn.hidden = true;
    this.olderOnServer = !!this.loadEarlier;
    if (this.secrets) this.secrets.replaceChildren();
    this.hidePill();
  }

  has(seq) { return this.seen.has(seq); }

  /** Adds many events at once (cache restore, view-as): only the newest DOM_CAP are drawn. */
  addMany(events) {
    this.pending.push(...events);
    this.flush();
    this.scrollToEnd(false);
  }

  add(ev, opts = {}) {
    // A catch-up (replay, resync) is drawn in one batch with one layout.
    if (opts.replay || opts.quiet) {
      this.pending.push(ev);
      if (opts.replay && this.secrets && isSecret(ev) && ev.type !== 'action') this.onSecret(ev);
      this.batchCount = (this.batchCount || 0) + 1;
      if (!this.batchTimer) {
        this.batchStart = performance.now();
        this.batchArmed = this.batchCount;
        this.batchTimer = setTimeout(() => this.batchDue(!!opts.replay), opts.replay ? BATCH_GAP_MS : 0);
      }
      return;
    }
    if (this.pending.length) this.flush();
    if (this.seen.has(ev.seq)) return;
    const follow = this.pinned || this.atBottom();
    if (!this.draw(ev, this.list, null)) return;
    if (this.secrets && isSecret(ev) && ev.type !== 'action') this.onSecret(ev);
    this.trim();
    if (follow) this.scrollToEnd(false);
    else if (this.pill) {
      this.unread++;
      this.pill.textContent = this.unread === 1 ? '1 new message ↓' : `${this.unread} new messages ↓`;
      this.pill.hidden = false;
    }
  }

  /** The batch timer: a replay still streaming waits on (one timer per pause, not one per event). */
  batchDue(replay) {
    if (replay && this.batchCount !== this.batchArmed && performance.now() - this.batchStart < BATCH_MAX_MS) {
      this.batchArmed = this.batchCount;
      this.batchTimer = setTimeout(() => this.batchDue(true), BATCH_GAP_MS);
      return;
    }
    this.flush();
    if (this.pinned) this.scrollToEnd(false);
  }

  /** Draws what is pending: the newest DOM_CAP of it, in one fragment per list (one layout). */
  flush() {
    clearTimeout(this.batchTimer);
    this.batchTimer = 0;
    if (!this.pending.length) return;
    const fresh = this.pending.filter(ev => !this.seen.has(ev.seq));
    this.pending = [];
    this.edits.noteAll(fresh); // an edit in the same batch as its message: drawn edited at once
    fresh.sort((a, b) => a.seq - b.seq);
    const skip = Math.max(0, fresh.length - DOM_CAP);
    if (skip) this.remember(fresh.slice(0, skip));
    const drawn = fresh.slice(skip);
    const last = this.lastDrawnSeq();
    if (last != null && drawn.length && drawn[0].seq < last) {
      for (const ev of drawn) this.draw(ev, this.list, null); // out of order: one by one, in place
    } else {
      const frag = document.createDocumentFragment();
      const secretFrag = this.secrets ? document.createDocumentFragment() : null;
      for (const ev of drawn) this.draw(ev, frag, secretFrag);
      this.insertFragment(this.list, frag);
      if (secretFrag && secretFrag.childNodes.length) this.insertFragment(this.secrets, secretFrag);
    }
    this.trim();
  }

  lastDrawnSeq() {
    const items = this.list.querySelectorAll(':scope > [data-seq]');
    return items.length ? Number(items[items.length - 1].dataset.seq) : null;
  }

  insertFragment(list, frag) {
    const firstLocal = list.querySelector(':scope > .local');
    if (firstLocal) list.insertBefore(frag, firstLocal);
    else list.append(frag);
  }

  /** Renders one event into a list (or a fragment), and its copy into the Secrets list. */
  draw(ev, target, secretTarget) {
    const item = this.render(ev);
    this.seen.add(ev.seq);
    if (!item) return false;
    this.evs.set(ev.seq, ev);
    item.dataset.seq = String(ev.seq);
    if (target === this.list) this.insert(this.list, item, ev.seq);
    else target.append(item);
    if (this.secrets && isSecret(ev) && ev.type !== 'action') {
      const copy = this.render(ev);
      copy.dataset.seq = String(ev.seq);
      if (secretTarget) secretTarget.append(copy);
      else this.insert(this.secrets, copy, ev.seq);
    }
    return true;
  }

  /** Keeps the DOM bounded while the reader follows the end (a reader scrolled up keeps what they loaded). */
  trim() {
    if (!this.pinned) return;
    for (const list of [this.list, this.secrets]) {
      if (!list) continue;
      const items = list.querySelectorAll(':scope > [data-seq]');
      const extra = items.length - DOM_CAP;
      if (extra <= 0) continue;
      const gone = [];
      for (let i = 0; i < extra; i++) {
        const seq = Number(items[i].dataset.seq);
        items[i].remove();
        if (list !== this.list) continue;
        this.seen.delete(seq);
        const ev = this.evs.get(seq);
        this.evs.delete(seq);
        if (ev) gone.push(ev);
      }
      if (gone.length) this.remember(gone);
    }
    this.moreBtn.hidden = !this.dropped.length && !this.olderOnServer;
  }

  remember(events) {
    this.dropped.push(...events);
    this.dropped.sort((a, b) => a.seq - b.seq);
    if (this.dropped.length > DOM_CAP * 2) this.dropped = this.dropped.slice(-DOM_CAP * 2);
    this.moreBtn.hidden = false;
  }

  firstSeq() {
    const first = this.list.querySelector(':scope > [data-seq]');
    return first ? Number(first.dataset.seq) : null;
  }

  /** "Load earlier messages": what was trimmed first, then older pages from the server. */
  async earlier() {
    const first = this.firstSeq();
    let batch = this.dropped.filter(ev => first == null || ev.seq < first).slice(-PAGE);
    this.dropped = this.dropped.filter(ev => !batch.includes(ev));
    if (!batch.length && this.loadEarlier && this.olderOnServer) {
      this.moreBtn.disabled = true;
      try {
        const page = await this.loadEarlier(first ?? Number.MAX_SAFE_INTEGER);
        batch = page.events || [];
        this.olderOnServer = !!page.has_more;
      } catch { /* keep the button: try again later */ }
      this.moreBtn.disabled = false;
    }
    if (!batch.length) { this.olderOnServer = false; this.moreBtn.hidden = !this.dropped.length; return; }
    this.pinned = false;
    this.edits.noteAll(batch);
    const list = this.list;
    const before = list.scrollHeight - list.scrollTop;
    const frag = document.createDocumentFragment();
    for (const ev of batch.sort((a, b) => a.seq - b.seq)) {
      if (this.seen.has(ev.seq)) continue;
      const item = this.render(ev);
      this.seen.add(ev.seq);
      if (!item) continue;
      this.evs.set(ev.seq, ev);
      item.dataset.seq = String(ev.seq);
      frag.append(item);
    }
    this.moreBtn.after(frag);
    list.scrollTop = list.scrollHeight - before; // the reader stays where they were
    this.moreBtn.hidden = !this.dropped.length && !this.olderOnServer;
  }

  /** Inserts keeping seq order (events normally arrive in order; local items have no seq). */
  insert(list, item, seq) {
    if (typeof seq === 'number') {
      item.dataset.seq = String(seq);
      const last = this.lastIn(list);
      if (last && Number(last.dataset.seq) > seq) {
        for (const child of list.children) {
          if (child.dataset.seq && Number(child.dataset.seq) > seq) { list.insertBefore(item, child); return; }
        }
      }
    }
    // Local (unsent) items stay at the end, below everything the server confirmed.
    const firstLocal = list.querySelector(':scope > .local');
    if (firstLocal && !item.classList.contains('local')) list.insertBefore(item, firstLocal);
    else list.append(item);
  }

  lastIn(list) {
    const items = list.querySelectorAll(':scope > [data-seq]');
    return items.length ? items[items.length - 1] : null;
  }

  /** A message that is not stored (system notices, restored-count banners). */
  notice(text, kind = 'system') {
    if (this.pending.length) this.flush();
    const follow = this.pinned || this.atBottom();
    const list = this.list;
    // One "N missed messages restored" at a time: a newer count replaces the older line.
    if (kind === 'restored') for (const old of list.querySelectorAll(':scope > .msg.restored')) old.remove();
    const item = h('div', { class: `msg ${kind}`, role: 'note', 'data-testid': `notice-${kind}` }, h('p', { class: 'text', dir: 'auto', text }));
    this.insert(list, item);
    if (follow) this.scrollToEnd(false);
  }

  /** Names arrive with the party after a cached story was drawn: relabel what shows a raw id. */
  relabel() {
    for (const root of [this.list, this.secrets]) {
      if (!root) continue;
      for (const el of root.querySelectorAll('[data-who]')) {
        const ids = el.dataset.who.split(' ');
        const names = ids.map(id => this.ctx.name(id)).join(', ');
        el.textContent = (el.dataset.prefix || '') + names + (el.dataset.suffix || '');
      }
    }
  }

  /** A label naming seats, redrawn by relabel() once names are known. */
  who(ids, prefix = '', suffix = '') {
    const c = this.ctx;
    return h('span', { class: 'label', dir: 'auto', dataset: { who: ids.join(' '), prefix, suffix }, text: prefix + ids.map(id => c.name(id)).join(', ') + suffix });
  }

  /** Draws an event through the edits; an edit or retraction redraws its message and has no line of its own. */
  render(ev) {
    if (isEdit(ev)) {
      if (this.edits.note(ev)) this.redraw(ev.ref);
      return null;
    }
    const shown = this.edits.apply(ev);
    if (shown.retracted) return Edits.retractedItem(shown);
    const item = this.renderEvent(shown);
    if (item && shown.edited) Edits.mark(item);
    if (item && this.decorate) this.decorate(item, shown);
    return item;
  }

  /** Replaces the drawn copies of one message (story and Secrets) after an edit. */
  redraw(seq) {
    const ev = this.evs.get(seq);
    if (!ev) return;
    for (const root of [this.list, this.secrets]) {
      if (!root) continue;
      const old = root.querySelector(`:scope > [data-seq="${seq}"]`);
      if (!old) continue;
      const item = this.render(ev);
      if (!item) continue;
      item.dataset.seq = String(seq);
      if (old.classList.contains('latest')) item.classList.add('latest');
      old.replaceWith(item);
    }
  }

  renderEvent(ev) {
    const c = this.ctx;
    const meta = (label) => h('div', { class: 'meta' },
      label == null ? null : typeof label === 'string' ? h('span', { class: 'label', dir: 'auto', text: label }) : label,
      this.timestamps ? h('time', { datetime: ev.ts || '', text: fmtTime(ev.ts) }) : null);
    const text = (t, cls = 'text') => h('p', { class: cls, dir: 'auto', text: t });
    switch (ev.type) {
      case 'narrative':
        return h('article', { class: 'msg narrative', dir: 'auto', 'data-testid': 'msg-narrative' },
          text(ev.text), meta(null));
      case 'private': {
        const label = c.role === 'player' ? 'Private — only you see this' : this.who(ev.to || [], 'Whisper to ');
        return h('article', { class: 'msg private', 'data-testid': 'msg-private' }, meta(label), text(ev.text));
      }
      case 'dm_note':
        return h('article', { class: 'msg dm-note', 'data-testid': 'msg-dm-note' },
          meta('DM note — only you see this'), text(ev.text));
      case 'roll': return rollCard(ev, this.ctx, meta);
      case 'sheet_change': return sheetChangeItem(ev, this.ctx, meta);
      case 'handout': return handoutCard(ev, this.ctx, meta);
      case 'action': return this.renderAction(ev, meta);
      default: return null;
    }
  }

  renderAction(ev, meta) {
    const c = this.ctx;
    const a = ev.action;
    const mine = c.role === 'player' && a.player_id === c.me;
    const cls = 'msg action' + (mine ? ' mine' : '') + (a.private ? ' private' : '');
    const label = mine ? h('span', { class: 'label', text: a.private ? 'You — whispered to the DM' : 'You' })
      : this.who([a.player_id], '', a.private ? ' — whispered to the DM' : '');
    const item = h('article', { class: cls, 'data-testid': mine ? 'msg-my-action' : 'msg-action', dataset: { actionId: a.id } },
      meta(label),
      h('p', { class: 'text said', dir: 'auto', text: a.text }));
    if (mine || c.role === 'dm') {
      // The event's own status is the one it had when submitted: never shown as current (docs/web-app.md).
      const s = c.status(a.id) || statusSource(a.id) || { status: 'unknown' };
      item.append(h('p', { class: 'chip status', dataset: { status: s.status }, 'data-testid': 'action-status', text: statusText(s) }));
    }
    return item;
  }

  /** Updates the status chip of an action already on screen. */
  setStatus(actionId, s) {
    for (const root of [this.list, this.secrets]) {
      if (!root) continue;
      for (const item of root.querySelectorAll('[data-action-id]')) {
        if (item.dataset.actionId !== actionId) continue;
        const chip = item.querySelector('.status');
        if (chip) paintChip(chip, s);
      }
    }
  }

  /** Action ids on screen whose chip still waits for the server's word. */
  unknownActions() {
    return [...this.list.querySelectorAll('[data-action-id] .status[data-status=unknown]')]
      .map(chip => chip.closest('[data-action-id]').dataset.actionId);
  }
}
