// DM: seats with connection state, join links, QR codes, refresh and kick. Counts follow the
// DM socket's seat_count frames live (docs/protocol.md §4.5.9); the status is re-read only for
// the queue line and the uptime.
import { h, toast } from './util.js';
import { panel, run, btn } from './dm-ui.js';

export function seatsPanel({ api, state: page }) {
  const info = h('div', { class: 'server-info', 'data-testid': 'server-info' });
  const list = h('ul', { class: 'seats', 'data-testid': 'seats' });
  const el = panel('seats', 'Seats and links', info, list,
    h('p', { class: 'muted small', text: 'Links and QR codes carry the seat\'s key: show them only to that player.' }));
  let seats = new Map();   // seat → from /api/dm/seats (token, url)
  let status = null;
  const qrUrls = new Map();
  let timer = 0;

  async function load() {
    try {
      const [s, st] = await Promise.all([api('GET', '/api/dm/seats'), api('GET', '/api/dm/status')]);
      seats = new Map((s.seats || []).map(x => [x.seat, x]));
      status = st;
      render();
    } catch (e) {
      info.textContent = `Could not load seats: ${e.message}`;
    }
  }

  async function refreshStatus() {
    try { status = await api('GET', '/api/dm/status'); render(); } catch { /* keep last */ }
  }

  /** One seat's socket count changed: redraw from the frame, no request. */
  function onSeatCount(msg) {
    const row = status && (status.seats || []).find(r => r.seat === msg.seat);
    if (!row) { refreshStatus(); return; }
    row.connected = msg.connected;
    row.connections = msg.connections;
    row.last_seen = msg.last_seen;
    render();
  }

  let statusSoon = 0;
  const refreshSoon = () => { clearTimeout(statusSoon); statusSoon = setTimeout(refreshStatus, 400); };
  if (page) {
    page.subscribe('seat_count', onSeatCount);
    page.subscribe('action_status', refreshSoon); // the queue line
  }

  function since(ts) {
    if (!ts) return 'never';
    const s = Math.round((Date.now() - new Date(ts).getTime()) / 1000);
    if (!Number.isFinite(s)) return '';
    if (s < 60) return 'just now';
    if (s < 3600) return `${Math.round(s / 60)} min ago`;
    return `${Math.round(s / 3600)} h ago`;
  }

  function render() {
    if (status) {
      const q = status.queue || {};
      const urls = status.urls || {};
      info.replaceChildren(
        h('p', null, h('strong', { text: (status.campaign && status.campaign.name) || '' }),
          h('span', { class: 'muted', text: ` · v${status.version || '?'} · up ${Math.round((status.uptime_seconds || 0) / 60)} min` })),
        ...(urls.lan ? [h('p', { class: 'small' }, 'Players join at ', h('code', { text: urls.lan }))] : []), // replaceChildren writes a null as "null"
        h('p', { class: 'small muted', text: `Queue: ${q.pending ?? 0} waiting, ${q.processing ?? 0} in progress, ${q.resolved ?? 0} done` }));
    }
    const rows = status ? status.seats || [] : [...seats.values()];
    list.replaceChildren(...rows.filter(r => r.role !== 'dm').map(r => seatRow(r, seats.get(r.seat) || {})));
  }

  function seatRow(st, seat) {
    const state = st.kicked ? 'kicked' : st.connected ? 'on' : 'off';
    const label = st.kicked ? 'Removed' : st.connected ? `Online${st.connections > 1 ? ` (${st.connections})` : ''}` : `Offline · seen ${since(st.last_seen)}`;
    const link = seat.url || '';
    const qrBox = h('div', { class: 'qr' });
    const linkInput = h('input', { type: 'text', readonly: true, value: link, 'aria-label': `Join link for ${st.name || st.seat}`, class: 'link-input' });
    const showQr = btn('QR code', async () => {
      if (qrBox.firstChild) { qrBox.replaceChildren(); return; }
      const blob = await run(showQr, () => api('GET', `/api/dm/seats/${encodeURIComponent(st.seat)}/qr.png`, undefined, { blob: true }));
      if (!blob) return;
      if (qrUrls.has(st.seat)) URL.revokeObjectURL(qrUrls.get(st.seat));
      const url = URL.createObjectURL(blob);
      qrUrls.set(st.seat, url);
      qrBox.replaceChildren(h('img', { src: url, alt: `QR code to join as ${st.name || st.seat}`, width: 220, height: 220, 'data-testid': `qr-${st.seat}` }));
    }, 'ghost', `qr-btn-${st.seat}`);
    const copy = btn('Copy link', async () => {
      try { await navigator.clipboard.writeText(link); toast('Link copied'); } catch { linkInput.select(); toast('Select the link and copy it'); }
    }, 'ghost');
    const refresh = btn('New link', async () => {
      if (!confirm(`Make a new link for ${st.name || st.seat}? The old link stops working at once.`)) return;
      await run(refresh, () => api('POST', `/api/dm/seats/${encodeURIComponent(st.seat)}/token`), 'New link made');
      qrBox.replaceChildren();
      load();
    }, 'ghost', `refresh-${st.seat}`);
    const kick = btn('Remove', async () => {
      if (!confirm(`Remove ${st.name || st.seat} from the game? Their link stops working until you make a new one.`)) return;
      await run(kick, () => api('POST', `/api/dm/seats/${encodeURIComponent(st.seat)}/kick`), 'Seat removed');
      load();
    }, 'danger', `kick-${st.seat}`);
    return h('li', { class: 'seat', 'data-testid': `seat-${st.seat}` },
      h('div', { class: 'seat-head' },
        h('span', { class: `dot ${state}`, 'aria-hidden': 'true' }),
        h('strong', { text: st.name || st.seat }),
        h('span', { class: 'muted small', text: ` ${st.role || ''}` }),
        h('span', { class: 'seat-state small', 'data-testid': `seat-state-${st.seat}`, text: label })),
      link ? linkInput : null,
      h('div', { class: 'row' }, showQr, copy, refresh, st.kicked ? null : kick),
      qrBox);
  }

  return {
    el,
    load,
    // "seen 3 min ago" ages on its own; the uptime is re-read now and then.
    start() { load(); clearInterval(timer); let n = 0; timer = setInterval(() => { if (++n % 4 === 0) refreshStatus(); else render(); }, 15000); },
    onPresence() { refreshStatus(); },
  };
}
