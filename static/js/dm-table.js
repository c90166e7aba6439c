// DM: narrate a scene, whisper to players, roll dice with a visibility. Mistakes are said
// next to the box the DM is typing in (a whisper with nobody ticked, a bad dice expression).
import { h, describeError } from './util.js';
import { panel, field, run, btn, playerPicker, select } from './dm-ui.js';
import { diceBox } from './dm-dicebox.js';

/** Ctrl+Enter (⌘+Enter) in a box sends it, as it resolves in the editor. */
export function sendOnCtrlEnter(box, send) {
  box.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) { e.preventDefault(); send(); }
  });
}

/** A line under a form for its own error, read out when it appears. */
export function formError(testid) {
  const p = h('p', { class: 'form-error', role: 'alert', 'data-testid': testid });
  return { el: p, say(text) { p.textContent = text || ''; } };
}

export function tablePanel({ state, api }) {
  // Narrate
  const narr = h('textarea', { rows: 4, 'data-testid': 'dm-narrate-text', placeholder: 'Describe the scene' });
  const audience = select([['public', 'Everyone (observers too)'], ['party', 'The party (no observers)'], ['players', 'Some players'], ['dm', 'Only me (note)']], 'public');
  audience.dataset.testid = 'dm-narrate-audience';
  const narrPick = playerPicker('Which players', state.party);
  narrPick.hidden = true;
  const narrErr = formError('dm-narrate-error');
  audience.addEventListener('change', () => { narrPick.hidden = audience.value !== 'players'; narrErr.say(''); });
  const narrate = async () => {
    narrErr.say('');
    const text = narr.value.trim();
    if (!text) { narrErr.say('Write what happens first.'); narr.focus(); return; }
    const body = { narrative: text };
    if (audience.value === 'players') {
      const ids = narrPick.values();
      if (!ids.length) { narrErr.say('Tick at least one player, or choose another audience.'); narrPick.querySelector('input')?.focus(); return; }
      body.audience = ids;
    } else body.audience = audience.value;
    const r = await run(narrBtn, () => api('POST', '/api/dm/narrate', body), 'Sent');
    if (r !== undefined) narr.value = '';
  };
  const narrBtn = btn('Narrate', narrate, 'primary', 'dm-narrate');
  sendOnCtrlEnter(narr, narrate);

  // Whisper
  const wText = h('textarea', { rows: 3, 'data-testid': 'dm-whisper-text', placeholder: 'Only they will see this' });
  const wPick = playerPicker('To', state.party, () => false, 'dm-whisper-to');
  const wErr = formError('dm-whisper-error');
  wPick.addEventListener('change', () => wErr.say(''));
  const whisper = async () => {
    wErr.say('');
    const to = wPick.values();
    const text = wText.value.trim();
    if (!to.length) { wErr.say('Tick who the whisper is for: nobody is ticked.'); wPick.querySelector('input')?.focus(); return; }
    if (!text) { wErr.say('Write the whisper first.'); wText.focus(); return; }
    wBtn.disabled = true;
    try {
      await api('POST', '/api/dm/whisper', { to, text });
      wText.value = '';
      wErr.say('');
      const names = to.map(id => state.name(id)).join(', ');
      wSent.textContent = `Whispered to ${names}.`;
    } catch (e) {
      wErr.say(describeError(e.code, e.message));
    } finally {
      wBtn.disabled = false;
    }
  };
  const wBtn = btn('Whisper', whisper, 'primary', 'dm-whisper');
  const wSent = h('span', { class: 'muted small', role: 'status', 'data-testid': 'dm-whisper-sent' });
  wText.addEventListener('input', () => { wSent.textContent = ''; });
  sendOnCtrlEnter(wText, whisper);

  // Roll
  const dice = diceBox({ state, api });

  const el = panel('table', 'Narrate, whisper, roll',
    h('section', { class: 'card', 'aria-labelledby': 'dm-h-narrate' }, h('h3', { id: 'dm-h-narrate', text: 'Narrate' }), field('Text', narr), field('Audience', audience), narrPick, narrErr.el, h('div', { class: 'row' }, narrBtn)),
    h('section', { class: 'card', 'aria-labelledby': 'dm-h-whisper' }, h('h3', { id: 'dm-h-whisper', text: 'Whisper' }), wPick, field('Message', wText), wErr.el, h('div', { class: 'row' }, wBtn, wSent)),
    h('section', { class: 'card', 'aria-labelledby': 'dm-h-roll' }, h('h3', { id: 'dm-h-roll', text: 'Roll dice' }), dice.el));

  function onParty() {
    const party = state.party;
    narrPick.fill(party);
    wPick.fill(party);
    dice.fill(party);
  }
  onParty();
  return { el, onParty };
}
