// The resolve editor: the action, the narrative, one collapsed private part per player, the
// DM note and a dice box, with Resolve / Put back / Refuse in a bar that stays in view under
// the text (sticky). Ctrl+Enter (⌘+Enter) resolves from any box of the editor.
import { h } from './util.js';
import { field, run, btn } from './dm-ui.js';
import { diceBox } from './dm-dicebox.js';

/** onClose(): the editor is done (resolved or put back); onRefuse(button): ask and cancel. */
export function resolveEditor({ state, api, action: a, onClose, onRefuse }) {
  const narrative = h('textarea', { rows: 5, 'data-testid': 'dm-narrative', placeholder: 'What happens, as everyone hears it' });
  const privates = new Map();
  const privBox = h('div', { class: 'privates' });
  for (const p of state.party) {
    const t = h('textarea', { rows: 2, 'data-testid': `dm-private-${p.id}`, placeholder: `Only ${p.name} sees this` });
    privates.set(p.id, t);
    const mark = h('span', { class: 'priv-mark', 'aria-hidden': 'true' });
    const summary = h('summary', { 'data-testid': `dm-private-open-${p.id}` },
      h('span', { text: `Private to ${p.name}${p.id === a.player_id ? ' (acting)' : ''}` }), mark);
    // A closed part that holds text says so, so nothing private goes out unseen.
    t.addEventListener('input', () => { mark.textContent = t.value.trim() ? '• written' : ''; });
    privBox.append(h('details', { class: 'priv', 'data-testid': `dm-private-box-${p.id}` }, summary, field(`Only ${p.name} reads this`, t)));
  }
  const note = h('textarea', { rows: 2, 'data-testid': 'dm-note', placeholder: 'For your eyes only' });
  const dice = diceBox({ state, api, p: 'dm-editor-roll', compact: true, forId: a.player_id });
  const hint = h('span', { class: 'muted small resolve-hint', role: 'status', 'data-testid': 'dm-resolve-hint', text: 'Ctrl+Enter resolves' });

  async function resolve() {
    const body = { narrative: narrative.value.trim() };
    const priv = {};
    for (const [id, t] of privates) if (t.value.trim()) priv[id] = t.value.trim();
    if (Object.keys(priv).length) body.private = priv;
    if (note.value.trim()) body.dm_only = note.value.trim();
    if (!body.narrative && !body.private && !body.dm_only) {
      hint.textContent = 'Write what happens (or a private part, or a note) first.';
      hint.dataset.kind = 'error';
      narrative.focus();
      return;
    }
    const r = await run(resolveBtn, () => api('POST', `/api/dm/actions/${encodeURIComponent(a.id)}/resolve`, body), 'Resolved');
    if (r !== undefined) onClose();
  }
  const resolveBtn = btn('Resolve', resolve, 'primary', 'dm-resolve');
  resolveBtn.setAttribute('aria-keyshortcuts', 'Control+Enter');
  const requeueBtn = btn('Put back', async () => {
    const r = await run(requeueBtn, () => api('POST', `/api/dm/actions/${encodeURIComponent(a.id)}/requeue`), 'Put back in the queue');
    if (r !== undefined) onClose();
  }, 'ghost', 'dm-requeue');
  requeueBtn.setAttribute('aria-label', 'Put back in the queue');
  const cancelBtn = btn('Refuse', () => onRefuse(cancelBtn), 'ghost danger', 'dm-cancel');
  cancelBtn.setAttribute('aria-label', `Refuse ${state.name(a.player_id)}'s action`);

  const el = h('div', { class: 'editor-body' },
    h('div', { class: 'current-action' + (a.private ? ' private' : '') },
      h('div', { class: 'meta' }, h('strong', { text: state.name(a.player_id) }),
        h('span', { class: 'label', text: a.private ? ' whispers to you' : ' says' }),
        h('span', { class: 'muted small', text: ` ${a.id}` })),
      h('p', { class: 'text said', dir: 'auto', 'data-testid': 'dm-current-text', text: a.text })),
    field('Narrative (everyone)', narrative),
    privBox.childElementCount ? h('div', { class: 'priv-list', role: 'group', 'aria-label': 'Private parts, one per player' }, privBox) : null,
    h('details', { class: 'priv' }, h('summary', { text: 'DM note (only you)' }), field('DM note', note)),
    dice.el,
    h('div', { class: 'resolve-bar', role: 'toolbar', 'aria-label': 'Resolve the action' }, resolveBtn, requeueBtn, cancelBtn, hint));
  el.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) { e.preventDefault(); resolve(); }
  });
  narrative.addEventListener('input', () => { if (hint.dataset.kind) { hint.dataset.kind = ''; hint.textContent = 'Ctrl+Enter resolves'; } });
  return { el, focus: () => narrative.focus(), resolve };
}
