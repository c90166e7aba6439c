// DM: start combat from the party and NPCs, run turns and simultaneous rounds, edit combatants.
import { h, slug, abilityMod } from './util.js';
import { panel, field, run, btn, playerPicker } from './dm-ui.js';
import { combatantHpTool } from './dm-hp.js';
import { rollNpcInitiative } from './dm-npc-init.js';

export function combatPanel({ state, api }) {
  const body = h('div', { class: 'combat-body' });
  const el = panel('combat', 'Combat', body);
  let npcs = [];   // builder rows
  let simulPick = null;

  function update() {
    if (el.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) {
      // Do not pull a field from under the DM's fingers; redraw the parts that only display.
      renderStatus();
      return;
    }
    render();
  }

  function render() {
    // `in_combat` tells a fight from a simultaneous round held outside one.
    const fighting = state.combat && state.combat.in_combat;
    body.replaceChildren(fighting ? activeView() : builder(), simulForm());
  }

  function renderStatus() {
    const s = body.querySelector('.combat-status');
    if (s && state.combat) s.replaceWith(statusLine());
  }

  function statusLine() {
    const combat = state.combat;
    if (!combat) return h('p', { class: 'combat-status muted', text: 'No combat.' });
    const cur = combat.initiative.find(x => x.id === combat.current_turn);
    const parts = [`Round ${combat.round}`];
    if (combat.mode === 'simultaneous') parts.push(`simultaneous: waiting for ${combat.waiting_for.map(id => state.name(id)).join(', ') || 'no one'}`);
    else parts.push(`${cur ? cur.name : 'nobody'}'s turn`);
    return h('p', { class: 'combat-status', 'data-testid': 'dm-combat-status', text: parts.join(' · ') });
  }

  function builder() {
    const pcRows = state.party.map(p => {
      const ch = p;
      const on = h('input', { type: 'checkbox', checked: true, 'aria-label': `${p.name} takes part`, dataset: { id: p.id } });
      const init = h('input', { type: 'number', inputmode: 'numeric', class: 'num', 'aria-label': `${p.name} initiative`, 'data-testid': `dm-init-${p.id}` });
      const roll = btn('d20', () => { init.value = String(1 + Math.floor(Math.random() * 20) + abilityMod((ch.abilities && ch.abilities.dex) || 10)); }, 'ghost small-btn');
      roll.setAttribute('aria-label', `d20: roll ${p.name}'s initiative`);
      return { p, on, init, el: h('li', { class: 'cb-row' }, h('label', { class: 'check' }, on, h('span', { text: p.name })), init, roll) };
    });
    const npcList = h('ul', { class: 'plain' });
    const drawNpcs = () => npcList.replaceChildren(...npcs.map((n, i) => h('li', { class: 'cb-row npc' },
      h('input', { type: 'text', value: n.name, 'aria-label': 'NPC name', oninput: e => { n.name = e.target.value; } }),
      h('input', { type: 'number', class: 'num', value: n.initiative, 'aria-label': `${n.name || 'NPC'} initiative`, 'data-testid': `dm-npc-init-${i}`, oninput: e => { n.initiative = e.target.value; } }),
      h('input', { type: 'number', class: 'num', value: n.hp, 'aria-label': `${n.name || 'NPC'} hit points`, oninput: e => { n.hp = e.target.value; } }),
      h('input', { type: 'number', class: 'num', value: n.ac, 'aria-label': `${n.name || 'NPC'} armour class`, oninput: e => { n.ac = e.target.value; } }),
      h('label', { class: 'check small' }, h('input', { type: 'checkbox', checked: n.hidden, onchange: e => { n.hidden = e.target.checked; } }), h('span', { text: 'hidden' })),
      labelled(btn('Remove', () => { npcs.splice(i, 1); drawNpcs(); }, 'ghost small-btn'), `Remove ${n.name || 'this NPC'}`))));
    drawNpcs();
    const rollInit = btn('Roll NPC initiative', () => rollNpcInitiative({ api, npcs, button: rollInit, redraw: drawNpcs }), 'ghost', 'dm-roll-npc-init');
    const addNpc = btn('Add NPC', () => { npcs.push({ name: `Goblin ${npcs.length + 1}`, initiative: '', hp: 7, ac: 13, hidden: false }); drawNpcs(); }, 'ghost');
    const start = btn('Start combat', async () => {
      const combatants = [];
      for (const r of pcRows) {
        if (!r.on.checked) continue;
        combatants.push({ id: r.p.id, name: r.p.name, kind: 'pc', initiative: Number(r.init.value) || 0 });
      }
      const used = new Set(combatants.map(c => c.id));
      for (const n of npcs) {
        let id = slug(n.name);
        for (let k = 2; used.has(id); k++) id = `${slug(n.name)}-${k}`;
        used.add(id);
        const c = { id, name: n.name || id, kind: 'npc', initiative: Number(n.initiative) || 0, hidden: !!n.hidden };
        if (n.hp !== '' && n.hp != null) { c.hp = Number(n.hp); c.max_hp = Number(n.hp); }
        if (n.ac !== '' && n.ac != null) c.ac = Number(n.ac);
        combatants.push(c);
      }
      if (!combatants.length) return;
      const r = await run(start, () => api('POST', '/api/dm/combat/start', { combatants }), 'Combat started');
      if (r && r.combat) { npcs = []; state.setCombat(r.combat); el.querySelector('[data-testid=dm-next-turn]')?.focus(); }
    }, 'primary', 'dm-combat-start');
    return h('div', null, statusLine(),
      h('h3', { text: 'Start combat' }),
      h('p', { class: 'muted small', text: 'Tick who fights and enter initiative (d20 rolls with the DEX bonus).' }),
      h('ul', { class: 'plain' }, pcRows.map(r => r.el)),
      h('h3', { text: 'NPCs (name, initiative, HP, AC)' }), npcList,
      h('div', { class: 'row wrap' }, addNpc, rollInit, start));
  }

  function activeView() {
    const combat = state.combat;
    const next = btn('Next turn', () => run(next, () => api('POST', '/api/dm/combat/next-turn')), 'primary big', 'dm-next-turn');
    const end = btn('End combat', () => { if (confirm('End the combat?')) run(end, () => api('POST', '/api/dm/combat/end'), 'Combat over'); }, 'ghost danger', 'dm-combat-end');
    const list = h('ol', { class: 'initiative dm', 'data-testid': 'dm-initiative' }, combat.initiative.map(c => {
      const hp = h('input', { type: 'number', class: 'num', value: c.hp ?? '', 'aria-label': `${c.name} hit points` });
      const cond = h('input', { type: 'text', value: (c.conditions || []).join(', '), placeholder: 'conditions', 'aria-label': `${c.name} conditions` });
      const hidden = h('input', { type: 'checkbox', checked: !!c.hidden, 'aria-label': `${c.name} hidden from players` });
      const save = btn('Save', () => {
        const patch = { conditions: cond.value.split(',').map(s => s.trim()).filter(Boolean), hidden: hidden.checked };
        if (hp.value !== '') patch.hp = Number(hp.value);
        run(save, () => api('PATCH', `/api/dm/combat/combatants/${encodeURIComponent(c.id)}`, patch), 'Saved');
      }, 'ghost small-btn');
      save.setAttribute('aria-label', `Save ${c.name}`);
      return h('li', { class: 'init' + (c.id === combat.current_turn ? ' current' : '') + ` ${c.kind || ''}`, 'aria-current': c.id === combat.current_turn ? 'true' : null },
        h('span', { class: 'init-n', text: String(c.initiative ?? '') }),
        h('span', { class: 'init-name', text: c.name }),
        c.hidden ? h('span', { class: 'chip hidden-chip', 'data-testid': `dm-hidden-${c.id}`, text: 'hidden from players' }) : null,
        h('span', { class: 'init-edit' }, hp, h('span', { class: 'muted small', text: c.max_hp != null ? `/${c.max_hp}` : '' }), cond,
          h('label', { class: 'check small' }, hidden, h('span', { text: 'hidden' })), save),
        c.hp != null || c.kind === 'pc' ? combatantHpTool({ api, state }, c) : null);
    }));
    return h('div', null, statusLine(), h('div', { class: 'row wrap' }, next, end), list);
  }

  function simulForm() {
    const prompt = h('textarea', { rows: 2, placeholder: 'e.g. The floor gives way — what do you do?', 'data-testid': 'dm-simul-prompt' });
    const timeout = h('input', { type: 'number', class: 'num', value: 300, min: 10, max: 3600 });
    simulPick = playerPicker('Who acts (none ticked = everyone)', state.party, () => false);
    const go = btn('Open simultaneous round', async () => {
      if (!prompt.value.trim()) { prompt.focus(); return; }
      const body = { prompt: prompt.value.trim(), timeout_seconds: Number(timeout.value) || 300 };
      const ids = simulPick.values();
      if (ids.length) body.players = ids;
      await run(go, () => api('POST', '/api/dm/combat/simultaneous', body), 'Round open');
    }, 'ghost', 'dm-simul-open');
    return h('section', { class: 'card' }, h('h3', { text: 'Everyone acts at once' }),
      h('p', { class: 'muted small', text: 'For surprise moments and group checks, in or out of combat.' }),
      field('Prompt', prompt), field('Seconds to answer', timeout), simulPick, h('div', { class: 'row' }, go));
  }

  render();
  state.subscribe('combat', update);
  return {
    el,
    onParty() { if (!state.combat || !state.combat.in_combat) render(); else if (simulPick) simulPick.fill(state.party); },
  };
}

/** An aria-label that names what a short button acts on ("Remove Goblin 1"). */
function labelled(button, label) {
  button.setAttribute('aria-label', label);
  return button;
}
