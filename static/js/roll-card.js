// Roll cards in the story (docs/web-app.md "Dice"): who rolled, what, and who can see it.
// Public and party rolls look different; hidden ones carry their audience in words.
import { h } from './util.js';

/** Who may see a roll, in words, for this viewer. */
export function audienceText(ev, ctx) {
  const roller = ev.by && ev.by !== 'dm' ? ev.by : null;
  const mine = ctx.role === 'player' && roller === ctx.me;
  switch (ev.visibility) {
    case 'public': return 'Everyone sees this';
    case 'party': return 'The party sees this (not the TV)';
    case 'dm':
      if (roller) return mine ? 'Only you and the DM' : ctx.role === 'dm' ? `Only ${ctx.name(roller)} and you` : 'Only the DM';
      return ctx.role === 'dm' ? 'Only you (blind)' : 'Only the DM';
    case 'blind': return ctx.role === 'dm' ? `Blind — only you see the result (${ctx.name(roller)} does not)` : 'Only the DM sees the result';
    case 'private': return ev.for === ctx.me ? 'Only you and the DM' : `Only ${ctx.name(ev.for)} and the DM`;
    default: return '';
  }
}

export function isHiddenVisibility(v) {
  return v === 'private' || v === 'dm' || v === 'blind';
}

/** The card of a stored roll event. */
export function rollCard(ev, ctx, meta) {
  const roller = ev.by && ev.by !== 'dm' ? ev.by : null;
  const mine = ctx.role === 'player' && roller === ctx.me;
  const who = roller ? (mine ? 'You' : ctx.name(roller)) : (ev.for ? `DM for ${ctx.name(ev.for)}` : 'DM');
  const hidden = isHiddenVisibility(ev.visibility);
  const rolls = ev.rolls && ev.rolls.length ? ev.rolls.join(', ') : '';
  const dice = ev.resolved && ev.resolved !== ev.expr ? ev.resolved : ev.expr;
  const chips = [];
  if (ev.mode === 'advantage') chips.push('advantage');
  if (ev.mode === 'disadvantage') chips.push('disadvantage');
  if (ev.physical) chips.push('real dice');
  const cls = `msg roll vis-${ev.visibility || 'public'}` + (hidden ? ' private' : '') + (mine ? ' mine' : '');
  return h('article', { class: cls, 'data-testid': hidden ? 'msg-hidden-roll' : 'msg-roll', dataset: { by: ev.by || '', visibility: ev.visibility || '' } },
    meta(`${who} rolled`),
    h('p', { class: 'text' },
      ev.label ? h('span', { class: 'roll-label', text: ev.label + ': ' }) : null,
      h('span', { class: 'roll-expr', text: dice || '' }),
      ' → ',
      h('strong', { class: 'roll-total', 'data-testid': 'roll-total', text: String(ev.total) }),
      rolls ? h('span', { class: 'roll-detail', text: ` (${rolls})` }) : null),
    h('p', { class: 'roll-foot' },
      h('span', { class: 'roll-audience', 'data-testid': 'roll-audience', text: audienceText(ev, ctx) }),
      chips.map(c => h('span', { class: 'chip roll-chip', text: c }))));
}

/** The roller's own card for a blind roll: it rolled, and never the result. */
export function blindCard(receipt) {
  return h('article', { class: 'msg roll vis-blind private mine local-roll', 'data-testid': 'msg-blind-roll' },
    h('div', { class: 'meta' }, h('span', { class: 'label', text: 'You rolled' })),
    h('p', { class: 'text' },
      receipt.label ? h('span', { class: 'roll-label', text: receipt.label + ': ' }) : null,
      h('span', { text: 'You rolled — only the DM sees the result' })));
}
