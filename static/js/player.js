// The player's controller: the action box, the character bar and sheet, and the tab title
// (the turn cues live in js/cues.js). Everything is drawn from the page state.
import { $ } from './util.js';
import { Actions } from './actions.js';
import { renderCharBar } from './sheet.js';
import { SheetView } from './sheet-view.js';
import { changeToasts } from './sheet-story.js';
import { startDice } from './dice.js';

export function startPlayer({ state, feed, conn, api, title, onFatal }) {
  $('#action-form').hidden = false;
  const actions = new Actions({
    form: $('#action-form'), input: $('#action-text'), whisper: $('#whisper'), button: $('#action-send'),
    hint: $('#action-hint'), feed, conn, api, state, onFatal,
  });

  const sheet = $('#sheet');
  const view = new SheetView($('#sheet-body'), { state, api });
  function openSheet() {
    const ch = state.character;
    if (!ch) return;
    $('#sheet-title').textContent = ch.name;
    view.render();
    sheet.showModal();
  }
  $('#sheet-close').addEventListener('click', () => sheet.close());
  // A tap on the dimmed backdrop closes the sheet too (the dialog box itself fills its content).
  sheet.addEventListener('click', e => { if (e.target === e.currentTarget) e.currentTarget.close(); });
  state.subscribe('character', ch => {
    if (ch.id !== state.me) return;
    renderCharBar($('#charbar'), ch, openSheet);
    if (sheet.open) view.render();
  });
  state.subscribe(['change', 'changes'], () => { if (sheet.open) view.render(); });
  changeToasts(state);

  // The tab title ("▶ Your turn", "◆ On deck") and the other turn cues are js/cues.js's.

  startDice({ state, api, conn, feed });
  return { showOutbox: () => actions.showOutbox() };
}
