// Reference relay on Bun for the PartyMode benchmark: the same protocol subset, per-viewer
// filter and durable log as relay.js (Node + ws), on Bun.serve, whose HTTP and WebSocket server
// is uWebSockets. Each frame is serialised once per event and sent socket by socket, as relay.js
// does; every event is appended to a log file (written to the OS) before anyone sees it.
//
//   bun relay-bun.js --data DIR --port N [--bind 127.0.0.1] [--campaign FILE]
//
// Routes: POST /api/actions (player), POST /api/rolls (player: NdM, NdM+K, NdM-K),
// POST /api/characters/:id/changes (the owning player: temp_hp, damage, heal),
// GET /api/handouts/:id/image (any seat; shown publicly, or the DM), and for the DM:
// GET /api/dm/seats, GET /api/dm/status, GET /api/events, POST /api/dm/actions/next,
// POST /api/dm/actions/:id/resolve, POST /api/dm/handouts?title=T (the raw body, up to 10 MiB,
// to DATA/handouts/SHA256.png), POST /api/dm/handouts/:id/show, POST /api/dm/shutdown;
// WebSocket /ws (first frame {type:'auth', token, last_seq?}).
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
  ? JSON.parse(fs.readFileSync(opts.campaign, 'utf8')).characters.map(c => ({ id: c.id, name: c.name, hp: c.hp, max_hp: c.max_hp }))
  : [{ id: 'thorin', name: 'Thorin' }, { id: 'elara', name: 'Elara' }, { id: 'vex', name: 'Vex' }, { id: 'gorm', name: 'Gorm' }];
const newToken = () => crypto.randomBytes(24).toString('base64url');
const seats = [
  ...characters.map(c => ({ seat: c.id, role: 'player', name: c.name, token: newToken() })),
  { seat: 'observer', role: 'observer', name: 'Observer', token: newToken() },
  { seat: 'dm', role: 'dm', name: 'DM', token: newToken() },
];
const byToken = new Map(seats.map(s => [s.token, s]));

// The living sheets, in memory: HP from the campaign when it has them, else 10 of 10.
const hpOr = (v, d) => (Number.isInteger(v) && v >= 0 ? v : d);
const sheets = new Map(characters.map(c => {
  const max = hpOr(c.max_hp, hpOr(c.hp, 10));
  return [c.id, { id: c.id, name: c.name, hp: Math.min(hpOr(c.hp, max), max), max_hp: max, temp_hp: 0 }];
}));

// Handouts: the images in DATA/handouts/SHA256.png, the records in memory.
const handoutDir = path.join(opts.data, 'handouts');
fs.mkdirSync(handoutDir, { recursive: true, mode: 0o700 });
const MAX_HANDOUT = 10 << 20;
const handouts = new Map(); // id -> {record, shownPublic}
let handoutCounter = 0;

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

// rawJson: an answer already serialised, e.g. '{"roll":' + stored.frame + '}'.
const rawJson = (status, body) => new Response(body, { status, headers: { 'content-type': 'application/json' } });
const json = (status, obj) => rawJson(status, obj === undefined ? '' : JSON.stringify(obj));
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

// The routes that take {…} or no body: an empty body reads as {}; anything else must be a JSON object.
async function readObject(req) {
  const text = await req.text();
  if (text.length > 1 << 20) throw new Error('too big');
  const v = text.trim() === '' ? {} : JSON.parse(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
  return v;
}

const publicAction = a => ({ id: a.id, seq: a.seq, player_id: a.player_id, text: a.text, private: a.private, status: a.status, submitted_at: a.submitted_at, resolved_at: a.resolved_at });

// Dice: NdM, NdM+K, NdM-K (N 1..100, M 2..1000). null when the expression is not one of those.
function rollDice(expr) {
  const m = typeof expr === 'string' ? /^(\d{1,3})d(\d{1,4})(?:([+-])(\d{1,6}))?$/.exec(expr.replace(/\s+/g, '').toLowerCase()) : null;
  if (!m) return null;
  const n = Number(m[1]);
  const sides = Number(m[2]);
  if (n < 1 || n > 100 || sides < 2 || sides > 1000) return null;
  const rolls = [];
  let total = m[3] === '-' ? -Number(m[4]) : Number(m[4] || 0);
  for (let i = 0; i < n; i++) { const r = crypto.randomInt(1, sides + 1); rolls.push(r); total += r; }
  return { expr: m[0], total, rolls };
}

// Sheet ops, applied in order to a copy: the first that cannot be applied refuses the whole change.
const isAmount = v => Number.isInteger(v) && v >= 0 && v <= 100000;
function applyOps(sheet, ops) {
  if (!Array.isArray(ops) || ops.length < 1 || ops.length > 50) return { error: 'ops must be a list of 1 to 50 changes.' };
  const s = { ...sheet };
  const said = [];
  const done = [];
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i] || {};
    if (o.op === 'temp_hp') {
      if (!isAmount(o.value)) return { error: `ops[${i}]: value must be a whole number from 0 to 100000.` };
      said.push(`${s.name} has ${o.value} temporary HP (was ${s.temp_hp})`);
      s.temp_hp = o.value;
      done.push({ op: 'temp_hp', value: o.value });
    } else if (o.op === 'damage') {
      if (!isAmount(o.amount)) return { error: `ops[${i}]: amount must be a whole number from 0 to 100000.` };
      const absorbed = Math.min(s.temp_hp, o.amount);
      const before = s.hp;
      s.temp_hp -= absorbed;
      s.hp = Math.max(0, s.hp - (o.amount - absorbed));
      said.push(absorbed > 0
        ? `${s.name} took ${o.amount} damage (${absorbed} absorbed by temporary HP; ${before} → ${s.hp})`
        : `${s.name} took ${o.amount} damage (${before} → ${s.hp})`);
      done.push({ op: 'damage', amount: o.amount });
    } else if (o.op === 'heal') {
      if (!isAmount(o.amount)) return { error: `ops[${i}]: amount must be a whole number from 0 to 100000.` };
      const before = s.hp;
      s.hp = Math.min(s.max_hp, s.hp + o.amount);
      said.push(`${s.name} regained ${s.hp - before} HP (${before} → ${s.hp})`);
      done.push({ op: 'heal', amount: o.amount });
    } else {
      return { error: `ops[${i}]: op must be temp_hp, damage or heal.` };
    }
  }
  return { sheet: s, summary: said.join('; '), ops: done };
}

const partyFull = () => [...sheets.values()].map(s => ({ id: s.id, name: s.name, hp: s.hp, max_hp: s.max_hp, temp_hp: s.temp_hp, connected: true }));
const partyBrief = () => [...sheets.values()].map(s => ({ id: s.id, name: s.name, connected: true }));

// Bun.file answers set content-length themselves.
const imageHeaders = r => ({
  'content-type': 'image/png', etag: `"${r.sha256}"`,
  'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff',
});

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

  if (req.method === 'POST' && p === '/api/rolls') {
    if (viewer.role === 'observer') return error(403, 'observer_cannot_act', 'Only players roll here.');
    if (viewer.role !== 'player') return error(403, 'forbidden', 'Players only.');
    let body;
    try { body = await readObject(req); } catch { return error(400, 'bad_json', 'Body is not JSON.'); }
    const visibility = body.visibility === undefined || body.visibility === null ? 'public' : body.visibility;
    const audience = visibility === 'public' ? 'public' : visibility === 'party' ? 'party' : visibility === 'dm' ? [viewer.seat] : null;
    if (!audience) return error(400, 'bad_request', "visibility must be 'public', 'party' or 'dm'.");
    if (body.label !== undefined && body.label !== null && typeof body.label !== 'string') return error(400, 'bad_request', 'label must be text.');
    const r = rollDice(body.expr);
    if (!r) return error(400, 'bad_dice', 'expr must be NdM, NdM+K or NdM-K (N 1 to 100, M 2 to 1000).');
    const ev = { type: 'roll', expr: r.expr, total: r.total, rolls: r.rolls };
    if (typeof body.label === 'string' && body.label !== '') ev.label = body.label;
    ev.visibility = visibility;
    ev.by = viewer.seat;
    const stored = store(ev, audience);
    const res = rawJson(201, '{"roll":' + stored.frame + '}');
    push(stored);
    return res;
  }

  const mc = /^\/api\/characters\/([^/]+)\/changes$/.exec(p);
  if (req.method === 'POST' && mc) {
    if (viewer.role === 'observer') return error(403, 'observer_cannot_act', 'Only players change their sheets.');
    if (viewer.role !== 'player') return error(403, 'forbidden', 'Players only.');
    const id = mc[1];
    const sheet = sheets.get(id);
    if (id !== viewer.seat || !sheet) return error(404, 'not_found', 'No such character.');
    let body;
    try { body = await readObject(req); } catch { return error(400, 'bad_json', 'Body is not JSON.'); }
    const r = applyOps(sheet, body.ops);
    if (r.error) return error(400, 'bad_change', r.error);
    sheets.set(id, r.sheet);
    const stored = store({ type: 'sheet_change', player_id: id, by: viewer.seat, summary: r.summary, ops: r.ops }, [id]);
    const res = json(200, { character: r.sheet, change: { status: 'applied', player_id: id, summary: r.summary, ops: r.ops } });
    push(stored);
    sendState(v => v.role === 'dm' || v.seat === id, { type: 'character_update', character: r.sheet });
    const full = JSON.stringify({ type: 'party_update', party: partyFull() });
    const brief = JSON.stringify({ type: 'party_update', party: partyBrief() });
    for (const ws of clients) { const v = ws.data.viewer; if (v) ws.send(v.role === 'observer' ? brief : full); }
    return res;
  }

  const mi = /^\/api\/handouts\/([^/]+)\/image$/.exec(p);
  if (req.method === 'GET' && mi) {
    const h = handouts.get(mi[1]);
    if (!h || !(h.shownPublic || viewer.role === 'dm')) return error(404, 'not_found', 'No such handout.');
    return new Response(Bun.file(path.join(handoutDir, h.record.sha256 + '.png')), { headers: imageHeaders(h.record) });
  }

  if (viewer.role !== 'dm') return error(403, 'forbidden', 'DM only.');

  if (req.method === 'POST' && p === '/api/dm/handouts') {
    const title = (url.searchParams.get('title') || '').trim();
    if (title === '') return error(400, 'bad_request', 'A handout needs ?title=.');
    if (title.length > 200) return error(400, 'too_long', 'title is at most 200 characters.');
    const declared = req.headers.get('content-length');
    if (declared !== null && Number(declared) > MAX_HANDOUT) return error(413, 'too_large', 'A handout image is at most 10 MiB.');
    const bytes = new Uint8Array(await req.arrayBuffer()); // a chunked body: read, then measured
    if (bytes.length > MAX_HANDOUT) return error(413, 'too_large', 'A handout image is at most 10 MiB.');
    if (bytes.length === 0) return error(400, 'bad_request', 'The body is the image; it is empty.');
    const sha256 = new Bun.CryptoHasher('sha256').update(bytes).digest('hex');
    await fs.promises.writeFile(path.join(handoutDir, sha256 + '.png'), bytes, { mode: 0o600 }); // Bun.write ignores mode
    const record = {
      id: 'ho_' + String(++handoutCounter).padStart(6, '0'), title, type: 'image/png', bytes: bytes.length, sha256,
      created_at: new Date().toISOString(),
    };
    handouts.set(record.id, { record, shownPublic: false });
    append({ handout: record });
    return json(201, { handout: record });
  }
  const ms = /^\/api\/dm\/handouts\/([^/]+)\/show$/.exec(p);
  if (req.method === 'POST' && ms) {
    const h = handouts.get(ms[1]);
    if (!h) return error(404, 'not_found', 'No such handout.');
    let body;
    try { body = await readObject(req); } catch { return error(400, 'bad_json', 'Body is not JSON.'); }
    if (body.audience !== undefined && body.audience !== null && body.audience !== 'public') {
      return error(400, 'bad_request', "audience must be 'public'.");
    }
    if (body.text !== undefined && body.text !== null && typeof body.text !== 'string') return error(400, 'bad_request', 'text must be text.');
    if (typeof body.text === 'string' && body.text.length > 20000) return error(400, 'too_long', 'text is at most 20000 characters.');
    const ev = { type: 'handout', handout_id: h.record.id, title: h.record.title };
    if (typeof body.text === 'string' && body.text !== '') ev.text = body.text;
    const stored = store(ev, 'public');
    h.shownPublic = true;
    const res = rawJson(200, '{"event":' + stored.frame + '}');
    push(stored);
    return res;
  }

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
