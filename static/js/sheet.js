// Character bar, HP bar and condition chips, and the party panel (the sheet itself is js/sheet-view.js).
import { h, hpClass } from './util.js';

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
