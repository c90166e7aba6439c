// DM: ask a player for a roll (check, DC, visibility) and follow the open requests and their results.
// The lists come from GET /api/dm/roll-requests, reloaded on every roll_request frame.
import { h } from './util.js';
import { panel, field, run, btn, select } from './dm-ui.js';

const CHECKS = ['check:str', 'check:dex', 'check:con', 'check:int', 'check:wis', 'check:cha', 'save:str', 'save:dex', 'save:con',
  'save:int', 'save:wis', 'save:cha', 'skill:perception', 'skill:stealth', 'skill:athletics', 'skill:acrobatics', 'skill:insight',
  'skill:investigation', 'skill:persuasion', 'skill:deception', 'skill:arcana', 'initiative', '1d20'];

export function rollsPanel({ state, api }) {
  const player = select([], null);
  player.dataset.testid = 'dm-rr-player';
  const check = h('input', { type: 'text', value: 'save:dex', list: 'dm-rr-checks', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'dm-rr-check' });
  const checks = h('datalist', { id: 'dm-rr-checks' }, CHECKS.map(c => h('option', { value: c })));
  const dc = h('input', { type: 'number', inputmode: 'numeric', min: 1, max: 100, placeholder: 'none', class: 'num', 'data-testid': 'dm-rr-dc' });
  const mode = select([['normal', 'Normal'], ['advantage', 'Advantage'], ['disadvantage', 'Disadvantage']], 'normal');
  mode.dataset.testid = 'dm-rr-mode';
  const vis = select([['dm', 'That player and me'], ['party', 'The party'], ['public', 'Everyone'], ['blind', 'Only me (blind)']], 'dm');
  vis.dataset.testid = 'dm-rr-visibility';
  const reason = h('input', { type: 'text', placeholder: 'e.g. The floor gives way', 'data-testid': 'dm-rr-reason' });
  const openList = h('ul', { class: 'rr-list', 'data-testid': 'dm-rr-open' });
  const doneList = h('ul', { class: 'rr-list', 'data-testid': 'dm-rr-done' });
  const ask = btn('Request a roll', async () => {
    const body = { player: player.value, expr: check.value.trim(), mode: mode.value, visibility: vis.value };
    if (dc.value) body.dc = Number(dc.value);
    if (reason.value.trim()) body.reason = reason.value.trim();
    const r = await run(ask, () => api('POST', '/api/dm/roll-requests', body), 'Roll requested');
    if (r) { reason.value = ''; load(); }
  }, 'primary', 'dm-rr-send');
  const el = panel('rolls', 'Roll requests',
    field('Player', player), field('Roll', check, 'A sheet reference (save:dex, skill:stealth, initiative, attack:NAME) or dice'), checks,
    h('div', { class: 'row wrap' }, field('DC (never shown to the player)', dc), field('Mode', mode)),
    field('Who sees the result', vis), field('Reason (the player reads it)', reason),
    h('div', { class: 'row' }, ask),
    h('h3', { text: 'Open' }), openList, h('h3', { text: 'Results' }), doneList);

  function fillPlayers() {
    const was = player.value;
    player.replaceChildren(...state.party.map(p => h('option', { value: p.id, text: p.name })));
    if (was) player.value = was;
  }

  function line(r) {
    const what = `${state.name(r.player)}: ${r.expr}${r.mode !== 'normal' ? ` (${r.mode})` : ''}${r.dc ? ` vs DC ${r.dc}` : ''} · ${r.visibility}`;
    if (r.status === 'open') {
      return h('li', { 'data-testid': `dm-rr-${r.id}` }, h('span', { text: what + ' — waiting' }), ' ',
        btn('Cancel', ev => run(ev.currentTarget, () => api('POST', `/api/dm/roll-requests/${encodeURIComponent(r.id)}/cancel`)).then(load), 'ghost small-btn'));
    }
    if (r.status === 'cancelled') return h('li', { class: 'muted', 'data-testid': `dm-rr-${r.id}`, text: what + ' — cancelled' });
    const total = r.roll ? r.roll.total : '?';
    return h('li', { 'data-testid': `dm-rr-${r.id}` }, h('span', { text: `${what} → ` }),
      h('strong', { 'data-testid': `dm-rr-total-${r.id}`, text: String(total) }),
      r.roll && r.roll.physical ? h('span', { class: 'muted small', text: ' (real dice)' }) : null,
      r.success === true ? h('span', { class: 'rr-ok', text: ' ✓ success' }) : r.success === false ? h('span', { class: 'rr-fail', text: ' ✗ failure' }) : null);
  }

  async function load() {
    try {
      const r = await api('GET', '/api/dm/roll-requests');
      const all = r.requests || [];
      const open = all.filter(x => x.status === 'open');
      const done = all.filter(x => x.status !== 'open').reverse().slice(0, 20);
      openList.replaceChildren(...(open.length ? open.map(line) : [h('li', { class: 'muted small', text: 'None.' })]));
      doneList.replaceChildren(...(done.length ? done.map(line) : [h('li', { class: 'muted small', text: 'None yet.' })]));
    } catch (e) {
      openList.replaceChildren(h('li', { class: 'muted', text: `Could not load the requests: ${e.message}` }));
    }
  }

  state.subscribe('party', fillPlayers);
  state.subscribe(['welcome', 'roll_request'], load);
  fillPlayers();
  load();
  return { el, load };
}
