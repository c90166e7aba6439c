// The narrative feed: renders stored events in seq order, follows new messages unless the
// reader scrolled up (then a "new messages" pill), mirrors private items into their own list.
import { h, fmtTime } from './util.js';
import { rollCard } from './roll-card.js';

const STATUS_TEXT = {
  sending: 'Sending…',
  offline: 'Waiting for connection…',
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

/** A roll the server let through with a non-public visibility (private to a player, or blind). */
export function isHiddenRoll(ev) {
  return ev.type === 'roll' && (ev.visibility === 'private' || ev.visibility === 'dm' || ev.visibility === 'blind');
}

export function isSecret(ev) {
  return ev.type === 'private' || ev.type === 'dm_note' || isHiddenRoll(ev)
    || (ev.type === 'action' && ev.action && ev.action.private === true);
}

export class Feed {
  /**
   * o.list (scroll container), o.pill, o.secrets (optional list), o.ctx: {role, me, name(id), status(actionId)}
   */
  constructor(o) {
    Object.assign(this, o);
    this.seen = new Set();
    this.unread = 0;
    this.onSecret = o.onSecret || (() => {});
    // Whether the reader is following the end; kept across layout changes (bars growing, keyboard).
    this.pinned = true;
    this.list.addEventListener('scroll', () => {
      this.pinned = this.atBottom();
      if (this.pinned) this.hidePill();
    }, { passive: true });
    if (window.ResizeObserver) {
      new ResizeObserver(() => { if (this.pinned) this.list.scrollTop = this.list.scrollHeight; }).observe(this.list);
    }
    if (this.pill) this.pill.addEventListener('click', () => this.scrollToEnd(true));
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
    this.seen.clear();
    this.list.replaceChildren();
    if (this.secrets) this.secrets.replaceChildren();
    this.hidePill();
  }

  has(seq) { return this.seen.has(seq); }

  /** Adds many events without per-item scrolling work (cache restore, view-as). */
  addMany(events) {
    for (const ev of events) this.add(ev, { quiet: true });
    this.scrollToEnd(false);
  }

  add(ev, opts = {}) {
    if (this.seen.has(ev.seq)) return;
    this.seen.add(ev.seq);
    const follow = opts.quiet || this.pinned || this.atBottom();
    const item = this.render(ev);
    if (!item) return;
    this.insert(this.list, item, ev.seq);
    if (this.secrets && isSecret(ev) && ev.type !== 'action') {
      this.insert(this.secrets, this.render(ev), ev.seq);
      if (!opts.quiet) this.onSecret(ev);
    }
    if (opts.quiet) return;
    if (follow) this.scrollToEnd(false);
    else if (this.pill) {
      this.unread++;
      this.pill.textContent = this.unread === 1 ? '1 new message ↓' : `${this.unread} new messages ↓`;
      this.pill.hidden = false;
    }
  }

  /** Inserts keeping seq order (events normally arrive in order; local items have no seq). */
  insert(list, item, seq) {
    if (typeof seq === 'number') {
      item.dataset.seq = String(seq);
      const last = list.lastElementChild;
      if (last && last.dataset.seq && Number(last.dataset.seq) > seq) {
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

  /** A message that is not stored (system notices, restored-count banners). */
  notice(text, kind = 'system') {
    const follow = this.pinned || this.atBottom();
    this.list.append(h('div', { class: `msg ${kind}`, role: 'note', 'data-testid': `notice-${kind}` }, h('p', { class: 'text', text })));
    if (follow) this.scrollToEnd(false);
  }

  render(ev) {
    const c = this.ctx;
    const meta = (label) => h('div', { class: 'meta' },
      label ? h('span', { class: 'label', text: label }) : null,
      h('time', { datetime: ev.ts || '', text: fmtTime(ev.ts) }));
    switch (ev.type) {
      case 'narrative':
        return h('article', { class: 'msg narrative', 'data-testid': 'msg-narrative' },
          h('p', { class: 'text', text: ev.text }), meta(null));
      case 'private': {
        const toMe = c.role === 'player';
        const label = toMe ? 'Private — only you see this'
          : 'Whisper to ' + ev.to.map(id => c.name(id)).join(', ');
        return h('article', { class: 'msg private', 'data-testid': 'msg-private' },
          meta(label), h('p', { class: 'text', text: ev.text }));
      }
      case 'dm_note':
        return h('article', { class: 'msg dm-note', 'data-testid': 'msg-dm-note' },
          meta('DM note — only you see this'), h('p', { class: 'text', text: ev.text }));
      case 'roll': return rollCard(ev, this.ctx, meta);
      case 'action': return this.renderAction(ev, meta);
      default: return null;
    }
  }

  renderAction(ev, meta) {
    const c = this.ctx;
    const a = ev.action;
    const mine = c.role === 'player' && a.player_id === c.me;
    const cls = 'msg action' + (mine ? ' mine' : '') + (a.private ? ' private' : '');
    const who = mine ? 'You' : c.name(a.player_id);
    const label = a.private ? `${who} — whispered to the DM` : who;
    const item = h('article', { class: cls, 'data-testid': mine ? 'msg-my-action' : 'msg-action', dataset: { actionId: a.id } },
      meta(label),
      h('p', { class: 'text said', text: a.text }));
    if (mine || c.role === 'dm') {
      const s = c.status(a.id) || { status: a.status };
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
}
