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

function nameOf(combat, id, names) {
  const c = combat.initiative.find(x => x.id === id);
  return c ? c.name : names(id);
}

/** Renders state.combat for players and observers. */
export class CombatPanel {
  constructor(root, state) {
    this.root = root;
    this.state = state;
    this.tick = 0;
    state.subscribe('combat', () => this.render());
  }

  render() {
    clearInterval(this.tick);
    const c = this.state.combat;
    const root = this.root;
    if (!c) { root.hidden = true; root.replaceChildren(); document.body.classList.remove('my-turn'); return; }
    root.hidden = false;
    const { me, role } = this.state;
    const g = gating(c, me, role);
    const parts = [];
    if (c.mode === 'simultaneous') {
      const waiting = c.waiting_for.map(id => nameOf(c, id, id2 => this.state.name(id2)));
      const countdown = h('span', { class: 'countdown', 'data-testid': 'countdown' });
      parts.push(h('div', { class: 'banner simul' + (g.canAct ? ' act' : ''), 'data-testid': 'turn-banner' },
        h('strong', { text: g.canAct ? 'Everyone acts — your move!' : 'Everyone acts at once' }),
        c.prompt ? h('p', { class: 'prompt', 'data-testid': 'simul-prompt', text: c.prompt }) : null,
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
    } else if (role === 'player' && g.canAct) {
      parts.push(h('div', { class: 'banner yours', 'data-testid': 'turn-banner', role: 'status' },
        h('strong', { text: 'YOUR TURN' }), h('span', { class: 'small', text: ` Round ${c.round}` })));
    } else {
      parts.push(h('div', { class: 'banner', 'data-testid': 'turn-banner' },
        h('strong', { text: role === 'player' ? `Waiting for ${turnName(c)}` : `${turnName(c)}'s turn` }),
        h('span', { class: 'small', text: ` Round ${c.round}` })));
    }
    if (c.in_combat && c.initiative.length) {
      parts.push(h('ol', { class: 'initiative', 'aria-label': 'Initiative order', 'data-testid': 'initiative' },
        c.initiative.map(x => {
          const current = x.id === c.current_turn;
          const hp = x.hp != null && x.max_hp != null;
          return h('li', { class: 'init' + (current ? ' current' : '') + (x.id === me ? ' me' : '') + ` ${x.kind}`, 'aria-current': current ? 'true' : null },
            h('span', { class: 'init-n', text: String(x.initiative) }),
            h('span', { class: 'init-name', text: x.name }),
            hp ? h('span', { class: 'init-hp ' + hpClass(x.hp, x.max_hp), text: `${x.hp}/${x.max_hp}` })
              : (x.status && x.status !== 'healthy' ? h('span', { class: 'init-status ' + x.status, text: x.status }) : null),
            (x.conditions || []).length ? h('span', { class: 'init-cond', text: x.conditions.join(', ') }) : null);
        })));
    }
    root.replaceChildren(...parts);
    document.body.classList.toggle('my-turn', role === 'player' && g.canAct && c.mode !== 'simultaneous');
  }
}
