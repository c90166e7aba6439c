// The player's action box: sending over the socket (or POST when it is down), an outbox kept
// in storage so offline sends survive a reload, and the queued → considering → done status.
import { h, store, newId, describeError } from './util.js';
import { statusText } from './feed.js';

const MAX_LEN = 2000;
const RANK = { sending: 0, offline: 0, pending: 1, processing: 2, resolved: 3, cancelled: 3, refused: 3 };

export class Actions {
  /** o: form, input, whisper, button, hint, feed, conn, api, key, me, onFatal */
  constructor(o) {
    Object.assign(this, o);
    this.outbox = store.get(this.key + ':outbox', []).map(x => ({ client_id: x.client_id, text: x.text, private: !!x.private, at: x.at }));
    this.statuses = store.get(this.key + ':status', {});
    this.sentOn = new Map(); // client_id → connection generation it was sent on
    this.generation = 0;
    this.gate = { canAct: true, reason: '' };
    this.form.addEventListener('submit', e => { e.preventDefault(); this.submit(); });
    this.input.addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.submit(); }
    });
    this.input.addEventListener('input', () => { this.hintLength(); this.grow(); });
    this.whisper.addEventListener('change', () => this.form.classList.toggle('whispering', this.whisper.checked));
  }

  status(action) {
    return this.statuses[action.id] || null;
  }

  saveOutbox() { store.set(this.key + ':outbox', this.outbox); }

  setStatus(actionId, s) {
    if (!actionId) return;
    const old = this.statuses[actionId];
    if (old && RANK[old.status] === 3 && RANK[s.status] < 3) return; // never undo a final state
    this.statuses[actionId] = s;
    const ids = Object.keys(this.statuses);
    if (ids.length > 300) for (const id of ids.slice(0, ids.length - 300)) delete this.statuses[id];
    store.set(this.key + ':status', this.statuses);
    this.feed.setStatus(actionId, s);
  }

  /** Gating from combat state, combined with the connection not mattering (offline sends queue). */
  setGate(g) {
    // A turn that just came round: a short buzz for a phone lying on the table.
    if (g.canAct && !this.gate.canAct && navigator.vibrate) { try { navigator.vibrate(200); } catch { /* not allowed */ } }
    this.gate = g;
    const off = !g.canAct;
    this.input.disabled = off;
    this.button.disabled = off;
    this.whisper.disabled = off;
    this.input.placeholder = off ? (g.reason || 'Wait for your turn') : 'What do you do?';
    this.form.classList.toggle('gated', off);
    this.hint.textContent = '';
  }

  /** The box grows with the text (up to the CSS max-height) instead of scrolling inside one line. */
  grow() {
    this.input.style.height = 'auto';
    this.input.style.height = `${this.input.scrollHeight + 2}px`;
  }

  hintLength() {
    const n = this.input.value.length;
    if (n > MAX_LEN - 200) this.hint.textContent = `${n} / ${MAX_LEN} characters`;
    else if (this.gate.canAct) this.hint.textContent = '';
  }

  submit() {
    if (!this.gate.canAct) return;
    const text = this.input.value.trim();
    if (!text) { this.input.focus(); return; }
    if (text.length > MAX_LEN) { this.hint.textContent = describeError('too_long'); return; }
    const item = { client_id: newId('c'), text, private: this.whisper.checked, at: Date.now() };
    this.outbox.push(item);
    this.saveOutbox();
    this.renderLocal(item, this.conn.isOpen ? 'sending' : 'offline');
    this.input.value = '';
    this.hintLength();
    this.grow();
    this.flush();
  }

  /** Shows an action the server has not confirmed yet, as the player said it. */
  renderLocal(item, status) {
    let el = this.localEl(item.client_id);
    if (!el) {
      el = h('article', { class: 'msg action mine local' + (item.private ? ' private' : ''), 'data-testid': 'msg-my-action', dataset: { clientId: item.client_id } },
        h('div', { class: 'meta' }, h('span', { class: 'label', text: item.private ? 'You — whispered to the DM' : 'You' })),
        h('p', { class: 'text said', text: item.text }),
        h('p', { class: 'chip status', 'data-testid': 'action-status' }));
      this.feed.insert(this.feed.list, el);
      this.feed.scrollToEnd(false);
    }
    const chip = el.querySelector('.status');
    chip.dataset.status = status;
    chip.textContent = statusText({ status });
  }

  localEl(clientId) {
    for (const el of this.feed.list.querySelectorAll('[data-client-id]')) if (el.dataset.clientId === clientId) return el;
    return null;
  }

  /** The socket (re)opened: everything unacknowledged goes again, same client_id, so nothing doubles. */
  onWelcome() {
    this.generation++;
    for (const item of this.outbox) this.renderLocal(item, 'sending');
    this.flush();
  }

  onDisconnect() {
    for (const item of this.outbox) this.renderLocal(item, 'offline');
  }

  async flush() {
    for (const item of [...this.outbox]) {
      if (this.sentOn.get(item.client_id) === this.generation && this.conn.isOpen) continue;
      const frame = { type: 'action', text: item.text, client_id: item.client_id, private: item.private };
      if (this.conn.send(frame)) { this.sentOn.set(item.client_id, this.generation); continue; }
      if (this.sentOn.get(item.client_id) === 'http') continue;
      this.sentOn.set(item.client_id, 'http');
      try {
        const r = await this.api('POST', '/api/actions', { text: item.text, client_id: item.client_id, private: item.private });
        if (r && r.action) this.ack(item.client_id, r.action.id, r.action.status || 'pending');
      } catch (e) {
        this.sentOn.delete(item.client_id);
        if (e.status === 0 || e.status >= 500) this.renderLocal(item, 'offline');
        else if (e.code === 'invalid_token' || e.code === 'seat_kicked') this.onFatal(e.code === 'seat_kicked' ? 'kicked' : 'invalid');
        else this.refuse(item.client_id, describeError(e.code, e.message));
      }
    }
  }

  ack(clientId, actionId, status) {
    const had = this.outbox.length;
    this.outbox = this.outbox.filter(x => x.client_id !== clientId);
    if (this.outbox.length !== had) this.saveOutbox();
    this.sentOn.delete(clientId);
    const el = this.localEl(clientId);
    if (el && actionId) {
      // The confirmed action event may already be on screen; otherwise the local item becomes it.
      if (this.feed.list.querySelector(`[data-action-id="${CSS.escape(actionId)}"]:not([data-client-id])`)) el.remove();
      else el.dataset.actionId = actionId;
    }
    if (actionId) this.setStatus(actionId, { status });
  }

  refuse(clientId, reason) {
    this.outbox = this.outbox.filter(x => x.client_id !== clientId);
    this.saveOutbox();
    this.sentOn.delete(clientId);
    const el = this.localEl(clientId);
    if (!el) return;
    el.classList.remove('local');
    el.classList.add('refused');
    const chip = el.querySelector('.status');
    chip.dataset.status = 'refused';
    chip.textContent = statusText({ status: 'refused', reason });
    const text = el.querySelector('.said').textContent;
    if (!el.querySelector('.retry')) {
      el.append(h('button', { type: 'button', class: 'link retry', text: 'Edit and try again', onclick: () => { this.input.value = text; this.input.focus(); el.remove(); } }));
    }
  }

  /** An action event from the server: drop the matching local copy. */
  onActionEvent(action) {
    if (!action || action.player_id !== this.me) return;
    for (const el of this.feed.list.querySelectorAll('[data-client-id]')) {
      if (el.dataset.clientId === action.client_id || el.dataset.actionId === action.id) {
        if (el.classList.contains('refused')) continue;
        el.remove();
      }
    }
    if (action.client_id && this.outbox.some(x => x.client_id === action.client_id)) {
      this.ack(action.client_id, action.id, action.status || 'pending');
    }
  }

  /** action_status / error frames for this seat. */
  onState(msg) {
    if (msg.type === 'action_status') {
      const s = { status: msg.status, reason: msg.reason };
      if (msg.client_id && this.outbox.some(x => x.client_id === msg.client_id)) this.ack(msg.client_id, msg.action_id, msg.status);
      this.setStatus(msg.action_id, s);
      return true;
    }
    if (msg.type === 'error' && msg.client_id) {
      this.refuse(msg.client_id, describeError(msg.code, msg.message));
      return true;
    }
    return false;
  }

  /** Statuses are not replayed: ask the server about our recent unfinished actions. */
  async refreshOpen() {
    const open = [];
    for (const el of this.feed.list.querySelectorAll('.msg.mine[data-action-id]')) {
      const st = el.querySelector('.status');
      if (st && (st.dataset.status === 'pending' || st.dataset.status === 'processing')) open.push(el.dataset.actionId);
    }
    for (const id of open.slice(-20)) {
      try {
        const r = await this.api('GET', `/api/actions/${encodeURIComponent(id)}`);
        if (r && r.action) this.setStatus(id, { status: r.action.status, reason: r.action.reason || r.action.cancel_reason });
      } catch { /* keep what we show */ }
    }
  }
}
