// The player's action box: sending over the socket (or POST when it is down) and the local
// items of actions the server has not confirmed yet. The outbox and every status live in the
// page state; this file sends, and draws what the state says.
import { h, newId, describeError } from './util.js';
import { paintChip } from './feed.js';
import { gating } from './combat.js';

const MAX_LEN = 2000;

export class Actions {
  /** o: form, input, whisper, button, hint, feed, conn, api, state, onFatal */
  constructor(o) {
    Object.assign(this, o);
    this.sentOn = new Map(); // client_id → connection generation it was sent on
    this.generation = 0;
    this.canAct = true;
    this.form.addEventListener('submit', e => { e.preventDefault(); this.submit(); });
    this.input.addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.submit(); }
    });
    this.input.addEventListener('input', () => { this.hintLength(); this.grow(); });
    // A whisper to the DM is never gated by turns (docs/combat.md): the switch lifts the gate.
    this.whisper.addEventListener('change', () => { this.form.classList.toggle('whispering', this.whisper.checked); this.drawGate(); });

    const s = this.state;
    s.subscribe('combat', () => this.drawGate());
    s.subscribe('local', id => this.drawLocal(id));
    s.subscribe('event', ({ ev }) => {
      if (ev.type !== 'action') return;
      this.dropConfirmed(ev.action);
      // Our action without a status the server confirmed (a new device, a replay): ask, once the burst is drawn.
      if (ev.action.player_id === s.me && !s.status(ev.action.id)) this.checkSoon();
    });
    s.subscribe('welcome', () => { this.generation++; s.markOutbox('sending'); this.flush(); this.refreshOpen(); });
    s.subscribe('connection', c => { if (c.state === 'offline') s.markOutbox('offline'); });
  }

  /** The outbox as the page restored it: shown at once, sent when the socket is up. */
  showOutbox() {
    for (const item of this.state.outbox) this.drawLocal(item.client_id);
  }

  /** Gating from combat state; the connection does not matter (offline sends queue). A whisper is never gated. */
  drawGate() {
    const g = gating(this.state.combat, this.state.me, 'player');
    const whisper = this.whisper.checked;
    this.gatedReason = g.canAct ? '' : g.reason;
    this.canAct = g.canAct || whisper;
    const off = !this.canAct;
    this.input.disabled = off;
    this.button.disabled = off;
    this.whisper.disabled = false;
    // The placeholder stays one short line (a long one is clipped in a one-row box); the reason goes to the hint.
    this.input.placeholder = off ? 'Wait for your turn…' : (!g.canAct ? 'Whisper to the DM…' : 'What do you do?');
    this.form.classList.toggle('gated', off);
    this.hint.textContent = off ? (g.reason || '') + ' You can still whisper the DM.' : '';
  }

  /** The box grows with the text (up to the CSS max-height) instead of scrolling inside one line. */
  grow() {
    this.input.style.height = 'auto';
    this.input.style.height = `${this.input.scrollHeight + 2}px`;
  }

  hintLength() {
    const n = this.input.value.length;
    if (n > MAX_LEN - 200) this.hint.textContent = `${n} / ${MAX_LEN} characters`;
    else if (this.canAct) this.hint.textContent = this.gatedReason ? 'Only the DM will see this.' : '';
  }

  submit() {
    if (!this.canAct) return;
    const text = this.input.value.trim();
    if (!text) { this.input.focus(); return; }
    if (text.length > MAX_LEN) { this.hint.textContent = describeError('too_long'); return; }
    const item = { client_id: newId('c'), text, private: this.whisper.checked, at: Date.now() };
    this.state.queue(item, this.conn.isOpen ? 'sending' : 'offline');
    this.input.value = '';
    this.hintLength();
    this.grow();
    this.flush();
  }

  localEl(clientId) {
    for (const el of this.feed.list.querySelectorAll('[data-client-id]')) if (el.dataset.clientId === clientId) return el;
    return null;
  }

  /** Draws an action the server has not confirmed yet, as the player said it, from its local status. */
  drawLocal(clientId) {
    const l = this.state.localStatus(clientId);
    let el = this.localEl(clientId);
    if (!l) return;
    if (l.status === 'acked') { this.sentOn.delete(clientId); this.relabel(el, l.actionId); return; }
    if (l.status === 'refused') { this.sentOn.delete(clientId); this.drawRefused(el, l.reason); return; }
    if (!el) {
      const item = this.state.outbox.find(x => x.client_id === clientId);
      if (!item) return;
      el = h('article', { class: 'msg action mine local' + (item.private ? ' private' : ''), 'data-testid': 'msg-my-action', dataset: { clientId } },
        h('div', { class: 'meta' }, h('span', { class: 'label', text: item.private ? 'You — whispered to the DM' : 'You' })),
        h('p', { class: 'text said', text: item.text }),
        h('p', { class: 'chip status', 'data-testid': 'action-status' }));
      this.feed.insert(this.feed.list, el);
      this.feed.scrollToEnd(false);
    }
    paintChip(el.querySelector('.status'), l);
  }

  /** Acknowledged: the confirmed action event may already be on screen; otherwise the local item stands in for it. */
  relabel(el, actionId) {
    if (!el) return;
    if (this.feed.list.querySelector(`[data-action-id="${CSS.escape(actionId)}"]:not([data-client-id])`)) { el.remove(); return; }
    el.dataset.actionId = actionId;
    const s = this.state.status(actionId);
    if (s) paintChip(el.querySelector('.status'), s);
  }

  drawRefused(el, reason) {
    if (!el) return;
    el.classList.remove('local');
    el.classList.add('refused');
    paintChip(el.querySelector('.status'), { status: 'refused', reason });
    const text = el.querySelector('.said').textContent;
    if (!el.querySelector('.retry')) {
      el.append(h('button', { type: 'button', class: 'link retry', text: 'Edit and try again', onclick: () => { this.input.value = text; this.input.focus(); el.remove(); } }));
    }
  }

  /** An action event from the server: its local copy goes. */
  dropConfirmed(action) {
    if (action.player_id !== this.state.me) return;
    for (const el of this.feed.list.querySelectorAll('[data-client-id]')) {
      if (el.classList.contains('refused')) continue;
      if (el.dataset.clientId === action.client_id || el.dataset.actionId === action.id) el.remove();
    }
  }

  /** Everything unacknowledged goes again, same client_id, so nothing doubles. */
  async flush() {
    for (const item of [...this.state.outbox]) {
      if (this.sentOn.get(item.client_id) === this.generation && this.conn.isOpen) continue;
      const frame = { type: 'action', text: item.text, client_id: item.client_id, private: item.private };
      if (this.conn.send(frame)) { this.sentOn.set(item.client_id, this.generation); continue; }
      if (this.sentOn.get(item.client_id) === 'http') continue;
      this.sentOn.set(item.client_id, 'http');
      try {
        const r = await this.api('POST', '/api/actions', { text: item.text, client_id: item.client_id, private: item.private });
        if (r && r.action) this.state.acknowledge(item.client_id, r.action.id, r.action.status);
      } catch (e) {
        this.sentOn.delete(item.client_id);
        if (e.status === 0 || e.status >= 500) this.state.setLocal(item.client_id, { status: 'offline' });
        else if (e.code === 'invalid_token' || e.code === 'seat_kicked') this.onFatal(e.code === 'seat_kicked' ? 'kicked' : 'invalid');
        else this.state.refuse(item.client_id, describeError(e.code, e.message));
      }
    }
  }

  checkSoon() {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.refreshOpen(), 300);
  }

  /** Statuses are not replayed: ask the server about our recent unfinished actions. */
  async refreshOpen() {
    const ids = new Set([...this.state.openActions(50), ...this.feed.unknownActions()]);
    for (const id of ids) {
      try {
        const r = await this.api('GET', `/api/actions/${encodeURIComponent(id)}`);
        if (r && r.action) this.state.setStatus(id, { status: r.action.status, reason: r.action.reason });
      } catch { /* keep what we show */ }
    }
  }
}
