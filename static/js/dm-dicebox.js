// The DM's dice box: an expression, who sees it, whose roll it is; the server rolls
// (POST /api/dm/roll, docs/protocol.md §3.7.11) and the roll lands in the story like any DM
// roll. Used in the Narrate panel and inside the resolve editor. A bad expression clears the
// old result and says what is wrong in its place.
import { h, describeError } from './util.js';
import { field, btn, select } from './dm-ui.js';

const QUICK = ['1d20', '1d20adv', '1d20dis', '2d6', '1d8', '4d6kh3'];

/** p: the testid prefix ('dm-roll'); compact: one row, for the editor; forId: the preselected player. */
export function diceBox({ state, api, p = 'dm-roll', compact = false, forId = '' }) {
  const expr = h('input', { type: 'text', value: '1d20', autocomplete: 'off', inputmode: 'text', spellcheck: 'false', class: 'dice-in', 'data-testid': `${p}-expr` });
  const label = h('input', { type: 'text', placeholder: 'e.g. Perception', 'data-testid': `${p}-label` });
  const vis = select([['public', 'Everyone sees it'], ['party', 'The party sees it'], ['private', 'Only that player (and me)'], ['dm', 'Only me (blind roll)']], 'public');
  vis.dataset.testid = `${p}-visibility`;
  const forSel = select([['', '— nobody in particular —']]);
  forSel.dataset.testid = `${p}-for`;
  const result = h('p', { class: 'roll-result', role: 'status', 'aria-live': 'polite', 'data-testid': `${p}-result` });
  const say = (text, kind) => { result.textContent = text; result.dataset.kind = kind || ''; };

  async function roll() {
    // The old result goes at once: a failed roll must never leave the previous total on screen.
    say('');
    const body = { expr: expr.value.trim(), visibility: vis.value };
    if (!body.expr) { say('Type the dice first, like 1d20+3.', 'error'); expr.focus(); return; }
    if (forSel.value) body.for = forSel.value;
    if (label.value.trim()) body.label = label.value.trim();
    if (body.visibility === 'private' && !body.for) { say('Pick the player this private roll is for.', 'error'); forSel.focus(); return; }
    rollBtn.disabled = true;
    try {
      const r = await api('POST', '/api/dm/roll', body);
      if (r && r.roll) say(`${r.roll.label ? r.roll.label + ': ' : ''}${r.roll.expr} → ${r.roll.total}`, 'ok');
    } catch (e) {
      say(describeError(e.code, e.message), 'error');
      expr.focus();
    } finally {
      rollBtn.disabled = false;
    }
  }
  const rollBtn = btn('Roll', roll, compact ? 'ghost' : 'primary', p);
  rollBtn.setAttribute('aria-label', compact ? 'Roll these dice' : 'Roll');
  expr.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.isComposing) { e.preventDefault(); roll(); }
  });
  const quick = h('div', { class: 'row wrap quick-dice' }, QUICK.map(x => {
    const b = btn(x, () => { expr.value = x; expr.focus(); }, 'ghost small-btn');
    b.setAttribute('aria-label', `Dice ${x}`);
    return b;
  }));

  function fill(party) {
    const keep = forSel.value || forId;
    forSel.replaceChildren(h('option', { value: '', text: '— nobody in particular —' }),
      ...party.map(x => h('option', { value: x.id, text: x.name })));
    forSel.value = keep && party.some(x => x.id === keep) ? keep : '';
  }
  fill(state.party);

  const el = compact
    ? h('fieldset', { class: 'dicebox compact', 'data-testid': `${p}-box` }, h('legend', { text: 'Roll dice' }),
      h('div', { class: 'row wrap' }, field('Dice', expr), field('Who sees it', vis), field('For', forSel)),
      h('div', { class: 'row wrap' }, field('Label', label), rollBtn), result)
    : h('div', { class: 'dicebox' }, field('Dice', expr, 'Like 2d6+3, 1d20adv, 4d6kh3'), quick,
      field('Label', label), field('Who sees it', vis), field('For', forSel), h('div', { class: 'row' }, rollBtn), result);
  return { el, fill, roll };
}
