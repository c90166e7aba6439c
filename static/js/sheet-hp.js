// The sheet's hit points (docs/web-app.md "The sheet"): the amount pad with Damage, Heal and
// Temp HP, death saves at 0 HP, hit dice. The daemon does the arithmetic; the page sends ops.
import { h, abilityMod } from './util.js';
import { hpBar } from './sheet.js';
import { policyOf } from './sheet-policy.js';

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', '⌫'];
const PAD_NAMES = { C: 'Clear the amount', '⌫': 'Delete the last digit' };

/** A roll button for the dice sheet (js/dice.js listens for pm:roll). */
export function rollButton(expr, label, text, testid) {
  return h('button', {
    type: 'button', class: 'btn ghost small-btn roll-btn', 'data-testid': testid, 'data-roll': expr,
    onclick: () => document.dispatchEvent(new CustomEvent('pm:roll', { detail: { expr, label } })),
  }, text);
}

/**
 * ui: {state, send(ops), amount (the pad's digits, kept while the sheet redraws), busy}.
 */
export function hpSection(ch, ui) {
  const hp = Number(ch.hp) || 0;
  const max = Number(ch.max_hp) || 0;
  const temp = Number(ch.temp_hp) || 0;
  const canHp = policyOf(ui.state, 'hp') !== 'locked';
  const canTemp = policyOf(ui.state, 'temp_hp') !== 'locked';
  const parts = [
    h('div', { class: 'hp-now' },
      h('strong', { class: 'hp-big', 'data-testid': 'sheet-hp-value', text: `${hp} / ${max}` }),
      temp ? h('span', { class: 'chip temp', 'data-testid': 'sheet-temp-hp', text: `+${temp} temporary` }) : null),
    hpBar(hp, max, temp, 'sheet-hp'),
  ];
  if (canHp || canTemp) parts.push(amountPad(ui, canHp, canTemp));
  return h('section', { class: 'sheet-section hp-section', 'aria-labelledby': 'sh-hp' },
    h('h3', { id: 'sh-hp', text: 'Hit points' }), ...parts);
}

function amountPad(ui, canHp, canTemp) {
  const out = h('output', { class: 'amount', 'data-testid': 'hp-amount', 'aria-label': 'Amount', text: ui.amount || '0' });
  const acts = [];
  const draw = () => {
    out.textContent = ui.amount || '0';
    for (const b of acts) b.disabled = ui.busy || !(Number(ui.amount) > 0) && b.dataset.op !== 'temp_hp';
  };
  const press = k => {
    if (k === 'C') ui.amount = '';
    else if (k === '⌫') ui.amount = (ui.amount || '').slice(0, -1);
    else if ((ui.amount || '').length < 4) ui.amount = ((ui.amount || '') + k).replace(/^0+(?=\d)/, '');
    draw();
  };
  const act = (op, text, cls) => {
    const b = h('button', {
      type: 'button', class: `btn ${cls}`, 'data-testid': `hp-${op.replace('_', '-')}`, dataset: { op }, text,
      onclick: async () => {
        const n = Number(ui.amount) || 0;
        const body = op === 'temp_hp' ? { op, value: n } : { op, amount: n };
        ui.busy = true; draw();
        const done = await ui.send([body]);
        ui.busy = false;
        if (done) ui.amount = '';
        ui.redraw(b.dataset.testid); // the answer may have redrawn the sheet already: draw the pad afresh
      },
    });
    acts.push(b);
    return b;
  };
  const keys = h('div', { class: 'pad', role: 'group', 'aria-label': 'Amount pad' },
    PAD.map(k => h('button', { type: 'button', class: 'pad-key', 'data-testid': `pad-${k === '⌫' ? 'back' : k}`, 'aria-label': PAD_NAMES[k] || null, text: k, onclick: () => press(k) })));
  const row = h('div', { class: 'hp-acts' },
    canHp ? act('damage', 'Damage', 'danger-solid') : null,
    canHp ? act('heal', 'Heal', 'ok-solid') : null,
    canTemp ? act('temp_hp', 'Temp HP', 'ghost') : null);
  draw();
  return h('div', { class: 'hp-pad' }, out, keys, row);
}

/** Death saves: shown at 0 HP (or when some are marked). */
export function deathSaves(ch, ui) {
  const ds = ch.death_saves || { successes: 0, failures: 0 };
  if ((Number(ch.hp) || 0) > 0 && !ds.successes && !ds.failures) return null;
  const can = policyOf(ui.state, 'death_saves') !== 'locked';
  const marks = (n, kind) => h('span', { class: `pips ds ${kind}`, role: 'img', 'aria-label': `${n} of 3 ${kind}`, 'data-testid': `ds-${kind}` },
    [0, 1, 2].map(i => h('span', { class: 'pip' + (i < n ? ' full' : ''), 'aria-hidden': 'true' })));
  const send = success => ui.send([{ op: 'death_save', success }]);
  const state = ds.successes >= 3 ? 'Stable' : ds.failures >= 3 ? 'Dead' : null;
  return h('section', { class: 'sheet-section death-saves', 'aria-labelledby': 'sh-ds', 'data-testid': 'death-saves' },
    h('h3', { id: 'sh-ds', text: 'Death saves' }),
    h('div', { class: 'ds-row' }, h('span', { text: 'Successes' }), marks(Number(ds.successes) || 0, 'successes')),
    h('div', { class: 'ds-row' }, h('span', { text: 'Failures' }), marks(Number(ds.failures) || 0, 'failures')),
    state ? h('p', { class: 'ds-state', text: state }) : null,
    h('div', { class: 'row wrap' },
      rollButton('1d20', 'Death save', 'Roll 1d20', 'roll-death-save'),
      can ? h('button', { type: 'button', class: 'btn ok-solid', 'data-testid': 'ds-success', text: 'Success', onclick: () => send(true) }) : null,
      can ? h('button', { type: 'button', class: 'btn danger-solid', 'data-testid': 'ds-failure', text: 'Failure', onclick: () => send(false) }) : null));
}

/** Hit dice: how many are left, spend one, roll it (die + CON modifier). */
export function hitDice(ch, ui) {
  const hd = ch.hit_dice;
  if (!hd || !hd.total) return null;
  const left = Math.max(0, (Number(hd.total) || 0) - (Number(hd.used) || 0));
  const con = abilityMod((ch.abilities && ch.abilities.con) || 10);
  const expr = `1${hd.die || 'd8'}${con > 0 ? '+' + con : con < 0 ? String(con) : ''}`;
  const can = policyOf(ui.state, 'hit_dice') !== 'locked';
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-hd' },
    h('h3', { id: 'sh-hd', text: 'Hit dice' }),
    h('p', { 'data-testid': 'hit-dice', text: `${left} of ${hd.total} ${hd.die || ''} left` }),
    h('div', { class: 'row wrap' },
      can ? h('button', { type: 'button', class: 'btn', 'data-testid': 'spend-hit-die', disabled: left === 0, text: 'Spend a hit die', onclick: () => ui.send([{ op: 'spend_hit_die' }]) }) : null,
      rollButton(expr, 'Hit die', `Roll ${expr}`, 'roll-hit-die')));
}
