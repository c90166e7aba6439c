// TV stage mode for the observer seat, chosen by the game's state: a lobby (who has joined,
// and join QR codes only with `serve --tv-join-codes`), exploration (the latest narration
// large), combat (the initiative ribbon with now / on deck and health, round and turn timer)
// and simultaneous rounds (prompt, countdown, "3 of 4 have answered") at story size.
// Public rolls are shown big with the roller's name. Full width, no timestamps.
import { h } from './util.js';
import { rollerOf, isHiddenRoll } from './feed.js';

const LOBBY_POLL_MS = 4000;

export function startTv({ state, api, feed }) {
  document.body.classList.add('tv');
  const stage = h('section', { class: 'tv-stage', 'aria-label': 'Table', 'data-testid': 'tv-stage' });
  const lobby = h('div', { class: 'tv-lobby', 'data-testid': 'tv-lobby', hidden: true });
  const status = h('p', { class: 'tv-status', 'data-testid': 'tv-status', 'aria-live': 'polite' });
  const roll = h('div', { class: 'tv-roll', 'data-testid': 'tv-roll', role: 'status', hidden: true });
  stage.append(lobby, status);
  const panel = document.getElementById('panel-story');
  panel.prepend(stage);
  document.body.append(roll);

  let seats = null;      // the last lobby answer
  let acted = false;     // an action was seen: the game is under way, the lobby is over
  let pollTimer = 0;
  let turnKey = '';
  let turnSince = Date.now();
  let tick = 0;
  let rollTimer = 0;
  const qrUrls = new Map(); // seat id → blob URL of its QR image

  function stageOf() {
    const c = state.combat;
    if (c && c.mode === 'simultaneous') return 'simul';
    if (c && c.in_combat) return 'combat';
    if (!acted && seats && seats.total > 0 && seats.joined < seats.total) return 'lobby';
    return 'explore';
  }

  function render() {
    const now = stageOf();
    document.body.dataset.stage = now;
    lobby.hidden = now !== 'lobby';
    if (now === 'lobby') drawLobby();
    drawStatus(now);
    markLatest();
    if (now === 'lobby' || !acted) schedulePoll();
  }

  function drawLobby() {
    const list = seats.seats.map(s => h('li', { class: 'tv-seat' + (s.connected ? ' joined' : ''), 'data-testid': 'tv-seat', dataset: { seat: s.id } },
      s.qr && !s.connected ? qrImage(s) : h('span', { class: 'tv-check', 'aria-hidden': 'true', text: s.connected ? '✓' : '…' }),
      h('strong', { class: 'tv-seat-name', dir: 'auto', text: s.name }),
      h('span', { class: 'muted', text: s.connected ? 'joined' : s.qr ? 'scan to join' : 'not here yet' })));
    lobby.replaceChildren(
      h('h2', { class: 'tv-title', text: state.session.campaign ? state.session.campaign.name : 'PartyMode' }),
      h('p', { class: 'tv-count', 'data-testid': 'tv-joined', text: `${seats.joined} of ${seats.total} joined` }),
      seats.join_codes ? null : h('p', { class: 'muted', text: 'Scan the QR code the DM gives you to join.' }),
      h('ul', { class: 'tv-seats' }, list));
  }

  function qrImage(s) {
    const img = h('img', { class: 'tv-qr', alt: `Join code for ${s.name}`, width: '220', height: '220', 'data-testid': 'tv-qr' });
    const have = qrUrls.get(s.id);
    if (have) img.src = have;
    else {
      api('GET', s.qr, undefined, { blob: true }).then(blob => {
        const url = URL.createObjectURL(blob);
        qrUrls.set(s.id, url);
        img.src = url;
      }).catch(() => img.remove());
    }
    return img;
  }

  function drawStatus(now) {
    clearInterval(tick);
    const c = state.combat;
    if (now === 'combat') {
      const key = `${c.round}:${c.current_turn}`;
      if (key !== turnKey) { turnKey = key; turnSince = Date.now(); }
      const draw = () => {
        const s = Math.floor((Date.now() - turnSince) / 1000);
        status.textContent = `Round ${c.round} · this turn ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      };
      draw();
      tick = setInterval(draw, 1000);
    } else if (now === 'simul') {
      const total = c.submitted.length + c.waiting_for.length;
      status.textContent = `${c.submitted.length} of ${total} have answered`;
    } else status.textContent = '';
  }

  /** The newest narration is drawn large; older messages step back. */
  function markLatest() {
    const all = feed.list.querySelectorAll('.msg.narrative');
    for (const el of feed.list.querySelectorAll('.msg.latest')) el.classList.remove('latest');
    if (all.length) all[all.length - 1].classList.add('latest');
  }

  function schedulePoll() {
    if (pollTimer) return;
    pollTimer = setTimeout(async () => {
      pollTimer = 0;
      await loadLobby();
    }, LOBBY_POLL_MS);
  }

  async function loadLobby() {
    try { seats = await api('GET', '/api/tv/lobby'); } catch { /* keep the last answer */ }
    render();
  }

  function showRoll(ev) {
    if (isHiddenRoll(ev)) return;
    const who = state.name(rollerOf(ev));
    roll.replaceChildren(
      h('p', { class: 'tv-roll-who', dir: 'auto', text: `${who} rolled` }),
      h('p', { class: 'tv-roll-total', 'data-testid': 'tv-roll-total', text: String(ev.total) }),
      h('p', { class: 'tv-roll-what', dir: 'auto', text: [ev.label, ev.expr].filter(Boolean).join(' · ') }));
    roll.hidden = false;
    clearTimeout(rollTimer);
    rollTimer = setTimeout(() => { roll.hidden = true; }, 8000);
  }

  state.subscribe('event', ({ ev, info }) => {
    if (ev.type === 'action') acted = true;
    if (ev.type === 'roll' && !(info && info.replay)) showRoll(ev);
    if (ev.type === 'narrative' || ev.type === 'action') setTimeout(render, 0);
  });
  state.subscribe(['combat', 'welcome'], () => render());
  for (const ev of state.events) if (ev.type === 'action') acted = true;
  loadLobby();
  return { render };
}
