// The sheet's magic and weapons: spell-slot pips to tap (a full pip spends a slot, an empty
// one recovers it), the spells by level, and the attacks with tap-to-roll to hit and damage.
import { h, fmtMod } from './util.js';
import { policyOf } from './sheet-policy.js';
import { rollButton } from './sheet-hp.js';

const ORDINAL = ['Cantrips', '1st level', '2nd level', '3rd level', '4th level', '5th level', '6th level', '7th level', '8th level', '9th level'];

export function slotsSection(ch, ui) {
  const slots = Object.entries(ch.spell_slots || {}).sort((a, b) => Number(a[0]) - Number(b[0]));
  if (!slots.length) return null;
  const can = policyOf(ui.state, 'spell_slots') !== 'locked';
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-slots' },
    h('h3', { id: 'sh-slots', text: 'Spell slots' }),
    can ? h('p', { class: 'muted small', text: 'Tap a full slot to spend it, an empty one to get it back.' }) : null,
    h('ul', { class: 'slots' }, slots.map(([lvl, s]) => {
      const max = Number(s && s.max) || 0;
      const used = Math.min(max, Number(s && s.used) || 0);
      const left = max - used;
      const pips = Array.from({ length: max }, (_, i) => {
        const full = i < left;
        const label = full ? `Spend a level ${lvl} slot` : `Recover a level ${lvl} slot`;
        const attrs = { class: 'pip' + (full ? ' full' : ''), 'aria-hidden': can ? null : 'true' };
        if (!can) return h('span', attrs);
        return h('button', {
          type: 'button', class: 'pip-btn', 'aria-label': label, 'data-testid': `slot-${lvl}-${i + 1}`, dataset: { full: String(full) },
          onclick: () => ui.send([{ op: full ? 'spend_slot' : 'recover_slot', level: Number(lvl) }]),
        }, h('span', attrs));
      });
      return h('li', { 'data-testid': `slots-${lvl}`, dataset: { left: String(left), max: String(max) } },
        h('span', { class: 'slot-name' }, h('span', { text: `Level ${lvl}` }), h('span', { class: 'muted small', text: ` ${left} of ${max} left` })),
        h('span', { class: 'pips', role: can ? 'group' : 'img', 'aria-label': `Level ${lvl}: ${left} of ${max} left` }, pips));
    })));
}

export function spellsSection(ch) {
  const spells = ch.spells || [];
  if (!spells.length) return null;
  const byLevel = new Map();
  for (const s of spells) {
    const lvl = Number(s.level) || 0;
    if (!byLevel.has(lvl)) byLevel.set(lvl, []);
    byLevel.get(lvl).push(s);
  }
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-spells', 'data-testid': 'sheet-spells' },
    h('h3', { id: 'sh-spells', text: 'Spells' }),
    [...byLevel.keys()].sort((a, b) => a - b).map(lvl => h('div', { class: 'spell-level' },
      h('h4', { text: ORDINAL[lvl] || `Level ${lvl}` }),
      h('ul', { class: 'plain spells' }, byLevel.get(lvl).map(s => h('li', { class: 'spell' + (s.prepared === false ? ' unprepared' : '') },
        h('span', { class: 'spell-name' }, h('strong', { text: s.name }),
          lvl > 0 && s.prepared === true ? h('span', { class: 'chip prep', text: 'prepared' }) : null,
          lvl > 0 && s.prepared === false ? h('span', { class: 'muted small', text: ' not prepared' }) : null),
        s.text ? h('span', { class: 'muted small spell-text', text: s.text }) : null))))));
}

export function attacksSection(ch) {
  const attacks = ch.attacks || [];
  if (!attacks.length) return null;
  return h('section', { class: 'sheet-section', 'aria-labelledby': 'sh-attacks', 'data-testid': 'sheet-attacks' },
    h('h3', { id: 'sh-attacks', text: 'Attacks' }),
    h('ul', { class: 'plain attacks' }, attacks.map(a => h('li', { class: 'attack' },
      h('strong', { class: 'attack-name', text: a.name }),
      h('span', { class: 'attack-rolls' },
        rollButton(`attack:${a.name}`, `${a.name} attack`, `To hit ${fmtMod(Number(a.to_hit) || 0)}`, `roll-attack:${a.name}`),
        a.damage ? rollButton(`damage:${a.name}`, `${a.name} damage`, `${a.damage}${a.damage_type ? ' ' + a.damage_type : ''}`, `roll-damage:${a.name}`) : null)))));
}
