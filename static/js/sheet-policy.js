// Who may change what on a player's sheet (docs/protocol.md §8.2): the campaign's
// sheet_policy when the server sends one, else the contract's defaults. The server decides;
// the page only uses this to word its buttons ("Save" or "Ask the DM") and to hide controls
// of DM-only fields.

const DEFAULT_POLICY = {
  free: ['hp', 'temp_hp', 'spell_slots', 'hit_dice', 'death_saves', 'notes'],
  approval: ['inventory', 'coins', 'conditions'],
};

/** 'free', 'approval' or 'locked' for a sheet field. */
export function policyOf(state, field) {
  const p = state.sheetPolicy || DEFAULT_POLICY;
  if ((p.free || []).includes(field)) return 'free';
  if ((p.approval || []).includes(field)) return 'approval';
  return 'locked';
}

/** The sheet field an op changes. */
export function opField(op) {
  switch (op && op.op) {
    case 'damage': case 'heal': return 'hp';
    case 'temp_hp': return 'temp_hp';
    case 'spend_slot': case 'recover_slot': return 'spell_slots';
    case 'spend_hit_die': return 'hit_dice';
    case 'death_save': return 'death_saves';
    case 'set': return op.field;
    default: return null;
  }
}

/** The newest change of this seat touching `field` that still matters: pending, or rejected and not yet dismissed. */
export function openChangeFor(state, field) {
  let found = null;
  for (const c of state.changes.values()) {
    if (!(c.ops || []).some(op => opField(op) === field)) continue;
    if (c.player_id && state.me && c.player_id !== state.me) continue;
    found = c; // Map order is arrival order: the last one wins
  }
  if (!found) return null;
  if (found.status === 'pending') return found;
  if (found.status === 'rejected' && !found.dismissed) return found;
  return null;
}
