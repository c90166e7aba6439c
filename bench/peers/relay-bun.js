// Reference relay on Bun for the PartyMode benchmark: the same protocol subset, per-viewer
// filter and durable log as relay.js (Node + ws), on Bun.serve, whose HTTP and WebSocket server
// is uWebSockets. Each frame is serialised once per event and sent socket by socket, as relay.js
// does; every event is appended to a log file (written to the OS) before anyone sees it.
//
//   bun relay-bun.js --data DIR --port N [--bind 127.0.0.1] [--campaign FILE]
//
// Writes DATA/dm.token once it listens. Stops on SIGTERM/SIGINT or POST /api/dm/shutdown.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const opts = { data: null, port: 0, bind: '127.0.0.1', campaign: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--data') opts.data = next();
    else if (a === '--port') opts.port = Number(next());
    else if (a === '--bind') opts.bind = next();
    else if (a === '--campaign') opts.campaign = next();
    else if (a.startsWith('--')) next(); // PartyMode-only options (rates, limits) are ignored
  }
  if (!opts.data) throw new Error('--data DIR is required');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
fs.mkdirSync(opts.data, { recursive: true, mode: 0o700 });

const characters = opts.campaign
  ? JSON.parse(fs.readFileSync(opts.campaign, 'utf8')).characters.map(c => ({ id: c.id, name: c.name }))
  : [{ id: 'thorin', name: 'Thorin' }, { id: 'elara', name: 'Elara' }, { id: 'vex', name: 'Vex' }, { id: 'gorm', name: 'Gorm' }];
const newToken = () => crypto.randomBytes(24).toString('base64url');
const seats = [
  ...characters.map(c => ({ seat: c.id, role: 'player', name: c.name, token: newToken() })),
  { seat: 'observer', role: 'observer', name: 'Observer', token: newToken() },
  { seat: 'dm', role: 'dm', name: 'DM', token: newToken() },
];
const byToken = new Map(seats.map(s => [s.token, s]));

const logFd = fs.openSync(path.join(opts.data, 'events.log'), 'a');
const append = obj => fs.writeSync(logFd, JSON.stringify(obj) + '\n');

let seq = 0;
let actionCounter = 0;
const events = [];
const actions = new Map();
const pending = [];
const clients = new Set();
let nextPingSlice = 0;
const started = Date.now();

function canSee(viewer, audience) {
  if (viewer.role === 'dm' || audience === 'public') return true;
  if (audience === 'party') return viewer.role === 'player';
  if (audience === 'dm') return false;
  return viewer.role === 'player' && audience.includes(viewer.seat);
}

function store(body, audience) {
  const ev = { ...body, seq: ++seq, ts: new Date().toISOString() };
  append({ audience, event: ev });
  const stored = { seq: ev.seq, audience, frame: JSON.stringify(ev) };
  events.push(stored);
  return stored;
}

function push(stored) {
  for (const ws of clients) {
    const v = ws.data.viewer;
    if (v && canSee(v, stored.audience)) ws.send(stored.frame);
  }
}

function sendState(filter, obj) {
  const frame = JSON.stringify(obj);
  for (const ws of clients) if (ws.data.viewer && filter(ws.data.viewer)) ws.send(frame);
}

const waiters = [];
function waitForAction(ms, signal) {
  return new Promise(resolve => {
    const w = { resolve, timer: null };
    const drop = () => { const i = waiters.indexOf(w); if (i >= 0) { waiters.splice(i, 1); clearTimeout(w.timer); resolve(undefined); } };
    w.timer = setTimeout(drop, ms);
    signal.addEventListener('abort', drop);
    waiters.push(w);
  });
}
function wakeWaiters() {
  while (waiters.length && pending.length) {
    const w = waiters.shift();
    clearTimeout(w.timer);
    w.resolve(pending.shift());
  }
}

const json = (status, obj) => new Response(obj === undefined ? '' : JSON.stringify(obj), { status, headers: { 'content-type': 'application/json' } });
const error = (status, code, message) => json(status, { error: { code, message } });

function viewerOf(req) {
  const h = req.headers.get('authorization') || '';
  return h.startsWith('Bearer ') ? byToken.get(h.slice(7)) : undefined;
}

async function readJson(req) {
  const text = await req.text();
  if (text.length > 1 << 20) throw new Error('too big');
  return JSON.parse(text);
}

const publicAction = a => ({ id: a.id, seq: a.seq, player_id: a.player_id, text: a.text, private: a.private, status: a.status, submitted_at: a.submitted_at, resolved_at: a.resolved_at });

async function handle(req, url) {
  const p = url.pathname;
  if (p === '/healthz') return json(200, { status: 'ok' });
  if (!p.startsWith('/api/')) return error(404, 'not_found', 'No such page.');
  const viewer = viewerOf(req);
  if (!viewer) return error(401, 'invalid_token', 'Missing or unknown token.');

  if (req.method === 'POST' && p === '/api/actions') {
    if (viewer.role !== 'player') return error(403, 'observer_cannot_act', 'Only players act.');
    let body;
    try { body = await readJson(req); } catch { return error(400, 'bad_json', 'Body is not JSON.'); }
    if (typeof body.text !== 'string' || body.text.trim() === '') return error(400, 'empty_action', 'Say what you do.');
    const a = {
      id: 'act_' + String(++actionCounter).padStart(6, '0'), seq: 0, player_id: viewer.seat, text: body.text,
      private: body.private === true, status: 'pending', submitted_at: new Date().toISOString(),
    };
    a.seq = seq + 1;
    const stored = store({ type: 'action', action: publicAction(a) }, a.private ? [a.player_id] : 'public');
    actions.set(a.id, a);
    pending.push(a.id);
    wakeWaiters();
    const res = json(202, { action: publicAction(a) });
    push(stored);
    return res;
  }

  if (viewer.role !== 'dm') return error(403, 'forbidden', 'DM only.');

  if (req.method === 'GET' && p === '/api/dm/seats') {
    return json(200, { seats: seats.map(s => ({ ...s, url: `http://${opts.bind}:${server.port}/play?token=${s.token}`, kicked: false })) });
  }
  if (req.method === 'GET' && p === '/api/dm/status') {
    const counts = { pending: 0, processing: 0, resolved: 0, cancelled: 0 };
    for (const a of actions.values()) counts[a.status]++;
    const conns = new Map();
    for (const ws of clients) if (ws.data.viewer) conns.set(ws.data.viewer.seat, (conns.get(ws.data.viewer.seat) || 0) + 1);
    return json(200, {
      version: 'bun-relay', uptime_seconds: (Date.now() - started) / 1000, queue: counts,
      seats: seats.filter(s => s.role !== 'dm').map(s => ({ seat: s.seat, role: s.role, name: s.name, connected: conns.has(s.seat), connections: conns.get(s.seat) || 0 })),
    });
  }
  if (req.method === 'GET' && p === '/api/events') {
    const after = Number(url.searchParams.get('after') || 0);
    const limit = Math.min(Number(url.searchParams.get('limit') || 100), 1000);
    const out = events.filter(e => e.seq > after).slice(0, limit);
    const last = out.length ? out[out.length - 1].seq : after;
    return json(200, { events: out.map(e => JSON.parse(e.frame)), last_seq: last, has_more: events.some(e => e.seq > last) && out.length === limit });
  }
  if (req.method === 'POST' && p === '/api/dm/actions/next') {
    const wait = Math.max(0, Math.min(60, Number(url.searchParams.get('wait') || 0)));
    let id = pending.shift();
    if (!id && wait > 0) id = await waitForAction(wait * 1000, req.signal);
    if (!id) return new Response(null, { status: 204 });
    const a = actions.get(id);
    a.status = 'processing';
    append({ action: id, status: a.status });
    const res = json(200, { action: publicAction(a) });
    sendState(v => v.role === 'dm' || v.seat === a.player_id, { type: 'action_status', action_id: a.id, status: a.status });
    return res;
  }
  const m = /^\/api\/dm\/actions\/([^/]+)\/resolve$/.exec(p);
  if (req.method === 'POST' && m) {
    const a = actions.get(m[1]);
    if (!a) return error(404, 'not_found', 'No such action.');
    if (a.status === 'resolved') return error(409, 'already_resolved', 'Already resolved.');
    let body;
    try { body = await readJson(req); } catch { return error(400, 'bad_json', 'Body is not JSON.'); }
    const stored = [];
    if (typeof body.narrative === 'string' && body.narrative !== '') {
      stored.push(store({ type: 'narrative', text: body.narrative, action_id: a.id, actor: a.player_id }, 'public'));
    }
    for (const [to, text] of Object.entries(body.private || {})) {
      stored.push(store({ type: 'private', text, to: [to], from: 'dm', action_id: a.id }, [to]));
    }
    a.status = 'resolved';
    a.resolved_at = new Date().toISOString();
    append({ action: a.id, status: a.status });
    const res = json(200, { action: publicAction(a) });
    for (const s of stored) push(s);
    sendState(v => v.role === 'dm' || v.seat === a.player_id, { type: 'action_status', action_id: a.id, status: a.status });
    return res;
  }
  if (req.method === 'POST' && p === '/api/dm/shutdown') {
    setTimeout(stop, 0);
    return json(200, { status: 'stopping' });
  }
  return error(404, 'not_found', 'No such endpoint.');
}

function onMessage(ws, data) {
  ws.data.lastHeard = Date.now();
  let msg;
  try { msg = JSON.parse(data); } catch { ws.send(JSON.stringify({ type: 'error', code: 'bad_json', message: 'Not JSON.' })); return; }
  if (ws.data.viewer) return; // pong and anything else: the connection is alive
  const seat = msg.type === 'auth' ? byToken.get(msg.token) : undefined;
  if (!seat) { ws.close(4401, 'invalid token'); return; }
  clearTimeout(ws.data.authTimer);
  ws.data.viewer = seat;
  const visible = events.filter(e => canSee(seat, e.audience));
  const newest = visible.length ? visible[visible.length - 1].seq : 0;
  ws.send(JSON.stringify({ type: 'welcome', role: seat.role, player_id: seat.role === 'player' ? seat.seat : null, name: seat.name, last_seq: newest }));
  const replay = typeof msg.last_seq !== 'number' ? visible.slice(-100) : visible.filter(e => e.seq > msg.last_seq);
  if (replay.length > 1000) ws.send(JSON.stringify({ type: 'resync', last_seq: msg.last_seq }));
  else for (const e of replay) ws.send(e.frame);
}

const server = Bun.serve({
  hostname: opts.bind,
  port: opts.port,
  async fetch(req, srv) {
    const url = new URL(req.url);
    if (url.pathname === '/ws') {
      if (srv.upgrade(req, { data: { viewer: null, lastHeard: Date.now(), pingSlice: nextPingSlice++ % 25, authTimer: null } })) return undefined;
      return error(400, 'not_websocket', 'Upgrade required.');
    }
    try { return await handle(req, url); } catch (err) { return error(500, 'internal', String(err && err.message)); }
  },
  websocket: {
    maxPayloadLength: 64 * 1024,
    perMessageDeflate: false,
    // The relay pings and closes silent sockets itself (as relay.js and PartyMode do).
    idleTimeout: 0,
    sendPings: false,
    open(ws) {
      clients.add(ws);
      ws.data.authTimer = setTimeout(() => { if (!ws.data.viewer) ws.close(4408, 'no auth'); }, 10000);
    },
    message: onMessage,
    close(ws) { clearTimeout(ws.data.authTimer); clients.delete(ws); },
  },
});

let pingTick = 0;
const pinger = setInterval(() => {
  const now = Date.now();
  const slice = ++pingTick % 25;
  const frame = JSON.stringify({ type: 'ping', ts: new Date(now).toISOString() });
  for (const ws of clients) {
    if (now - ws.data.lastHeard > 60000) ws.close(4408, 'silent');
    else if (ws.data.viewer && ws.data.pingSlice === slice) ws.send(frame);
  }
}, 1000);

function stop() {
  clearInterval(pinger);
  for (const ws of clients) ws.close(1001, 'server stopping');
  server.stop(true);
  setTimeout(() => process.exit(0), 50);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

fs.writeFileSync(path.join(opts.data, 'dm.token'), seats.find(s => s.role === 'dm').token + '\n', { mode: 0o600 });
fs.writeFileSync(path.join(opts.data, 'daemon.json'), JSON.stringify({ url: `http://${opts.bind}:${server.port}`, pid: process.pid, started_at: new Date().toISOString(), version: 'bun-relay' }));
