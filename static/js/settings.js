// Per-device settings (this browser, every seat): turn cues, keep the screen awake, theme.
// Stored in localStorage under partymode.settings; the settings dialog edits them.
import { h, store } from './util.js';

const KEY = 'partymode.settings';
const DEFAULTS = { vibrate: true, sound: true, flash: true, awake: false, theme: 'auto', dmChime: true };
const listeners = new Set();

export const settings = {
  get() { return { ...DEFAULTS, ...(store.get(KEY, {}) || {}) }; },
  set(patch) {
    const next = { ...this.get(), ...patch };
    store.set(KEY, next);
    applyTheme(next.theme);
    for (const fn of listeners) fn(next, patch);
    return next;
  },
  subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
};

/** auto follows prefers-color-scheme; dark and light force one. */
export function applyTheme(theme) {
  document.documentElement.dataset.theme = theme === 'dark' || theme === 'light' ? theme : 'auto';
}

/** The ⚙ button in the title bar and its dialog. withCues: the player's turn cues and keep-awake; withDmCues: the DM's chime. */
export function setupSettings({ withCues, withDmCues, onAwake }) {
  applyTheme(settings.get().theme);
  const dialog = h('dialog', { class: 'sheet settings', 'aria-labelledby': 'settings-title', 'data-testid': 'settings' });
  const check = (key, label, hint) => {
    const input = h('input', { type: 'checkbox', role: 'switch', 'data-testid': `set-${key}` });
    input.checked = !!settings.get()[key];
    input.addEventListener('change', () => {
      settings.set({ [key]: input.checked });
      if (key === 'awake' && onAwake) onAwake(input.checked);
    });
    return h('label', { class: 'switch setting' }, input, h('span', { class: 'track', 'aria-hidden': 'true' }),
      h('span', null, label, hint ? h('span', { class: 'muted small block', text: hint }) : null));
  };
  const theme = h('select', { id: 'set-theme', 'data-testid': 'set-theme' },
    h('option', { value: 'auto', text: 'Like this device' }), h('option', { value: 'dark', text: 'Dark' }), h('option', { value: 'light', text: 'Light' }));
  theme.value = settings.get().theme;
  theme.addEventListener('change', () => settings.set({ theme: theme.value }));
  dialog.append(
    h('div', { class: 'sheet-head' }, h('h2', { id: 'settings-title', text: 'This device' }),
      h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'settings-close', text: 'Close', onclick: () => dialog.close() })),
    h('div', { class: 'sheet-body' },
      withCues ? h('fieldset', { class: 'picker' }, h('legend', { text: 'When your turn comes (and when you are next)' }),
        check('vibrate', 'Vibrate', 'Android phones'),
        check('sound', 'Chime', 'After your first tap on the page'),
        check('flash', 'Flash the screen')) : null,
      withCues ? check('awake', 'Keep the screen awake', 'While this page is open') : null,
      withDmCues ? check('dmChime', 'Chime when a player acts', 'After your first click or key on the page') : null,
      h('div', { class: 'field' }, h('label', { for: 'set-theme', text: 'Colours' }), theme),
      h('p', { class: 'muted small', text: 'These settings stay on this device only.' })));
  dialog.addEventListener('click', e => { if (e.target === dialog) dialog.close(); });
  document.body.append(dialog);
  const button = h('button', { type: 'button', class: 'btn ghost gear', 'aria-label': 'Settings for this device', 'aria-haspopup': 'dialog', 'data-testid': 'settings-open', text: '⚙', onclick: () => dialog.showModal() });
  const conn = document.getElementById('conn');
  conn.parentNode.insertBefore(button, conn);
  return { dialog, close: () => dialog.close() };
}
