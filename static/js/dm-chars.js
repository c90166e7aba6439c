// DM: every character's HP and conditions, editable (PATCH /api/dm/characters/{id}), damage
// and healing with an amount, rests, and every sheet field (js/dm-sheet-edit.js). The
// sheets are the page state's; an answer or a character_update lands there first.
import { h } from './util.js';
import { panel, run, btn } from './dm-ui.js';
import { hpBar, conditionChips } from './sheet.js';
import { pcHpTool, restButtons } from './dm-hp.js';
import { sheetEditor } from './dm-sheet-edit.js';

export function charsPanel({ state, api }) {
  const list = h('ul', { class: 'chars', 'data-testid': 'dm-chars-list' });
  const el = panel('chars', 'Characters', restButtons({ api }), list);
  const editing = new Set(); // ids whose full editor is open: it stays open across redraws

  async function load() {
    try {
      const r = await api('GET', '/api/dm/characters');
      state.setCharacters(r.characters);
    } catch (e) {
      list.append(h('li', { class: 'muted', text: `Could not load characters: ${e.message}` }));
    }
  }

  const cards = new Map();
  function render() {
    for (const ch of state.characters.values()) {
      const old = cards.get(ch.id);
      // Leave a card alone while the DM is typing in it; the next update catches up.
      const active = old && old.contains(document.activeElement) ? document.activeElement : null;
      if (active && active.matches('input, textarea, select') && !active.closest('.hp-tool')) continue;
      const fresh = card(ch);
      cards.set(ch.id, fresh);
      if (old && old.parentNode === list) old.replaceWith(fresh); else list.append(fresh);
      const again = active && active.dataset.testid ? fresh.querySelector(`[data-testid="${CSS.escape(active.dataset.testid)}"]`) : null;
      if (again) again.focus({ preventScroll: true });
    }
  }

  function card(ch) {
    const hp = h('input', { type: 'number', inputmode: 'numeric', value: ch.hp, min: 0, max: 9999, 'aria-label': `${ch.name} hit points`, 'data-testid': `dm-hp-${ch.id}`, class: 'num' });
    const conds = h('input', { type: 'text', value: (ch.conditions || []).join(', '), 'aria-label': `${ch.name} conditions, separated by commas`, placeholder: 'poisoned, prone', 'data-testid': `dm-cond-${ch.id}` });
    const save = async (button, patch) => {
      const r = await run(button, () => api('PATCH', `/api/dm/characters/${encodeURIComponent(ch.id)}`, patch), 'Saved');
      if (r && r.character) state.setCharacter(r.character);
    };
    const saveBtn = btn('Save', () => save(saveBtn, {
      hp: Number(hp.value),
      conditions: conds.value.split(',').map(s => s.trim()).filter(Boolean),
    }), 'primary', `dm-save-${ch.id}`);
    const editor = sheetEditor({ state, api }, ch);
    editor.open = editing.has(ch.id);
    editor.addEventListener('toggle', () => { if (editor.open) editing.add(ch.id); else editing.delete(ch.id); });
    return h('li', { class: 'char-card', 'data-testid': `dm-char-${ch.id}` },
      h('div', { class: 'member-head' }, h('strong', { text: ch.name }),
        h('span', { class: 'muted small', text: ` ${ch.race || ''} ${ch.class || ''} ${ch.level ?? ''} · AC ${ch.ac ?? '?'}` })),
      hpBar(ch.hp, ch.max_hp, ch.temp_hp),
      conditionChips(ch.conditions),
      resources(ch),
      pcHpTool({ api, state }, ch),
      h('div', { class: 'row wrap' }, h('span', { class: 'muted small', text: 'Set HP' }), hp),
      h('div', { class: 'row' }, conds, saveBtn),
      editor);
  }

  /** What the player ticks, at a glance: slots left per level, hit dice, death saves at 0 HP. */
  function resources(ch) {
    const parts = Object.entries(ch.spell_slots || {}).map(([l, s]) => `L${l} ${(s.max || 0) - (s.used || 0)}/${s.max || 0}`);
    if (ch.hit_dice && ch.hit_dice.total) parts.push(`hit dice ${ch.hit_dice.total - (ch.hit_dice.used || 0)}/${ch.hit_dice.total} ${ch.hit_dice.die || ''}`.trim());
    const ds = ch.death_saves;
    if (ds && (ds.successes || ds.failures)) parts.push(`death saves ${ds.successes || 0}✓ ${ds.failures || 0}✗`);
    return parts.length ? h('p', { class: 'muted small', 'data-testid': `dm-res-${ch.id}`, text: (ch.spell_slots && Object.keys(ch.spell_slots).length ? 'Slots ' : '') + parts.join(' · ') }) : null;
  }

  state.subscribe(['characters', 'character'], render);
  return { el, load };
}
