// Refuse (cancel) an action: an in-page dialog with an optional reason the player reads,
// instead of the browser's prompt() (which blocks the page and cannot be styled or tested).
import { h } from './util.js';

let dialog = null;
let title = null;
let quote = null;
let reason = null;
let reasonLabel = null;

function build() {
  title = h('h2', { id: 'dm-refuse-title' });
  quote = h('p', { class: 'text said refuse-quote', dir: 'auto', 'data-testid': 'dm-refuse-quote' });
  reason = h('textarea', { id: 'dm-refuse-reason', rows: 3, maxlength: 2000, 'data-testid': 'dm-refuse-reason', placeholder: 'e.g. The door is barred from the other side.' });
  reasonLabel = h('label', { for: 'dm-refuse-reason' });
  const confirm = h('button', { type: 'submit', value: 'refuse', class: 'btn primary', 'data-testid': 'dm-refuse-confirm', text: 'Refuse the action' });
  const keep = h('button', { type: 'submit', value: 'keep', class: 'btn ghost', 'data-testid': 'dm-refuse-keep', text: 'Keep it' });
  const form = h('form', { method: 'dialog', class: 'sheet-body' },
    quote, h('div', { class: 'field' }, reasonLabel, reason),
    h('div', { class: 'row' }, confirm, keep));
  dialog = h('dialog', { class: 'sheet refuse-dialog', 'aria-labelledby': 'dm-refuse-title', 'data-testid': 'dm-refuse-dialog' },
    h('div', { class: 'sheet-head' }, title), form);
  // Ctrl+Enter refuses from the reason box, as it resolves in the editor.
  reason.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); dialog.close('refuse'); }
  });
  document.body.append(dialog);
}

/** Asks whether to refuse `who`'s action; resolves to the reason ('' for none), or null to keep it. */
export function askRefusal(who, text) {
  if (!dialog) build();
  title.textContent = `Refuse ${who}'s action?`;
  quote.textContent = text || '';
  reasonLabel.textContent = `Why not? ${who} reads this (optional)`;
  reason.value = '';
  dialog.returnValue = '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'refuse' ? reason.value.trim() : null), { once: true });
    dialog.showModal();
    reason.focus();
  });
}
