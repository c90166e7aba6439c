// Combat panel for players and observers: initiative, current turn, simultaneous rounds,
// and the turn gating the action box follows.
import { h, hpClass } from './util.js';

/** Who may act now, from the viewer's combat view (null out of combat). */
export function gating(combat, me, role) {
  if (role !== 'player') return { canAct: false, reason: '' };
  if (!combat) return { canAct: true, reason: '' };
  if (combat.mode === 'simultaneous') {
    if (combat.your_turn) return { canAct: true, reason: '' };
    if (combat.submitted.includes(me)) return { canAct: false, reason: 'You have acted this round. Waiting for the others…' };
    return { canAct: false, reason: 'This round is for the others.' };
  }
  if (combat.your_turn) return { canAct: true, reason: '' };
  return { canAct: false, reason: `Waiting for ${turnName(combat)}…` };
}

/** current_turn is null on a hidden combatant's turn; otherwise it is in the viewer's initiative. */
function turnName(combat) {
  if (!combat.current_turn) return 'the DM';
  return combat.initiative.find(x => x.id === combat.current_turn).name;
}

/** Only the DM's view carries `hidden`: a hidden combatant's turn, as the DM sees it. */
function hiddenTurn(combat) {
  const cur = combat.initiative.find(x => x.id === combat.current_turn);
  return !!(cur && cur.hidden);
}

function nameOf(combat, id, names) {
  const c = combat.initiative.find(x => x.id === id);
  return c ? c.name : names(id);
}

/** The name of the next PC (combat_state.on_deck), or null. */
export function onDeckName(combat, names) {
  return combat && combat.on_deck ? nameOf(combat, combat.on_deck, names) : null;
}

/**
 * Renders state.combat for players and observers: a one-line strip ("YOUR TURN · round 2 ·
 * next: Elara") that opens into the initiative list, or the simultaneous round's banner.
 */
export class CombatPanel {
  constructor(root, state) {
    this.root = root;
    this.state = state;
    this.tick = 0;
    this.open = false;
    state.subscribe('combat', () => this.render());
  }

  render() {
    clearInterval(this.tick);
    const c = this.state.combat;
    const root = this.root;
    if (!c) { root.hidden = true; root.replaceChildren(); document.body.classList.remove('my-turn', 'on-deck', 'in-combat'); return; }
    root.hidden = false;
    const { me, role } = this.state;
    const names = id => this.state.name(id);
    const g = gating(c, me, role);
    const parts = [];
    const next = onDeckName(c, names);
    if (c.mode === 'simultaneous') {
      const waiting = c.waiting_for.map(id => nameOf(c, id, names));
      const countdown = h('span', { class: 'countdown', 'data-testid': 'countdown' });
      parts.push(h('div', { class: 'banner simul' + (g.canAct ? ' act' : ''), 'data-testid': 'turn-banner' },
        h('strong', { text: g.canAct ? 'Everyone acts — your move!' : 'Everyone acts at once' }),
        c.prompt ? h('p', { class: 'prompt', dir: 'auto', 'data-testid': 'simul-prompt', text: c.prompt }) : null,
        h('p', { class: 'small' }, c.deadline ? countdown : null,
          waiting.length ? h('span', { 'data-testid': 'waiting-for', text: ` Still to act: ${waiting.join(', ')}` }) : ' Everyone has acted.')));
      if (c.deadline) {
        const end = new Date(c.deadline).getTime();
        const draw = () => {
          const s = Math.max(0, Math.round((end - Date.now()) / 1000));
          countdown.textContent = s > 0 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left ·` : "Time's up ·";
          if (s === 0) clearInterval(this.tick);
        };
        draw();
        this.tick = setInterval(draw, 1000);
      }
    } else {
      const yours = role === 'player' && g.canAct;
      const deck = role === 'player' && !yours && c.on_deck === me;
      const head = yours ? 'YOUR TURN' : role === 'player' ? `Waiting for ${turnName(c)}` : `${turnName(c)}${hiddenTurn(c) ? ' (hidden)' : ''}'s turn`;
      const tail = deck ? "you're next" : next ? `next: ${next}` : null;
      const strip = h('button', {
        type: 'button', class: 'banner strip' + (yours ? ' yours' : '') + (deck ? ' deck' : ''), 'data-testid': 'turn-banner',
        'aria-expanded': this.open ? 'true' : 'false', 'aria-controls': 'initiative-list',
        onclick: () => { this.open = !this.open; this.render(); },
      },
      h('strong', { class: 'strip-head', text: head }),
      h('span', { class: 'strip-tail', text: ` · round ${c.round}` + (tail ? ` · ${tail}` : '') }),
      h('span', { class: 'strip-more', 'aria-hidden': 'true', text: this.open ? '▴' : '▾' }),
      h('span', { class: 'sr-only', text: this.open ? ' (hide the order)' : ' (show the order)' }));
      parts.push(strip);
    }
    if (c.in_combat && c.initiative.length) {
      parts.push(h('ol', { id: 'initiative-list', class: 'initiative', 'aria-label': 'Initiative order', 'data-testid': 'initiative' },
        c.initiative.map(x => {
          const current = x.id === c.current_turn;
          const hp = x.hp != null && x.max_hp != null;
          return h('li', { class: 'init' + (current ? ' current' : '') + (x.id === c.on_deck ? ' deck' : '') + (x.id === me ? ' me' : '') + ` ${x.kind}`, 'aria-current': current ? 'true' : null },
            h('span', { class: 'init-n', text: String(x.initiative) }),
            h('span', { class: 'init-name', dir: 'auto', text: x.name }),
            x.hidden ? h('span', { class: 'chip hidden-chip', 'data-testid': `hidden-${x.id}`, text: 'hidden' }) : null,
            x.id === c.on_deck ? h('span', { class: 'init-deck', text: 'next' }) : null,
            hp ? h('span', { class: 'init-hp ' + hpClass(x.hp, x.max_hp), text: `${x.hp}/${x.max_hp}` })
              : (x.status && x.status !== 'healthy' ? h('span', { class: 'init-status ' + x.status, text: x.status }) : null),
            (x.conditions || []).length ? h('span', { class: 'init-cond', dir: 'auto', text: x.conditions.join(', ') }) : null);
        })));
    }
    root.classList.toggle('open', this.open || c.mode === 'simultaneous');
    root.replaceChildren(...parts);
    document.body.classList.add('in-combat');
    document.body.classList.toggle('my-turn', role === 'player' && g.canAct && c.mode !== 'simultaneous');
    document.body.classList.toggle('on-deck', role === 'player' && !g.canAct && c.mode !== 'simultaneous' && c.on_deck === me);
  }
}
