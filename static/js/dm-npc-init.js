// NPC initiative in one click: the server rolls 1d20 for every NPC of the combat builder as a
// blind DM roll (POST /api/dm/roll, visibility dm: only the DM's story shows it), and the
// totals fill the builder's initiative boxes. Players never see an NPC's initiative roll.
import { toast, describeError } from './util.js';

/** npcs: the builder rows ({name, initiative}); redraw() draws them again. */
export async function rollNpcInitiative({ api, npcs, button, redraw }) {
  if (!npcs.length) { toast('Add an NPC first.', 'error'); return; }
  if (button) button.disabled = true;
  try {
    for (const n of npcs) {
      const r = await api('POST', '/api/dm/roll', { expr: '1d20', visibility: 'dm', label: `${n.name || 'NPC'} initiative` });
      if (r && r.roll) n.initiative = String(r.roll.total);
    }
    toast(npcs.length === 1 ? 'Initiative rolled for 1 NPC' : `Initiative rolled for ${npcs.length} NPCs`);
  } catch (e) {
    toast(describeError(e.code, e.message), 'error');
  } finally {
    if (button) button.disabled = false;
    redraw();
  }
}
