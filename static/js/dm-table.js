// DM: narrate a scene, whisper to players, roll dice with a visibility.
import { h } from './util.js';
import { panel, field, run, btn, playerPicker, select } from './dm-ui.js';

export function tablePanel({ state, api }) {
  // Narrate
  const narr = h('textarea', { rows: 4, 'data-testid': 'dm-narrate-text', placeholder: 'Describe the scene' });
  const audience = select([['public', 'Everyone (observers too)'], ['party', 'The party (no observers)'], ['players', 'Some players'], ['dm', 'Only me (note)']], 'public');
  audience.dataset.testid = 'dm-narrate-audience';
  const narrPick = playerPicker('Which players', state.party);
  narrPick.hidden = true;
  audience.addEventListener('change', () => { narrPick.hidden = audience.value !== 'players'; });
  const narrBtn = btn('Narrate', async () => {
    const text = narr.value.trim();
    if (!text) { narr.focus(); return; }
    const body = { narrative: text };
    if (audience.value === 'players') {
      const ids = narrPick.values();
      if (!ids.length) { narrPick.querySelector('input')?.focus(); return; }
      body.audience = ids;
    } else body.audience = audience.value;
    const r = await run(narrBtn, () => api('POST', '/api/dm/narrate', body), 'Sent');
    if (r !== undefined) narr.value = '';
  }, 'primary', 'dm-narrate');

  // Whisper
  const wText = h('textarea', { rows: 3, 'data-testid': 'dm-whisper-text', placeholder: 'Only they will see this' });
  const wPick = playerPicker('To', state.party, () => false, 'dm-whisper-to');
  const wBtn = btn('Whisper', async () => {
    const to = wPick.values();
    const text = wText.value.trim();
    if (!to.length || !text) return;
    const r = await run(wBtn, () => api('POST', '/api/dm/whisper', { to, text }), 'Whispered');
    if (r !== undefined) wText.value = '';
  }, 'primary', 'dm-whisper');

  // Roll
  const expr = h('input', { type: 'text', value: '1d20', autocomplete: 'off', inputmode: 'text', 'data-testid': 'dm-roll-expr', spellcheck: 'false' });
  const label = h('input', { type: 'text', placeholder: 'e.g. Perception', 'data-testid': 'dm-roll-label' });
  const vis = select([['public', 'Everyone sees it'], ['party', 'The party sees it'], ['private', 'Only that player (and me)'], ['dm', 'Only me (blind roll)']], 'public');
  vis.dataset.testid = 'dm-roll-visibility';
  const forSel = select([['', '— nobody in particular —']]);
  const result = h('p', { class: 'roll-result', 'aria-live': 'polite', 'data-testid': 'dm-roll-result' });
  const rollBtn = btn('Roll', async () => {
    const body = { expr: expr.value.trim(), visibility: vis.value };
    if (!body.expr) { expr.focus(); return; }
    if (forSel.value) body.for = forSel.value;
    if (label.value.trim()) body.label = label.value.trim();
    if (body.visibility === 'private' && !body.for) { result.textContent = 'Pick the player this private roll is for.'; forSel.focus(); return; }
    const r = await run(rollBtn, () => api('POST', '/api/dm/roll', body));
    if (r && r.roll) result.textContent = `${r.roll.label ? r.roll.label + ': ' : ''}${r.roll.expr} → ${r.roll.total}`;
  }, 'primary', 'dm-roll');
  const quick = h('div', { class: 'row wrap' }, ['1d20', '1d20adv', '1d20dis', '2d6', '1d8', '4d6kh3'].map(x =>
    btn(x, () => { expr.value = x; }, 'ghost small-btn')));

  const el = panel('table', 'Narrate, whisper, roll',
    h('section', { class: 'card' }, h('h3', { text: 'Narrate' }), field('Text', narr), field('Audience', audience), narrPick, h('div', { class: 'row' }, narrBtn)),
    h('section', { class: 'card' }, h('h3', { text: 'Whisper' }), wPick, field('Message', wText), h('div', { class: 'row' }, wBtn)),
    h('section', { class: 'card' }, h('h3', { text: 'Roll dice' }), field('Dice', expr, 'Like 2d6+3, 1d20adv, 4d6kh3'), quick,
      field('Label', label), field('Who sees it', vis), field('For', forSel), h('div', { class: 'row' }, rollBtn), result));

  function onParty() {
    const party = state.party;
    narrPick.fill(party);
    wPick.fill(party);
    const keep = forSel.value;
    forSel.replaceChildren(h('option', { value: '', text: '— nobody in particular —' }),
      ...party.map(p => h('option', { value: p.id, text: p.name })));
    forSel.value = keep;
  }
  onParty();
  return { el, onParty };
}
