// Small helpers shared by every view. All text goes through textContent / text nodes: never innerHTML.

/** Builds an element. attrs: class, text, dataset, on<event>, boolean or string attributes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = String(v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** localStorage that never throws (private mode, quota). */
export const store = {
  get(key, fallback = null) {
    try {
      const v = localStorage.getItem(key);
      return v == null ? fallback : JSON.parse(v);
    } catch { return fallback; }
  },
  set(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* storage full or disabled */ }
  },
  del(key) {
    try { localStorage.removeItem(key); } catch { /* ignore */ }
  },
};

/** A random id that works outside secure contexts (crypto.randomUUID does not on plain-HTTP LAN). */
export function newId(prefix = 'c') {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return prefix + '_' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** fetch wrapper: Bearer token, JSON in and out, errors as ApiError (status 0 = network). */
export function makeApi(getToken) {
  return async function api(method, path, body, opts = {}) {
    const headers = { Authorization: 'Bearer ' + getToken(), Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // opts.raw: a Blob sent as it is, with its own type (a handout's image); opts.cache: e.g. 'default'
    // for immutable handout images (docs/protocol.md §9).
    if (opts.raw) headers['Content-Type'] = opts.raw.type || 'application/octet-stream';
    let res;
    try {
      res = await fetch(path, {
        method, headers, cache: opts.cache || 'no-store',
        body: opts.raw || (body === undefined ? undefined : JSON.stringify(body)),
      });
    } catch {
      throw new ApiError(0, 'network', 'Cannot reach the game server.');
    }
    if (res.status === 204) return null;
    if (res.ok && opts.blob) return res.blob();
    let data = null;
    try { data = await res.json(); } catch { /* empty or not JSON */ }
    if (!res.ok) {
      const err = (data && data.error) || {};
      throw new ApiError(res.status, err.code || 'http_' + res.status, err.message || res.statusText || 'Request failed');
    }
    return data;
  };
}

// One formatter for every timestamp: toLocaleTimeString with options builds a new one per call,
// which was most of the cost of drawing a catch-up (docs/benchmarks.md, page benchmark).
let timeFormat = null;

export function fmtTime(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return '';
  timeFormat ||= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
  return timeFormat.format(d);
}

export function fmtMod(n) {
  if (typeof n !== 'number' || Number.isNaN(n)) return '—';
  return n >= 0 ? '+' + n : '−' + Math.abs(n);
}

export function abilityMod(score) {
  return Math.floor((Number(score) - 10) / 2);
}

/** HP fraction → css class used for the bar colour. */
export function hpClass(hp, max) {
  if (!max || hp <= 0) return 'hp-down';
  const f = hp / max;
  if (f > 0.5) return 'hp-ok';
  if (f > 0.25) return 'hp-warn';
  return 'hp-bad';
}

let toastTimer = 0;
/** A short message in the polite live region at the bottom of the screen. */
export function toast(text, kind = 'info') {
  const t = document.getElementById('toast');
  if (!t) return;
  t.textContent = text;
  t.dataset.kind = kind;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, kind === 'error' ? 6000 : 3500);
}

/** Friendly wording for the protocol's error codes. */
export function describeError(code, message) {
  const known = {
    not_your_turn: "It isn't your turn.",
    already_submitted: 'You already acted this round.',
    rate_limited: 'Too many actions at once — wait a few seconds.',
    too_long: 'That is too long (2,000 characters at most).',
    empty_action: 'Write something first.',
    observer_cannot_act: 'Observers cannot act.',
    seat_kicked: 'The DM removed you from the game.',
    invalid_token: 'This link is no longer valid — ask the DM for a new one.',
    bad_dice: message || 'That dice expression is not valid.',
    dm_remote: 'The DM view only works on the DM\'s own machine.',
    network: 'Cannot reach the game server.',
  };
  return known[code] || message || code || 'Something went wrong.';
}

export function slug(text) {
  return String(text).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'npc';
}
