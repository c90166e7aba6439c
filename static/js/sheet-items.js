// The sheet's belongings and state: conditions, coins, inventory and the player's notes.
// Edits are `set` ops; a field that needs the DM's approval shows "Waiting for the DM"
// until change_status settles it, and a rejection shows the DM's reason.
import { h } from './util.js';
import { policyOf, openChangeFor } from './sheet-policy.js';
import { secondPerson } from './sheet-story.js';

const COINS = [['pp', 'Platinum'], ['gp', 'Gold'], ['ep', 'Electrum'], ['sp', 'Silver'], ['cp', 'Copper']];
const CONDITIONS = ['blinded', 'charmed', 'deafened', 'exhaustion', 'frightened', 'grappled', 'incapacitated', 'invisible',
  'paralyzed', 'petrified', 'poisoned', 'prone', 'restrained', 'stunned', 'unconscious', 'concentrating'];

/** The word on a field's submit button. */
function submitWord(state, field) { return policyOf(state, field) === 'approval' ? 'Ask the DM' : 'Save'; }

/** "Waiting for the DM" or "The DM said no" under a field, or null. */
export function changeNote(state, field) {
  const c = openChangeFor(state, field);
  if (!c) return null;
  if (c.status === 'pending') {
    return h('p', { class: 'change-note pending', role: 'status', 'data-testid': `pending-${field}` },
      h('strong', { text: 'Waiting for the DM' }), c.summary ? h('span', { text: `: ${secondPerson(c.summary, state.character && state.character.name)}` }) : null);
  }
  return h('p', { class: 'change-note rejected', role: 'status', 'data-testid': `rejected-${field}` },
    h('strong', { text: 'The DM said no' }), h('span', { text: c.reason ? `: ${c.reason}` : '.' }), ' ',
    h('button', { type: 'button', class: 'btn ghost small-btn', 'data-testid': `dismiss-${field}`, text: 'OK', onclick: () => state.setChange({ ...c, dismissed: true }) }));
}

function head(id, title, state, field) {
  const p = policyOf(state, field);
  return h('h3', { id }, title, p === 'approval' ? h('span', { class: 'muted small pol', text: ' · the DM approves changes' }) : null);
}

export function conditionsSection(ch, ui) {
  const state = ui.state;
  const list = (ch.conditions || []).filter(Boolean);
  const can = policyOf(state, 'conditions') !== 'locked';
  if (!list.length && !can) return null;
  const busy = !!openChangeFor(state, 'conditions') && openChangeFor(state, 'conditions').status === 'pending';
  const set = value => ui.send([{ op: 'set', field: 'conditions', value }]);
  const pick = h('select', { id: 'sh-cond-add', 'data-testid': 'cond-add-pick' },
    h('option', { value: '', text: 'Add a condition…' }), CONDITIONS.filter(c => !list.includes(c)).map(c => h('option', { value: c, text: c })));
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-cond', 'data-testid': 'sheet-conditions' },
    head('sh-cond', 'Conditions', state, 'conditions'),
    list.length ? h('ul', { class: 'conditions editable' }, list.map(c => h('li', { class: 'chip cond' }, h('span', { text: c }),
      can ? h('button', { type: 'button', class: 'chip-x', disabled: busy, 'aria-label': `Remove ${c}`, 'data-testid': `cond-remove-${c}`, text: '×', onclick: () => set(list.filter(x => x !== c)) }) : null)))
      : h('p', { class: 'muted small', text: 'None.' }),
    can ? h('div', { class: 'row' }, h('label', { for: 'sh-cond-add', class: 'sr-only', text: 'Add a condition' }), pick,
      h('button', { type: 'button', class: 'btn', disabled: busy, 'data-testid': 'cond-add', text: submitWord(state, 'conditions'), onclick: () => { if (pick.value) set([...list, pick.value]); } })) : null,
    changeNote(state, 'conditions'));
}

export function coinsSection(ch, ui) {
  const state = ui.state;
  const coins = ch.coins;
  const can = policyOf(state, 'coins') !== 'locked';
  if (!coins && !can) return null;
  const c = coins || {};
  const open = openChangeFor(state, 'coins');
  const busy = !!open && open.status === 'pending';
  const show = h('ul', { class: 'coins', 'data-testid': 'sheet-coins' }, COINS.map(([k, name]) => h('li', { class: 'coin', 'data-testid': `coin-${k}` },
    h('abbr', { title: name, text: k }), h('strong', { text: String(Number(c[k]) || 0) }))));
  const parts = [head('sh-coins', 'Coins', state, 'coins'), show];
  if (can && ui.editing.coins) {
    const inputs = COINS.map(([k, name]) => h('input', { type: 'number', inputmode: 'numeric', min: 0, max: 999999, class: 'num', id: `sh-coin-${k}`, value: String(Number(c[k]) || 0), 'data-testid': `coin-input-${k}`, 'aria-label': `${name} pieces` }));
    const submit = () => {
      const value = {};
      COINS.forEach(([k], i) => { value[k] = Math.max(0, Math.trunc(Number(inputs[i].value) || 0)); });
      ui.editing.coins = false;
      ui.send([{ op: 'set', field: 'coins', value }]);
    };
    parts.push(h('form', { class: 'coin-edit', onsubmit: e => { e.preventDefault(); submit(); } },
      h('div', { class: 'coin-inputs' }, COINS.map(([k], i) => h('label', { class: 'coin-in', for: `sh-coin-${k}` }, h('span', { text: k }), inputs[i]))),
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'coins-save', text: submitWord(state, 'coins') }),
        h('button', { type: 'button', class: 'btn ghost', text: 'Cancel', onclick: () => { ui.editing.coins = false; ui.redraw(); } }))));
  } else if (can) {
    parts.push(h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn', disabled: busy, 'data-testid': 'coins-edit', text: 'Change coins', onclick: () => { ui.editing.coins = true; ui.redraw('coin-input-gp'); } })));
  }
  parts.push(changeNote(state, 'coins'));
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-coins' }, ...parts);
}

export function inventorySection(ch, ui) {
  const state = ui.state;
  const items = ch.inventory || [];
  const can = policyOf(state, 'inventory') !== 'locked';
  if (!items.length && !can) return null;
  const open = openChangeFor(state, 'inventory');
  const busy = !!open && open.status === 'pending';
  const set = value => ui.send([{ op: 'set', field: 'inventory', value }]);
  const add = h('input', { type: 'text', id: 'sh-inv-add', maxlength: 200, placeholder: 'e.g. Rope (50 ft)', autocomplete: 'off', 'data-testid': 'inv-add-text' });
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-inv', 'data-testid': 'sheet-inventory' },
    head('sh-inv', 'Inventory', state, 'inventory'),
    h('ul', { class: 'plain inventory' }, items.map((it, i) => h('li', { class: 'inv-item' }, h('span', { text: String(it) }),
      can ? h('button', { type: 'button', class: 'btn ghost small-btn', disabled: busy, 'aria-label': `Remove ${it}`, 'data-testid': `inv-remove-${i}`, text: 'Remove', onclick: () => set(items.filter((_, j) => j !== i)) }) : null))),
    can ? h('form', { class: 'row', onsubmit: e => { e.preventDefault(); const t = add.value.trim(); if (t) { add.value = ''; set([...items, t]); } } },
      h('label', { for: 'sh-inv-add', class: 'sr-only', text: 'Add an item' }), add,
      h('button', { type: 'submit', class: 'btn', disabled: busy, 'data-testid': 'inv-add', text: submitWord(state, 'inventory') === 'Save' ? 'Add' : 'Ask the DM' })) : null,
    changeNote(state, 'inventory'));
}

export function notesSection(ch, ui) {
  const state = ui.state;
  const can = policyOf(state, 'notes') !== 'locked';
  if (!can && !ch.notes) return null;
  if (!can) return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-notes' }, h('h3', { id: 'sh-notes', text: 'Notes' }), h('p', { class: 'notes-text', text: ch.notes }));
  const text = h('textarea', { id: 'sh-notes-text', rows: 4, maxlength: 10000, 'data-testid': 'notes-text', placeholder: 'Names, clues, who owes you money…' });
  text.value = ch.notes || '';
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-notes' },
    h('h3', { id: 'sh-notes' }, h('label', { for: 'sh-notes-text', text: 'Your notes' })),
    text,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn', 'data-testid': 'notes-save', text: submitWord(state, 'notes'), onclick: () => ui.send([{ op: 'set', field: 'notes', value: text.value }]) })),
    changeNote(state, 'notes'));
}
