// DM: edit or retract a message it sent (docs/protocol.md §3.7.19), right on the message in its
// story, and a short "Undo" after a quick narration. The change comes back as an edit or
// retract event, which redraws the message for everyone who saw it (feed.js, edits.js).
import { h, toast } from './util.js';
import { btn, run } from './dm-ui.js';

const UNDO_MS = 10000;

/** The DM's own messages: narration, whispers and private parts, notes, and its rolls (by "dm"). */
export function isDmMessage(ev) {
  return ev.type === 'narrative' || ev.type === 'private' || ev.type === 'dm_note'
    || (ev.type === 'roll' && (!ev.by || ev.by === 'dm'));
}

/** The feed's decorate hook for the DM: Edit and Retract under each of its messages. */
export function dmDecorator(api) {
  return (item, ev) => {
    if (!isDmMessage(ev) || ev.retracted) return;
    const isRoll = ev.type === 'roll';
    const tools = h('div', { class: 'msg-tools', role: 'group', 'aria-label': 'Change this message' });
    const idle = () => tools.replaceChildren(
      btn(isRoll ? 'Edit label' : 'Edit', openEditor, 'ghost small-btn', 'msg-edit'),
      btn('Retract', confirmRetract, 'ghost small-btn danger', 'msg-retract'));

    function openEditor() {
      const box = h('textarea', { rows: isRoll ? 1 : 3, class: 'edit-text', 'data-testid': 'msg-edit-text', 'aria-label': isRoll ? 'New roll label' : 'New text' });
      box.value = (isRoll ? ev.label : ev.text) || '';
      const save = btn('Save', async () => {
        const text = box.value.trim();
        if (!text) { box.focus(); toast('Write the new text, or retract the message instead.', 'error'); return; }
        // The edit event redraws this message (and drops this editor) once it is stored.
        await run(save, () => api('POST', `/api/dm/events/${ev.seq}/edit`, { text }), 'Message edited');
      }, 'primary small-btn', 'msg-edit-save');
      box.addEventListener('keydown', e => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save.click(); }
        if (e.key === 'Escape') { e.preventDefault(); idle(); }
      });
      tools.replaceChildren(box, h('div', { class: 'row' }, save, btn('Cancel', idle, 'ghost small-btn', 'msg-edit-cancel')));
      box.focus();
    }

    function confirmRetract() {
      const yes = btn('Retract it', async () => {
        await run(yes, () => api('POST', `/api/dm/events/${ev.seq}/retract`), 'Message retracted');
      }, 'danger small-btn', 'msg-retract-confirm');
      tools.replaceChildren(h('span', { class: 'small', text: 'Retract for everyone who saw it? ' }), yes, btn('Keep', idle, 'ghost small-btn', 'msg-retract-keep'));
      yes.focus();
    }

    idle();
    item.append(tools);
  };
}

/**
 * After a quick narration: "Undo" for 10 s above the narrate box (never over a button). Undo
 * retracts what was sent and gives the text back to fix and send again.
 */
export function offerUndo(api, events, anchor, onUndone) {
  const seqs = (events || []).map(e => e.seq).filter(s => typeof s === 'number');
  if (!seqs.length) return;
  let bar = document.getElementById('dm-undo');
  if (!bar) {
    bar = h('div', { id: 'dm-undo', class: 'undo-bar', role: 'status', 'data-testid': 'dm-undo' });
    anchor.before(bar);
  }
  clearTimeout(Number(bar.dataset.timer || 0));
  const undo = btn('Undo', async () => {
    const done = await run(undo, async () => {
      for (const seq of seqs) await api('POST', `/api/dm/events/${seq}/retract`);
      return true;
    }, 'Narration withdrawn');
    if (done) { bar.hidden = true; onUndone(); }
  }, 'ghost small-btn', 'dm-undo-btn');
  bar.replaceChildren(h('span', { class: 'small', text: 'Sent to the table. ' }), undo);
  bar.hidden = false;
  bar.dataset.timer = String(setTimeout(() => { bar.hidden = true; }, UNDO_MS));
}
