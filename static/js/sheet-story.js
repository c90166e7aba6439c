// Sheet changes in the story (docs/web-app.md "The sheet"): a `sheet_change` event is a short
// line for the owner ("You took 7 damage: 31 → 24") and for the DM ("Thorin took 7 damage
// (31 → 24)"); approvals and rejections of the player's pending changes are told once.
import { h, toast } from './util.js';

/** The server's sentence about a character ("Thorin took 7 damage (31 → 24)"), turned to "you" for its owner. */
export function secondPerson(summary, name) {
  let s = String(summary || '');
  if (name && s.startsWith(name + ' ')) {
    s = 'You ' + s.slice(name.length + 1).replace(/^was\b/, 'were').replace(/^is\b/, 'are').replace(/^has\b/, 'have');
  }
  if (name) s = s.split(`${name}'s `).join('your ');
  return s.replace(/ \((-?\d+) → (-?\d+)\)\.?$/, ': $1 → $2');
}

/** The story item of a sheet_change event. */
export function sheetChangeItem(ev, ctx, meta) {
  const mine = ctx.role === 'player' && ev.player_id === ctx.me;
  const name = ctx.name(ev.player_id);
  const byDm = ev.by === 'dm';
  const label = mine ? (byDm ? 'Your sheet · the DM' : 'Your sheet') : `${name}'s sheet` + (byDm ? ' · you' : ev.by && ev.by !== ev.player_id ? ` · ${ctx.name(ev.by)}` : '');
  const text = mine ? secondPerson(ev.summary, name) : String(ev.summary || '');
  return h('article', { class: 'msg sheet-change' + (mine ? ' mine' : ''), 'data-testid': 'msg-sheet-change', dataset: { player: ev.player_id || '' } },
    meta(label), h('p', { class: 'text', dir: 'auto', text }));
}

/** Tells the player once when the DM approves or rejects one of their changes. */
export function changeToasts(state) {
  const told = new Set();
  state.subscribe('change', c => {
    if (!c || told.has(c.id) || c.dismissed) return;
    if (c.status === 'approved') { told.add(c.id); toast(`The DM approved: ${c.summary || 'your change'}`); }
    if (c.status === 'rejected') { told.add(c.id); toast(`The DM said no${c.reason ? ': ' + c.reason : ''}`, 'error'); }
  });
}
