// The player's sheet screen (docs/web-app.md "The sheet"): drawn from the page state's own
// character and changes on every update; what the player is typing (the amount pad, an open
// coin form, a focused field) survives the redraw. Rolls go through js/dice.js (pm:roll).
import { h, fmtMod, abilityMod } from './util.js';
import { conditionChips } from './sheet.js';
import { sheetSender } from './sheet-changes.js';
import { hpSection, deathSaves, hitDice, rollButton } from './sheet-hp.js';
import { slotsSection, spellsSection, attacksSection } from './sheet-slots.js';
import { conditionsSection, coinsSection, inventorySection, notesSection } from './sheet-items.js';

const ABILITIES = [['str', 'Strength'], ['dex', 'Dexterity'], ['con', 'Constitution'],
  ['int', 'Intelligence'], ['wis', 'Wisdom'], ['cha', 'Charisma']];

function section(key, title, ...content) {
  return h('section', { class: 'sheet-section', 'aria-labelledby': `sh-${key}` }, h('h3', { id: `sh-${key}`, text: title }), ...content);
}

/** A tap-to-roll entry (docs/web-app.md "Dice"): dice.js listens for pm:roll. */
function rollable(ref, label, value, extra) {
  const name = label.replace(/\b\w/g, c => c.toUpperCase());
  return h('li', null, h('button', {
    type: 'button', class: 'rollable' + (extra ? ' ' + extra : ''), 'data-roll': ref, 'data-roll-label': name, 'data-testid': `roll-${ref}`,
    onclick: () => document.dispatchEvent(new CustomEvent('pm:roll', { detail: { expr: ref, label: name } })),
  }, h('span', { text: label }), h('strong', { text: value })));
}

function stats(ch) {
  const dex = abilityMod((ch.abilities && ch.abilities.dex) || 10);
  const init = ch.initiative_bonus ?? dex;
  const stat = (label, value, testid) => h('li', { class: 'stat', 'data-testid': testid }, h('span', { class: 'muted small', text: label }), h('strong', { text: value }));
  return h('ul', { class: 'stats' },
    stat('AC', String(ch.ac ?? '?'), 'stat-ac'),
    ch.speed != null ? stat('Speed', `${ch.speed} ft`, 'stat-speed') : null,
    ch.proficiency_bonus != null ? stat('Proficiency', fmtMod(ch.proficiency_bonus), 'stat-prof') : null,
    ch.passive_perception != null ? stat('Passive Perception', String(ch.passive_perception), 'stat-pp') : null,
    h('li', { class: 'stat roll-stat' }, rollButton('initiative', 'Initiative', `Initiative ${fmtMod(init)}`, 'roll-initiative')));
}

function abilities(ch) {
  const a = ch.abilities || {};
  return section('abilities', 'Abilities', h('ul', { class: 'abilities' }, ABILITIES.map(([k, name]) => {
    const score = a[k];
    return h('li', null, h('button', {
      type: 'button', class: 'ability', 'data-testid': `roll-check:${k}`, 'aria-label': `${name} ${score == null ? '' : fmtMod(abilityMod(score))}, roll a check`,
      onclick: () => document.dispatchEvent(new CustomEvent('pm:roll', { detail: { expr: `check:${k}`, label: `${name} check` } })),
    }, h('abbr', { title: name, text: k.toUpperCase() }),
    h('strong', { class: 'ab-mod', text: score == null ? '—' : fmtMod(abilityMod(score)) }),
    h('span', { class: 'muted', text: score == null ? '' : String(score) })));
  })));
}

function saves(ch) {
  const own = ch.saving_throws || {};
  const a = ch.abilities || {};
  return section('saves', 'Saving throws', h('ul', { class: 'rollables' }, ABILITIES.map(([k, name]) => {
    const prof = own[k] != null;
    const bonus = prof ? Number(own[k]) : abilityMod(a[k] ?? 10);
    return rollable(`save:${k}`, (prof ? '● ' : '') + name, fmtMod(bonus), prof ? 'prof' : null);
  })), h('p', { class: 'muted small', text: '● proficient' }));
}

function skills(ch) {
  const list = Object.entries(ch.skills || {});
  if (!list.length) return null;
  return section('skills', 'Skills', h('ul', { class: 'rollables' }, list.map(([k, v]) => rollable(`skill:${k}`, k.replace(/_/g, ' '), fmtMod(v)))));
}

function plainList(key, title, items) {
  return items && items.length ? section(key, title, h('ul', { class: 'plain' }, items.map(x => h('li', { text: String(x) })))) : null;
}

export class SheetView {
  constructor(body, { state, api }) {
    this.body = body;
    this.state = state;
    this.ui = { state, send: sheetSender({ state, api }), amount: '', busy: false, editing: {}, redraw: focus => this.render(focus) };
  }

  /** The sheet's parts, in screen order, each keyed so a part being typed in can stay. */
  parts(ch) {
    const ui = this.ui;
    return [
      ['sub', h('p', { class: 'sheet-sub' }, `${ch.race || ''} ${ch.class || ''}, level ${ch.level ?? '?'}`.trim(),
        ch.player_name ? h('span', { class: 'muted', text: ` · played by ${ch.player_name}` }) : null)],
      ['stats', stats(ch)],
      ['chips', conditionChips(ch.conditions)],
      // At 0 HP the death saves come first: they are what the player does now.
      ...((Number(ch.hp) || 0) <= 0 ? [['death', deathSaves(ch, ui)], ['hp', hpSection(ch, ui)]] : [['hp', hpSection(ch, ui)], ['death', deathSaves(ch, ui)]]),
      ['hitdice', hitDice(ch, ui)],
      ['slots', slotsSection(ch, ui)],
      ['attacks', attacksSection(ch)],
      ['spells', spellsSection(ch)],
      ['abilities', abilities(ch)],
      ['saves', saves(ch)],
      ['skills', skills(ch)],
      ['conditions', conditionsSection(ch, ui)],
      ['coins', coinsSection(ch, ui)],
      ['inventory', inventorySection(ch, ui)],
      ['features', plainList('features', 'Features', ch.features)],
      ['languages', plainList('languages', 'Languages', ch.languages)],
      ['notes', notesSection(ch, ui)],
      ['secret', ch.secret_background ? h('section', { class: 'sheet-section secret' },
        h('h3', { text: 'Secret background' }),
        h('p', { class: 'muted small', text: 'Only you and the DM can see this.' }),
        h('p', { 'data-testid': 'secret-background', text: ch.secret_background })) : null],
    ];
  }

  /** Redraws from the state; `focusId` (a data-testid) gets the focus afterwards. */
  render(focusId) {
    const ch = this.state.character;
    if (!ch) return;
    const active = document.activeElement;
    const inside = active && this.body.contains(active) ? active : null;
    const typing = inside && inside.matches('input, textarea, select') ? inside.closest('[data-part]') : null;
    const refocus = focusId || (inside && inside.dataset.testid) || null;
    const scroller = this.body.closest('dialog') || this.body;
    const top = scroller.scrollTop;
    const nodes = [];
    for (const [key, el] of this.parts(ch)) {
      if (typing && typing.dataset.part === key) { nodes.push(typing); continue; }
      if (!el) continue;
      el.dataset.part = key;
      nodes.push(el);
    }
    this.body.replaceChildren(...nodes);
    scroller.scrollTop = top;
    if (refocus) {
      const target = this.body.querySelector(`[data-testid="${CSS.escape(refocus)}"]`);
      if (target && !target.disabled) target.focus({ preventScroll: true });
    }
  }
}
