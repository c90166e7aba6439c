// The DM's edits and retractions (docs/protocol.md §3.7.19): an `edit` or `retract` event names
// the message it changes by `ref`. Stored events never change, so the feed keeps the newest
// change per ref and draws the message through it: the new text with an "edited" mark, or a
// "retracted" line instead of the text. An edit may arrive before its message (paging back).
import { h } from './util.js';

export function isEdit(ev) {
  return !!ev && (ev.type === 'edit' || ev.type === 'retract') && typeof ev.ref === 'number';
}

export class Edits {
  constructor() { this.byRef = new Map(); } // ref seq → {seq, text?, label?, retracted?}

  /** Records a change; true when it is new (not already known). */
  note(ev) {
    const cur = this.byRef.get(ev.ref) || { seq: 0 };
    if (ev.type === 'retract') {
      if (cur.retracted) return false;
      cur.retracted = true;
    } else {
      if (ev.seq <= cur.seq) return false;
      cur.seq = ev.seq;
      if (typeof ev.text === 'string') cur.text = ev.text;
      if (typeof ev.label === 'string') cur.label = ev.label;
    }
    this.byRef.set(ev.ref, cur);
    return true;
  }

  noteAll(events) { for (const ev of events) if (isEdit(ev)) this.note(ev); }

  /** The event as it should be shown now (a copy when changed). */
  apply(ev) {
    const e = typeof ev.seq === 'number' ? this.byRef.get(ev.seq) : null;
    if (!e) return ev;
    if (e.retracted) return { ...ev, retracted: true };
    return { ...ev, text: e.text ?? ev.text, label: e.label ?? ev.label, edited: true };
  }

  /** What a retracted message becomes: no trace of its text. */
  static retractedItem(ev) {
    return h('article', { class: 'msg retracted', 'data-testid': 'msg-retracted' },
      h('p', { class: 'text muted', text: 'The DM retracted this message.' }),
      h('div', { class: 'meta' }, h('span', { class: 'label edited-mark', text: 'retracted' })));
  }

  /** Adds the "edited" mark to a drawn item. */
  static mark(item) {
    item.classList.add('edited');
    const where = item.querySelector('.meta') || item;
    where.append(h('span', { class: 'label edited-mark', 'data-testid': 'edited-mark', text: 'edited' }));
  }
}
