// In a fight, "Next turn" sits under the combat strip at the top of the DM's story (which the
// strip names: whose turn, the round), so it is one click or the N key away whichever tool is
// open; hidden combatants are named as hidden.
import { h } from './util.js';
import { run, btn } from './dm-ui.js';

/** "Hooded Assassin (hidden)" for the DM's eyes. */
export function dmName(c) {
  return c ? c.name + (c.hidden ? ' (hidden)' : '') : 'nobody';
}

/** after: the combat strip (#combat); the bar goes right below it. */
export function turnBar({ state, api, after: strip }) {
  const bar = h('div', { class: 'dm-turnbar', role: 'group', 'aria-label': 'Turn', 'data-testid': 'dm-turnbar', hidden: true });
  strip.after(bar);

  function render() {
    const c = state.combat;
    if (!c || !c.in_combat || c.mode === 'simultaneous') { bar.hidden = true; bar.replaceChildren(); return; }
    const order = c.initiative || [];
    const i = order.findIndex(x => x.id === c.current_turn);
    const cur = order[i];
    // The order wraps; NPCs at 0 HP are skipped by the server, so this is a hint, not a promise.
    const after = order.slice(i + 1).concat(order.slice(0, Math.max(0, i))).find(x => !(x.kind === 'npc' && x.hp === 0));
    const next = btn('Next turn', () => run(next, () => api('POST', '/api/dm/combat/next-turn')), 'primary', 'dm-turnbar-next');
    next.setAttribute('aria-keyshortcuts', 'N');
    next.setAttribute('aria-label', after ? `Next turn: ${dmName(after)}` : 'Next turn');
    // replaceChildren would write a null as the text "null": leave the missing parts out.
    bar.replaceChildren(...[next,
      after ? h('span', { class: 'muted small turn-after', dir: 'auto', 'aria-hidden': 'true', 'data-testid': 'dm-turnbar-after', text: `→ ${dmName(after)}` }) : null,
      cur && cur.hidden ? h('span', { class: 'chip hidden-chip', text: `${cur.name} is hidden: players see no one's turn` }) : null].filter(Boolean));
    bar.hidden = false;
  }
  state.subscribe('combat', render);
  render();
  return { render };
}
