// DM: one-tap damage and healing with an amount, for PCs (their sheet's ops) and NPC
// combatants (POST /api/dm/combat/combatants/{id}/damage|heal), and the short and long rests
// (POST /api/dm/rest). The daemon does the arithmetic (docs/protocol.md §8.2).
import { h } from './util.js';
import { run, btn } from './dm-ui.js';
import { dmChange } from './sheet-changes.js';

/** An amount and Damage / Heal buttons; apply(kind, amount) returns the API call's promise. */
export function hpTool(name, testid, apply) {
  const amount = h('input', { type: 'number', inputmode: 'numeric', min: 1, max: 9999, class: 'num', placeholder: 'HP', 'aria-label': `Amount of damage or healing for ${name}`, 'data-testid': `dm-amount-${testid}` });
  const go = (button, kind) => {
    const n = Math.trunc(Number(amount.value));
    if (!(n > 0)) { amount.focus(); return; }
    run(button, () => apply(kind, n), kind === 'damage' ? `${name} takes ${n}` : `${name} heals ${n}`).then(r => { if (r !== undefined) amount.value = ''; });
  };
  const dmg = btn('Damage', () => go(dmg, 'damage'), 'danger-solid', `dm-damage-${testid}`);
  const heal = btn('Heal', () => go(heal, 'heal'), 'ok-solid', `dm-heal-${testid}`);
  amount.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); go(dmg, 'damage'); } });
  return h('div', { class: 'hp-tool' }, amount, dmg, heal);
}

/** The tool for a PC's sheet. */
export function pcHpTool({ api, state }, ch) {
  return hpTool(ch.name, ch.id, (kind, amount) => dmChange(api, state, ch.id, [{ op: kind, amount }]));
}

/** The tool for a combatant: PCs through their sheet, NPCs through the combat. */
export function combatantHpTool({ api, state }, c) {
  // Testids `c-ID`: the same PC also has a tool in the Sheets tab.
  if (c.kind === 'pc') return hpTool(c.name, `c-${c.id}`, (kind, amount) => dmChange(api, state, c.id, [{ op: kind, amount }]));
  return hpTool(c.name, `c-${c.id}`, async (kind, amount) => {
    const r = await api('POST', `/api/dm/combat/combatants/${encodeURIComponent(c.id)}/${kind}`, { amount });
    if (r && r.combat) state.setCombat(r.combat);
    return r;
  });
}

/** Short and long rest for every PC. */
export function restButtons({ api }) {
  const rest = (button, kind) => run(button, () => api('POST', '/api/dm/rest', { kind }),
    kind === 'long' ? 'Long rest: hit points, slots and hit dice restored' : 'Short rest: the players may spend hit dice');
  const short = btn('Short rest', () => rest(short, 'short'), 'ghost', 'dm-rest-short');
  // A long rest undoes a fight's worth of damage: the first tap asks, the second one rests.
  let armed = 0;
  const long = btn('Long rest', () => {
    if (armed) { clearTimeout(armed); armed = 0; long.textContent = 'Long rest'; rest(long, 'long'); return; }
    long.textContent = 'Tap again: long rest for everyone';
    armed = setTimeout(() => { armed = 0; long.textContent = 'Long rest'; }, 5000);
  }, 'ghost', 'dm-rest-long');
  return h('div', { class: 'row rest-row' }, short, long);
}
