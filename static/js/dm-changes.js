// DM: the approval queue of players' sheet changes (docs/protocol.md §8.2), next to the
// action queue. The list is the page state's changes: GET /api/dm/changes?status=pending on
// every welcome, then change_status frames (asked for, approved, rejected) keep it live.
import { h } from './util.js';
import { run, btn } from './dm-ui.js';

export function changesPanel({ state, api, onNew }) {
  const list = h('ol', { class: 'queue', 'data-testid': 'dm-changes-list' });
  const count = h('p', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'dm-changes-count' });
  const el = h('section', { class: 'dm-changes', 'aria-labelledby': 'dm-changes-h', 'data-testid': 'dm-changes' },
    h('h3', { id: 'dm-changes-h', text: 'Sheet changes to approve' }), count, list);

  async function load() {
    try {
      const r = await api('GET', '/api/dm/changes?status=pending');
      state.setChanges(r.changes || [], true);
    } catch (e) {
      count.textContent = `Could not load the sheet changes: ${e.message}`;
    }
  }

  function pending() {
    return [...state.changes.values()].filter(c => c.status === 'pending');
  }

  function render() {
    // Leave the list alone while the DM types a reason; the next change catches up.
    if (list.contains(document.activeElement) && document.activeElement.tagName === 'INPUT') return;
    const open = pending();
    count.textContent = open.length === 0 ? 'No sheet change waits for you.' : open.length === 1 ? '1 sheet change waits for you.' : `${open.length} sheet changes wait for you.`;
    list.replaceChildren(...open.map(item));
  }

  function item(c) {
    const reason = h('input', { type: 'text', maxlength: 500, placeholder: 'Reason, if you say no (the player reads it)', 'aria-label': `Why not, for ${state.name(c.player_id)}`, 'data-testid': `dm-reject-reason-${c.id}` });
    const settle = async (button, verb, body) => {
      const r = await run(button, () => api('POST', `/api/dm/changes/${encodeURIComponent(c.id)}/${verb}`, body), verb === 'approve' ? 'Approved' : 'Rejected');
      if (r === undefined) return;
      if (r && r.character) state.setCharacter(r.character);
      state.setChange((r && r.change) || { ...c, status: verb === 'approve' ? 'approved' : 'rejected' });
    };
    const approve = btn('Approve', () => settle(approve, 'approve', {}), 'primary', `dm-approve-${c.id}`);
    const reject = btn('Reject', () => settle(reject, 'reject', reason.value.trim() ? { reason: reason.value.trim() } : {}), 'ghost danger', `dm-reject-${c.id}`);
    return h('li', { class: 'dm-change', 'data-testid': `dm-change-${c.id}` },
      h('div', { class: 'meta' }, h('strong', { text: state.name(c.player_id) }), h('span', { class: 'muted small', text: ` ${c.id}` })),
      h('p', { class: 'text', text: c.summary || (c.ops || []).map(o => o.op + (o.field ? ' ' + o.field : '')).join(', ') }),
      h('div', { class: 'row' }, reason),
      h('div', { class: 'row' }, approve, reject));
  }

  state.subscribe(['change', 'changes', 'party'], render);
  // A player asked while the DM looks elsewhere: the Queue tab gets a badge.
  state.subscribe('change', c => { if (c && c.status === 'pending' && onNew) onNew(); });
  state.subscribe('welcome', load);
  render();
  return { el, load };
}
