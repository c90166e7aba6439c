// DM: every field of a character's sheet, editable (PATCH /api/dm/characters/{id} with the
// fields that changed; the daemon checks the merged sheet and names what is wrong). Lists
// are one entry a line; attacks and spells are "a | b | c" lines.
import { h, toast } from './util.js';
import { field, run, btn } from './dm-ui.js';

const TEXT = [['name', 'Name'], ['player_name', 'Played by'], ['race', 'Race'], ['class', 'Class']];
const NUMS = [['level', 'Level'], ['ac', 'AC'], ['hp', 'HP'], ['max_hp', 'Max HP'], ['temp_hp', 'Temp HP'], ['speed', 'Speed'],
  ['proficiency_bonus', 'Proficiency'], ['initiative_bonus', 'Initiative'], ['passive_perception', 'Passive Perception']];
const ABIL = ['str', 'dex', 'con', 'int', 'wis', 'cha'];
const LINES = [['conditions', 'Conditions'], ['inventory', 'Inventory'], ['features', 'Features'], ['languages', 'Languages']];
const LONG = [['notes', "The player's notes"], ['secret_background', 'Secret background (the player and you)'], ['dm_notes', 'DM notes (only you)']];

const lines = v => String(v).split('\n').map(s => s.trim()).filter(Boolean);
const num = (v, what) => {
  const n = Number(String(v).replace('−', '-').trim());
  if (!Number.isInteger(n)) throw new Error(`${what}: "${v}" is not a whole number.`);
  return n;
};
const bonusMap = (text, what) => Object.fromEntries(lines(text).map(l => {
  const m = l.match(/^(.+?)\s+([+\-−]?\d+)$/);
  if (!m) throw new Error(`${what}: write "name +3" on each line ("${l}").`);
  return [m[1].trim().toLowerCase().replace(/\s+/g, '_'), num(m[2], what)];
}));
const fmtBonus = n => (n >= 0 ? '+' : '') + n;

/** The sheet as the form's text, and the form's text back into fields. */
const CODEC = {
  abilities: { show: v => v || {}, read: null },
  skills: { show: v => Object.entries(v || {}).map(([k, n]) => `${k} ${fmtBonus(n)}`).join('\n'), read: t => bonusMap(t, 'Skills') },
  saving_throws: { show: v => Object.entries(v || {}).map(([k, n]) => `${k} ${fmtBonus(n)}`).join('\n'), read: t => bonusMap(t, 'Saving throws') },
  spell_slots: {
    show: v => Object.entries(v || {}).map(([l, s]) => `${l}: ${s.used}/${s.max}`).join('\n'),
    read: t => Object.fromEntries(lines(t).map(l => {
      const m = l.match(/^(\d)\s*:\s*(\d+)\s*\/\s*(\d+)$/);
      if (!m) throw new Error(`Spell slots: write "level: used/max" on each line, e.g. "1: 0/4" ("${l}").`);
      return [m[1], { used: Number(m[2]), max: Number(m[3]) }];
    })),
  },
  attacks: {
    show: v => (v || []).map(a => [a.name, fmtBonus(a.to_hit), a.damage, a.damage_type || ''].join(' | ').replace(/ \| $/, '')).join('\n'),
    read: t => lines(t).map(l => {
      const [name, hit, damage, type] = l.split('|').map(s => s.trim());
      if (!name || hit == null || !damage) throw new Error(`Attacks: write "name | to hit | damage | type" ("${l}").`);
      const a = { name, to_hit: num(hit, 'Attacks'), damage };
      if (type) a.damage_type = type;
      return a;
    }),
  },
  spells: {
    show: v => (v || []).map(s => [s.name, s.level, s.prepared === true ? 'prepared' : s.prepared === false ? 'not prepared' : '-', s.text || ''].join(' | ').replace(/ \| $/, '')).join('\n'),
    read: t => lines(t).map(l => {
      const [name, level, prep, ...text] = l.split('|').map(s => s.trim());
      if (!name || level == null) throw new Error(`Spells: write "name | level | prepared | text" ("${l}").`);
      const s = { name, level: num(level, 'Spells') };
      if (prep === 'prepared') s.prepared = true; else if (prep === 'not prepared') s.prepared = false;
      if (text.join('|').trim()) s.text = text.join('|').trim();
      return s;
    }),
  },
};

export function sheetEditor({ state, api }, ch) {
  const controls = new Map(); // field → () => value (throws a sentence on a bad entry)
  const input = (key, label, value, attrs = {}) => {
    const el = h('input', { type: attrs.type || 'text', value: value ?? '', 'data-testid': `dm-edit-${key}-${ch.id}`, class: attrs.type === 'number' ? 'num' : null, inputmode: attrs.type === 'number' ? 'numeric' : null });
    return field(label, el);
  };
  const area = (key, label, value, rows = 3) => {
    const el = h('textarea', { rows, 'data-testid': `dm-edit-${key}-${ch.id}` });
    el.value = value ?? '';
    return field(label, el);
  };
  const parts = [];
  for (const [k, label] of TEXT) { const f = input(k, label, ch[k]); parts.push(f); controls.set(k, () => f.control.value.trim()); }
  const nums = NUMS.map(([k, label]) => { const f = input(k, label, ch[k], { type: 'number' }); controls.set(k, () => f.control.value === '' ? null : num(f.control.value, label)); return f; });
  parts.push(h('div', { class: 'grid2' }, nums));
  const abil = ABIL.map(k => input(`ab-${k}`, k.toUpperCase(), (ch.abilities || {})[k], { type: 'number' }));
  controls.set('abilities', () => Object.fromEntries(ABIL.map((k, i) => [k, num(abil[i].control.value, k.toUpperCase())])));
  parts.push(h('h4', { text: 'Abilities' }), h('div', { class: 'grid2' }, abil));
  const group = (key, title, names, value) => {
    const fs = names.map(([n, label, type]) => input(`${key}-${n}`, label, (value || {})[n], { type }));
    controls.set(key, () => {
      if (!value && fs.every(f => f.control.value === '')) return null;
      return Object.fromEntries(names.map(([n, label, type], i) => [n, type === 'number' ? num(fs[i].control.value || 0, `${title} ${label}`) : fs[i].control.value.trim()]));
    });
    parts.push(h('h4', { text: title }), h('div', { class: 'grid2' }, fs));
  };
  group('hit_dice', 'Hit dice', [['die', 'Die (d8)', 'text'], ['total', 'Total', 'number'], ['used', 'Used', 'number']], ch.hit_dice);
  group('death_saves', 'Death saves', [['successes', 'Successes', 'number'], ['failures', 'Failures', 'number']], ch.death_saves);
  group('coins', 'Coins', ['pp', 'gp', 'ep', 'sp', 'cp'].map(c => [c, c.toUpperCase(), 'number']), ch.coins);
  for (const k of ['spell_slots', 'skills', 'saving_throws', 'attacks', 'spells']) {
    const hint = { spell_slots: 'level: used/max, one a line', skills: 'name +3, one a line', saving_throws: 'dex +5, one a line', attacks: 'name | to hit | damage | type', spells: 'name | level | prepared / not prepared / - | text' }[k];
    const f = area(k, `${k.replace('_', ' ').replace(/^\w/, c => c.toUpperCase())} (${hint})`, CODEC[k].show(ch[k]), 4);
    controls.set(k, () => CODEC[k].read(f.control.value));
    parts.push(f);
  }
  for (const [k, label] of LINES) { const f = area(k, `${label} (one a line)`, (ch[k] || []).join('\n')); controls.set(k, () => lines(f.control.value)); parts.push(f); }
  for (const [k, label] of LONG) { const f = area(k, label, ch[k]); controls.set(k, () => f.control.value); parts.push(f); }

  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || ((a == null || a === '') && (b == null || b === '' || (Array.isArray(b) && !b.length)));
  const save = btn('Save the sheet', async () => {
    const patch = {};
    try {
      for (const [k, read] of controls) {
        const v = read();
        const was = k in CODEC && CODEC[k].read ? CODEC[k].read(CODEC[k].show(ch[k])) : ch[k];
        if (!same(v, was) && !(v == null && was == null)) patch[k] = v;
      }
    } catch (e) { toast(e.message, 'error'); return; }
    if (!Object.keys(patch).length) { toast('Nothing changed.'); return; }
    const r = await run(save, () => api('PATCH', `/api/dm/characters/${encodeURIComponent(ch.id)}`, patch), 'Sheet saved');
    if (r && r.character) state.setCharacter(r.character);
  }, 'primary', `dm-edit-save-${ch.id}`);
  return h('details', { class: 'sheet-edit', 'data-testid': `dm-edit-${ch.id}` },
    h('summary', { text: 'Edit every field' }), ...parts, h('div', { class: 'row' }, save));
}
