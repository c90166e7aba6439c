// The handouts this seat was shown and what the TV shows (docs/protocol.md §9), kept next to
// the page state: built from GET /api/handouts (the truth after every welcome), live `handout`
// events and `tv` frames / the welcome's `tv`. Views subscribe to the page state's 'handouts'
// and 'tv_handout' keys and never keep a list of their own.

const shelves = new WeakMap();

/** The one shelf of a page state. */
export function shelfOf(state, api) {
  let s = shelves.get(state);
  if (!s) { s = new HandoutShelf(state, api); shelves.set(state, s); }
  return s;
}

/** The handout id a `tv` frame or the welcome's `tv` names (null: the story shows). */
export function tvIdOf(tv) {
  return (tv && tv.handout_id) || null;
}

function time(ts) {
  const t = ts ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

class HandoutShelf {
  constructor(state, api) {
    this.state = state;
    this.api = api;
    /** id → {id, title, width, height, type?, text?, ts (last shown, or uploaded), seq (last showing), shown} */
    this.items = new Map();
    this.tv = null;
    this.loading = null;
    for (const ev of state.events) if (ev.type === 'handout') this.shown(ev, true);
    state.subscribe('event', ({ ev }) => { if (ev.type === 'handout') this.shown(ev); });
    state.subscribe('welcome', msg => {
      if (state.role !== 'player') this.setTv(msg.tv);
      this.load();
    });
    state.subscribe('tv', msg => this.setTv(msg));
    state.subscribe('reset', () => { this.items.clear(); this.changed(); });
  }

  get(id) { return this.items.get(id) || null; }

  /** Newest showing first; the DM's never-shown uploads by their upload time. */
  list() {
    return [...this.items.values()].sort((a, b) => (b.ts - a.ts) || (b.seq - a.seq) || (a.id < b.id ? 1 : -1));
  }

  /** A `handout` event: it moves to the top with its note. */
  shown(ev, quiet) {
    const id = ev.handout_id;
    if (!id) return;
    const old = this.items.get(id);
    if (old && old.seq > ev.seq) return;
    this.items.set(id, {
      ...(old || {}), id, title: ev.title || (old && old.title) || '', width: ev.width, height: ev.height,
      text: ev.text || null, ts: time(ev.ts) || Date.now(), seq: ev.seq, shown: true,
    });
    if (!quiet) this.changed();
  }

  /** GET /api/handouts: the server's list replaces what this page inferred. */
  load() {
    if (this.loading) { this.again = true; return this.loading; }
    this.loading = (async () => {
      const since = this.state.lastSeq ?? 0;
      try {
        const r = await this.api('GET', '/api/handouts');
        const next = new Map();
        for (const e of (r && r.handouts) || []) {
          const item = this.fromEntry(e);
          if (item.id) next.set(item.id, item);
        }
        // A showing that arrived while the list was on its way stays.
        for (const [id, it] of this.items) if (it.seq > since && (!next.has(id) || next.get(id).seq < it.seq)) next.set(id, it);
        this.items = next;
        this.changed();
      } catch { /* offline: keep what is known */ }
      this.loading = null;
      if (this.again) { this.again = false; this.load(); }
    })();
    return this.loading;
  }

  /** One entry of GET /api/handouts: the record, and its newest showing this seat saw (shown_seq, shown_at, text). */
  fromEntry(e) {
    const seq = Number(e.shown_seq) || 0;
    return {
      id: e.id, title: e.title || '', width: e.width, height: e.height, type: e.type, bytes: e.bytes,
      subject: e.subject || null, text: e.text || null,
      ts: time(e.shown_at) || time(e.created_at), seq, shown: seq > 0,
    };
  }

  /** A `tv` frame or the welcome's `tv`: {handout_id, title, media_type, width, height}, or {} for the story. */
  setTv(tv) {
    const id = tvIdOf(tv);
    if (id && !this.items.has(id)) {
      this.items.set(id, { id, title: tv.title || '', width: tv.width, height: tv.height, type: tv.media_type, text: null, ts: 0, seq: 0, shown: false });
    }
    if (this.tv === id) return;
    this.tv = id;
    this.state.emit('tv_handout', id);
  }

  changed() {
    this.state.emit('handouts', this.list());
  }
}
