// The player's controller: the action box, the character bar and sheet, and the tab title
// that says when it is your turn. Everything is drawn from the page state.
import { $ } from './util.js';
import { Actions } from './actions.js';
import { gating } from './combat.js';
import { renderCharBar, renderSheet } from './sheet.js';
import { startDice } from './dice.js';

export function startPlayer({ state, feed, conn, api, title, onFatal }) {
  $('#action-form').hidden = false;
  const actions = new Actions({
    form: $('#action-form'), input: $('#action-text'), whisper: $('#whisper'), button: $('#action-send'),
    hint: $('#action-hint'), feed, conn, api, state, onFatal,
  });

  const sheet = $('#sheet');
  function openSheet() {
    const ch = state.character;
    if (!ch) return;
    $('#sheet-title').textContent = ch.name;
    renderSheet($('#sheet-body'), ch);
    sheet.showModal();
  }
  $('#sheet-close').addEventListener('click', () => sheet.close());
  // A tap on the dimmed backdrop closes the sheet too (the dialog box itself fills its content).
  sheet.addEventListener('click', e => { if (e.target === e.currentTarget) e.currentTarget.close(); });
  state.subscribe('character', ch => {
    if (ch.id !== state.me) return;
    renderCharBar($('#charbar'), ch, openSheet);
    if (sheet.open) renderSheet($('#sheet-body'), ch);
  });

  state.subscribe('combat', c => {
    const yours = !!c && gating(c, state.me, 'player').canAct;
    document.title = (yours ? '▶ Your turn · ' : '') + title;
  });

  startDice({ state, api, conn, feed });
  return { showOutbox: () => actions.showOutbox() };
}
