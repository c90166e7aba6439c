// Character bar, the read-only character sheet dialog and the party panel.
import { h, fmtMod, abilityMod, hpClass } from './util.js';

const ABILITIES = [['str', 'Strength'], ['dex', 'Dexterity'], ['con', 'Constitution'],
  ['int', 'Intelligence'], ['wis', 'Wisdom'], ['cha', 'Charisma']];

export function hpBar(hp, max, temp, testid) {
  const cur = Number(hp) || 0;
  const top = Number(max) || 0;
  const pct = top > 0 ? Math.max(0, Math.min(100, Math.round((cur / top) * 100))) : 0;
  const text = `${cur}/${top}` + (temp ? ` +${temp}` : '');
  const fill = h('span', { class: 'hp-fill' });
  fill.style.width = pct + '%'; // CSSOM, not a style attribute, so a strict CSP still allows it
  return h('div', { class: 'hp' },
    h('div', {
      class: 'hp-bar ' + hpClass(cur, top), role: 'meter', 'aria-label': 'Hit points',
      'aria-valuemin': 0, 'aria-valuemax': top, 'aria-valuenow': cur, 'aria-valuetext': `${text} hit points`,
      'data-testid': testid, dataset: { hp: String(cur), max: String(top) },
    }, fill),
    h('span', { class: 'hp-text', text: `HP ${text}` }));
}

export function conditionChips(list) {
  const items = (list || []).filter(Boolean);
  if (!items.length) return null;
  return h('ul', { class: 'conditions', 'aria-label': 'Conditions' },
    items.map(c => h('li', { class: 'chip cond', text: String(c) })));
}

/** The compact bar at the top of a player's screen; tapping it opens the sheet. */
export function renderCharBar(root, ch, onOpen) {
  if (!ch) { root.hidden = true; return; }
  root.hidden = false;
  const btn = h('button', { type: 'button', class: 'charbar-btn', 'data-testid': 'open-sheet', 'aria-haspopup': 'dialog', onclick: onOpen },
    h('span', { class: 'cb-name' },
      h('strong', { 'data-testid': 'char-name', text: ch.name }),
      h('span', { class: 'muted', text: ` Lv ${ch.level ?? '?'} ${ch.class || ''}` })),
    hpBar(ch.hp, ch.max_hp, ch.temp_hp, 'my-hp'),
    h('span', { class: 'ac', title: 'Armour class', text: `AC ${ch.ac ?? '?'}` }),
    conditionChips(ch.conditions),
    h('span', { class: 'sr-only', text: 'Open the character sheet' }),
    h('span', { class: 'cb-more', 'aria-hidden': 'true', text: '›' }));
  root.replaceChildren(btn);
}

function section(title, ...content) {
  return h('section', { class: 'sheet-section' }, h('h3', { text: title }), ...content);
}

function dl(entries) {
  return h('dl', { class: 'kv' }, entries.map(([k, v]) => h('div', null, h('dt', { text: k }), h('dd', { text: v }))));
}

/** A tap-to-roll entry (docs/web-app.md "Dice"): dice.js listens for pm:roll. */
function rollable(ref, label, value) {
  const name = label.replace(/\b\w/g, c => c.toUpperCase());
  return h('li', null, h('button', {
    type: 'button', class: 'rollable', 'data-roll': ref, 'data-roll-label': name, 'data-testid': `roll-${ref}`,
    onclick: () => document.dispatchEvent(new CustomEvent('pm:roll', { detail: { expr: ref, label: name } })),
  }, h('span', { text: label }), h('strong', { text: value })));
}

/** Fills the sheet dialog with the full read-only sheet. */
export function renderSheet(body, ch) {
  const abilities = ch.abilities || {};
  const parts = [
    h('p', { class: 'sheet-sub' }, `${ch.race || ''} ${ch.class || ''}, level ${ch.level ?? '?'}`.trim(),
      ch.player_name ? h('span', { class: 'muted', text: ` · played by ${ch.player_name}` }) : null),
    h('div', { class: 'sheet-top' },
      hpBar(ch.hp, ch.max_hp, ch.temp_hp, 'sheet-hp'),
      h('span', { class: 'ac', text: `AC ${ch.ac ?? '?'}` })),
    conditionChips(ch.conditions),
    section('Abilities', h('ul', { class: 'abilities' }, ABILITIES.map(([k, name]) => {
      const score = abilities[k];
      return h('li', { class: 'ability' },
        h('abbr', { title: name, text: k.toUpperCase() }),
        h('strong', { class: 'ab-mod', text: score == null ? '—' : fmtMod(abilityMod(score)) }),
        h('span', { class: 'muted', text: score == null ? '' : String(score) }));
    }))),
  ];
  const saves = Object.entries(ch.saving_throws || {});
  if (saves.length) parts.push(section('Saving throws', dl(saves.map(([k, v]) => [k.toUpperCase(), fmtMod(v)]))));
  const skills = Object.entries(ch.skills || {});
  if (skills.length) parts.push(section('Skills', h('ul', { class: 'rollables' }, skills.map(([k, v]) => rollable(`skill:${k}`, k.replace(/_/g, ' '), fmtMod(v))))));
  const slots = Object.entries(ch.spell_slots || {});
  if (slots.length) {
    parts.push(section('Spell slots', h('ul', { class: 'slots' }, slots.map(([lvl, s]) => {
      const max = Number(s && s.max) || 0;
      const used = Number(s && s.used) || 0;
      return h('li', null, h('span', { text: `Level ${lvl}` }),
        h('span', { class: 'pips', 'aria-label': `${max - used} of ${max} left` },
          Array.from({ length: max }, (_, i) => h('span', { class: 'pip' + (i < max - used ? ' full' : ''), 'aria-hidden': 'true' }))));
    }))));
  }
  const list = (title, items) => {
    if (items && items.length) parts.push(section(title, h('ul', { class: 'plain' }, items.map(x => h('li', { text: String(x) })))));
  };
  list('Inventory', ch.inventory);
  list('Features', ch.features);
  if (ch.secret_background) {
    parts.push(h('section', { class: 'sheet-section secret' },
      h('h3', { text: 'Secret background' }),
      h('p', { class: 'muted small', text: 'Only you and the DM can see this.' }),
      h('p', { 'data-testid': 'secret-background', text: ch.secret_background })));
  }
  body.replaceChildren(...parts.filter(Boolean));
}

/** The party roster; `me` is left out for players (their own bar is at the top). */
export function renderParty(root, party, ctx) {
  const rows = (party || []).filter(p => !(ctx.role === 'player' && p.id === ctx.me));
  if (!rows.length) {
    root.replaceChildren(h('li', { class: 'muted', text: 'No one else yet.' }));
    return;
  }
  root.replaceChildren(...rows.map(p => h('li', { class: 'member', 'data-testid': `party-${p.id}` },
    h('div', { class: 'member-head' },
      h('span', { class: 'dot ' + (p.connected ? 'on' : 'off'), role: 'img', 'aria-label': p.connected ? 'online' : 'offline' }),
      h('strong', { text: p.name }),
      p.connected ? null : h('span', { class: 'muted small', 'aria-hidden': 'true', text: ' away' }),
      p.class ? h('span', { class: 'muted', text: ` Lv ${p.level ?? '?'} ${p.class}` }) : null,
      p.ac != null ? h('span', { class: 'ac small', text: `AC ${p.ac}` }) : null),
    p.max_hp != null ? hpBar(p.hp, p.max_hp, p.temp_hp, `party-hp-${p.id}`) : null,
    conditionChips(p.conditions))));
}
