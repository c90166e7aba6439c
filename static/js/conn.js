// The WebSocket session: auth, welcome, replay from the last seen seq, resync paging,
// ping/pong, watchdog and reconnect with back-off. Knows nothing about rendering; the last
// seq it resumes from is the page state's.

const SILENCE_MS = 60_000;      // the protocol: reconnect when nothing was heard for 60 s
const MAX_BACKOFF_MS = 30_000;

export class Connection {
  /**
   * @param {object} o
   * o.token, o.api, o.state (lastSeq, setLastSeq, resetHistory: the state stores the seq), and callbacks:
   * onWelcome(msg), onEvent(ev, {replay}), onState(msg), onStatus(state, detail),
   * onFatal(kind), onRestored(count)
   */
  constructor(o) {
    Object.assign(this, o);
    this.ws = null;
    this.welcomed = false;
    this.attempts = 0;
    this.stopped = false;
    this.timer = 0;
    this.watchdog = 0;
    this.replay = null;
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
  }

  get isOpen() { return !!this.ws && this.ws.readyState === WebSocket.OPEN && this.welcomed; }

  start() { this.stopped = false; this.connect(); }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
    if (this.ws) { try { this.ws.close(1000); } catch { /* already closed */ } }
  }

  /** Skip the back-off wait (network came back, tab became visible, user tapped retry). */
  reconnectNow() {
    if (this.stopped || this.ws) return;
    clearTimeout(this.timer);
    this.connect();
  }

  send(obj) {
    if (!this.isOpen) return false;
    try { this.ws.send(JSON.stringify(obj)); return true; } catch { return false; }
  }

  connect() {
    clearTimeout(this.timer);
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    let ws;
    try { ws = new WebSocket(`${proto}//${location.host}/ws`); } catch { this.scheduleReconnect(); return; }
    this.ws = ws;
    this.welcomed = false;
    this.onStatus('connecting');
    ws.onopen = () => {
      const auth = { type: 'auth', token: this.token };
      if (this.state.lastSeq != null) auth.last_seq = this.state.lastSeq;
      ws.send(JSON.stringify(auth));
      this.armWatchdog();
    };
    ws.onmessage = m => this.receive(m.data);
    ws.onclose = e => this.closed(ws, e);
    ws.onerror = () => { /* a close event follows */ };
  }

  armWatchdog() {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      // Silent for too long: drop the socket and reconnect.
      if (this.ws) { try { this.ws.close(4000, 'silent'); } catch { /* ignore */ } }
    }, SILENCE_MS);
  }

  receive(data) {
    this.armWatchdog();
    let msg;
    try { msg = JSON.parse(data); } catch { return; }
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'welcome': this.welcome(msg); break;
      case 'resync': this.resync(msg); break;
      case 'ping': this.send({ type: 'pong' }) || this.rawSend({ type: 'pong' }); break;
      default:
        if (typeof msg.seq === 'number') this.event(msg);
        else this.onState(msg);
    }
  }

  rawSend(obj) {
    try { this.ws && this.ws.send(JSON.stringify(obj)); } catch { /* ignore */ }
  }

  welcome(msg) {
    this.welcomed = true;
    this.attempts = 0;
    const prev = this.state.lastSeq;
    // The server's history is shorter than what we hold: a new game in this data folder.
    if (prev != null && msg.last_seq < prev) this.state.resetHistory();
    const target = msg.last_seq;
    const held = this.state.lastSeq;
    this.replay = held != null && target > held ? { target, count: 0 } : null;
    this.onStatus('online');
    this.onWelcome(msg);
  }

  event(ev) {
    const held = this.state.lastSeq;
    if (held != null && ev.seq <= held) return; // already held
    this.state.setLastSeq(ev.seq);
    const replay = !!this.replay && ev.seq <= this.replay.target;
    if (replay) this.replay.count++;
    this.onEvent(ev, { replay });
    if (this.replay && ev.seq >= this.replay.target) this.finishReplay();
  }

  finishReplay() {
    const n = this.replay ? this.replay.count : 0;
    this.replay = null;
    if (n > 0) this.onRestored(n);
  }

  /** More than 1,000 to replay: page GET /api/events from our own last_seq. */
  async resync(msg) {
    const target = msg.last_seq;
    let count = 0;
    try {
      for (let guard = 0; guard < 500; guard++) {
        const after = this.state.lastSeq ?? 0;
        const page = await this.api('GET', `/api/events?after=${after}&limit=1000`);
        for (const ev of page.events) {
          const held = this.state.lastSeq;
          if (held != null && ev.seq <= held) continue;
          this.state.setLastSeq(ev.seq);
          this.onEvent(ev, { replay: true });
          count++;
        }
        if (!page.has_more || !page.events.length) break;
        if (this.state.lastSeq >= target) break;
      }
    } catch {
      // Paging failed: the next reconnect asks again from the last seq we reached.
    }
    this.replay = null;
    if (count > 0) this.onRestored(count);
  }

  closed(ws, e) {
    if (ws !== this.ws) return;
    this.ws = null;
    this.welcomed = false;
    clearTimeout(this.watchdog);
    if (this.replay) this.finishReplay();
    if (this.stopped) return;
    switch (e.code) {
      case 4401: this.stopped = true; this.onFatal('invalid'); return;
      case 4403: this.stopped = true; this.onFatal('kicked'); return;
      case 4409: this.stopped = true; this.onFatal('tabs'); return;
      default: this.scheduleReconnect();
    }
  }

  scheduleReconnect() {
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.attempts, 5));
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    this.attempts++;
    this.onStatus('offline', { retryAt: Date.now() + delay });
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
