// Sending sheet changes (docs/protocol.md §8.2). A player's ops go to
// POST /api/characters/{me}/changes; the answer lands in the page state: 200 brings the
// new sheet and the applied change, 202 a pending change ("waiting for the DM"), which a
// change_status frame later settles. Errors are told in words and change nothing.
import { newId, toast, describeError } from './util.js';

/** Returns send(ops) → the change, or null when the server refused. */
export function sheetSender({ state, api }) {
  return async function send(ops) {
    const me = state.me;
    if (!me) return null;
    try {
      const r = await api('POST', `/api/characters/${encodeURIComponent(me)}/changes`, { ops, client_id: newId('s') });
      if (r && r.character) state.setCharacter(r.character);
      if (r && r.change) {
        state.setChange(r.change);
        if (r.change.status === 'pending') toast('Sent to the DM for approval.');
      }
      return (r && r.change) || null;
    } catch (e) {
      toast(describeError(e.code, e.message), 'error');
      return null;
    }
  };
}

/** The DM's ops on any sheet (no policy): POST /api/dm/characters/{id}/changes. */
export async function dmChange(api, state, id, ops) {
  const r = await api('POST', `/api/dm/characters/${encodeURIComponent(id)}/changes`, { ops });
  if (r && r.character) state.setCharacter(r.character);
  return r;
}
