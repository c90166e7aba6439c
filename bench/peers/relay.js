'use strict';
// Reference relay for the PartyMode benchmark: the subset of PartyMode's protocol the bench
// drives (token auth, welcome, seq'd events, per-viewer filter, action queue, DM resolve),
// written the way a careful Node service would be: ws, one serialisation per event and
// audience, every event appended to a log file (written to the OS) before anyone sees it.
//
//   node relay.js --data DIR --port N [--bind 127.0.0.1] [--campaign FILE]
//
// Writes DATA/dm.token once it listens. Loopback only by default; stops on SIGTERM/SIGINT
// or POST /api/dm/shutdown.

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { WebSocketServer } = require('ws');

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

// Seats: the campaign's characters (the demo's four when no file is given), observer, dm.
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

// The durable log: one JSON line per event or action change, appended before the push / 202.
const logFd = fs.openSync(path.join(opts.data, 'events.log'), 'a');
const append = obj => fs.writeSync(logFd, JSON.stringify(obj) + '\n');

let seq = 0;
let actionCounter = 0;
const events = []; // {seq, audience, frame} with frame the serialised event
const actions = new Map();
const pending = []; // action ids, oldest first
const clients = new Set();
let nextPingSlice = 0;

// audience: 'public' | 'party' | 'dm' | ['id', …]
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
  for (const c of clients) {
    if (c.viewer && canSee(c.viewer, stored.audience)) c.send(stored.frame);
  }
}

function sendState(filter, obj) {
  const frame = JSON.stringify(obj);
  for (const c of clients) if (c.viewer && filter(c.viewer)) c.send(frame);
}

// Long-polling DMs (actions/next?wait=S): woken, oldest first, when an action arrives.
const waiters = [];
function waitForAction(ms, res) {
  return new Promise(resolve => {
    const w = { resolve, timer: null };
    w.timer = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); resolve(undefined); }, ms);
    res.on('close', () => { const i = waiters.indexOf(w); if (i >= 0) { waiters.splice(i, 1); clearTimeout(w.timer); resolve(undefined); } });
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

function json(res, status, obj) {
  const body = obj === undefined ? '' : JSON.stringify(obj);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function error(res, status, code, message) {
  json(res, status, { error: { code, message } });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', c => {
      size += c.length;
      if (size > 1 << 20) { reject(new Error('too big')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function viewerOf(req) {
  const h = req.headers.authorization || '';
  return h.startsWith('Bearer ') ? byToken.get(h.slice(7)) : undefined;
}

const publicAction = a => ({ id: a.id, seq: a.seq, player_id: a.player_id, text: a.text, private: a.private, status: a.status, submitted_at: a.submitted_at, resolved_at: a.resolved_at });

async function handle(req, res) {
  const url = new URL(req.url, 'http://relay');
  const p = url.pathname;
  if (p === '/healthz') return json(res, 200, { status: 'ok' });
  if (!p.startsWith('/api/')) return error(res, 404, 'not_found', 'No such page.');
  const viewer = viewerOf(req);
  if (!viewer) return error(res, 401, 'invalid_token', 'Missing or unknown token.');

  if (req.method === 'POST' && p === '/api/actions') {
    if (viewer.role !== 'player') return error(res, 403, 'observer_cannot_act', 'Only players act.');
    let body;
    try { body = JSON.parse(await readBody(req)); } catch { return error(res, 400, 'bad_json', 'Body is not JSON.'); }
    if (typeof body.text !== 'string' || body.text.trim() === '') return error(res, 400, 'empty_action', 'Say what you do.');
    const a = {
      id: 'act_' + String(++actionCounter).padStart(6, '0'), seq: 0, player_id: viewer.seat, text: body.text,
      private: body.private === true, status: 'pending', submitted_at: new Date().toISOString(),
    };
    const audience = a.private ? [a.player_id] : 'public';
    a.seq = seq + 1;
    const stored = store({ type: 'action', action: publicAction(a) }, audience);
    actions.set(a.id, a);
    pending.push(a.id);
    wakeWaiters();
    json(res, 202, { action: publicAction(a) });
    push(stored);
    return;
  }

  if (viewer.role !== 'dm') return error(res, 403, 'forbidden', 'DM only.');

  if (req.method === 'GET' && p === '/api/dm/seats') {
    return json(res, 200, { seats: seats.map(s => ({ ...s, url: `http://${opts.bind}:${server.address().port}/play?token=${s.token}`, kicked: false })) });
  }
  if (req.method === 'GET' && p === '/api/dm/status') {
    const counts = { pending: 0, processing: 0, resolved: 0, cancelled: 0 };
    for (const a of actions.values()) counts[a.status]++;
    const conns = new Map();
    for (const c of clients) if (c.viewer) conns.set(c.viewer.seat, (conns.get(c.viewer.seat) || 0) + 1);
    return json(res, 200, {
      version: 'node-relay', uptime_seconds: process.uptime(), queue: counts,
      seats: seats.filter(s => s.role !== 'dm').map(s => ({ seat: s.seat, role: s.role, name: s.name, connected: conns.has(s.seat), connections: conns.get(s.seat) || 0 })),
    });
  }
  if (req.method === 'GET' && p === '/api/events') {
    const after = Number(url.searchParams.get('after') || 0);
    const limit = Math.min(Number(url.searchParams.get('limit') || 100), 1000);
    const out = events.filter(e => e.seq > after).slice(0, limit);
    return json(res, 200, {
      events: out.map(e => JSON.parse(e.frame)),
      last_seq: out.length ? out[out.length - 1].seq : after,
      has_more: events.some(e => e.seq > (out.length ? out[out.length - 1].seq : after)) && out.length === limit,
    });
  }
  if (req.method === 'POST' && p === '/api/dm/actions/next') {
    const wait = Math.max(0, Math.min(60, Number(url.searchParams.get('wait') || 0)));
    let id = pending.shift();
    if (!id && wait > 0) id = await waitForAction(wait * 1000, res);
    if (!id) { res.writeHead(204); res.end(); return; }
    const a = actions.get(id);
    a.status = 'processing';
    append({ action: id, status: a.status });
    json(res, 200, { action: publicAction(a) });
    sendState(v => v.role === 'dm' || v.seat === a.player_id, { type: 'action_status', action_id: a.id, status: a.status });
    return;
  }
  const m = /^\/api\/dm\/actions\/([^/]+)\/resolve$/.exec(p);
  if (req.method === 'POST' && m) {
    const a = actions.get(m[1]);
    if (!a) return error(res, 404, 'not_found', 'No such action.');
    if (a.status === 'resolved') return error(res, 409, 'already_resolved', 'Already resolved.');
    let body;
    try { body = JSON.parse(await readBody(req)); } catch { return error(res, 400, 'bad_json', 'Body is not JSON.'); }
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
    json(res, 200, { action: publicAction(a) });
    for (const s of stored) push(s);
    sendState(v => v.role === 'dm' || v.seat === a.player_id, { type: 'action_status', action_id: a.id, status: a.status });
    return;
  }
  if (req.method === 'POST' && p === '/api/dm/shutdown') {
    json(res, 200, { status: 'stopping' });
    setImmediate(stop);
    return;
  }
  return error(res, 404, 'not_found', 'No such endpoint.');
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(err => { if (!res.headersSent) error(res, 500, 'internal', String(err && err.message)); });
});
server.keepAliveTimeout = 60000;
const wss = new WebSocketServer({ server, path: '/ws', maxPayload: 64 * 1024, perMessageDeflate: false });

wss.on('connection', ws => {
  clients.add(ws);
  ws.viewer = null;
  ws.lastHeard = Date.now();
  ws.pingSlice = nextPingSlice++ % 25;
  const authTimer = setTimeout(() => { if (!ws.viewer) ws.close(4408, 'no auth'); }, 10000);
  ws.on('message', data => {
    ws.lastHeard = Date.now();
    let msg;
    try { msg = JSON.parse(data); } catch { ws.send(JSON.stringify({ type: 'error', code: 'bad_json', message: 'Not JSON.' })); return; }
    if (!ws.viewer) {
      const seat = msg.type === 'auth' ? byToken.get(msg.token) : undefined;
      if (!seat) { ws.close(4401, 'invalid token'); return; }
      clearTimeout(authTimer);
      ws.viewer = seat;
      const visible = events.filter(e => canSee(seat, e.audience));
      const newest = visible.length ? visible[visible.length - 1].seq : 0;
      ws.send(JSON.stringify({ type: 'welcome', role: seat.role, player_id: seat.role === 'player' ? seat.seat : null, name: seat.name, last_seq: newest }));
      let replay;
      if (typeof msg.last_seq !== 'number') replay = visible.slice(-100);
      else replay = visible.filter(e => e.seq > msg.last_seq);
      if (replay.length > 1000) ws.send(JSON.stringify({ type: 'resync', last_seq: msg.last_seq }));
      else for (const e of replay) ws.send(e.frame);
      return;
    }
    // pong and anything else: the connection is alive; actions over the socket are not benchmarked.
  });
  ws.on('close', () => { clearTimeout(authTimer); clients.delete(ws); });
  ws.on('error', () => {});
});

// Ping each socket every 25 s, a 25th of them each second; close sockets silent for 60 s (as PartyMode does).
let pingTick = 0;
const pinger = setInterval(() => {
  const now = Date.now();
  const slice = ++pingTick % 25;
  const frame = JSON.stringify({ type: 'ping', ts: new Date(now).toISOString() });
  for (const c of clients) {
    if (now - c.lastHeard > 60000) c.close(4408, 'silent');
    else if (c.viewer && c.pingSlice === slice) c.send(frame);
  }
}, 1000);

function stop() {
  clearInterval(pinger);
  for (const c of clients) c.close(1001, 'server stopping');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(opts.port, opts.bind, () => {
  const dmToken = seats.find(s => s.role === 'dm').token;
  fs.writeFileSync(path.join(opts.data, 'dm.token'), dmToken + '\n', { mode: 0o600 });
  fs.writeFileSync(path.join(opts.data, 'daemon.json'), JSON.stringify({ url: `http://${opts.bind}:${server.address().port}`, pid: process.pid, started_at: new Date().toISOString(), version: 'node-relay' }));
});
