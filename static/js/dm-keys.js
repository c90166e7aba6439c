// The DM's keyboard: single-key shortcuts when no box has the focus, Ctrl+Enter in the boxes,
// and the help overlay that lists them (opened with "?" or the ⌨ button in the title bar).
import { h, $ } from './util.js';

/** [keys, what] as the help overlay lists them; the tool digits are added from the tabs. */
const KEYS = [
  ['?', 'Show or hide this list'],
  ['T', 'Take the next waiting action'],
  ['N', 'Next turn (in a fight)'],
  ['/', 'Narrate to everyone (the box under the story)'],
  ['W', 'Whisper to players'],
  ['R', 'Roll dice'],
  ['Ctrl+Enter', 'Resolve the action in the editor; send narration, a whisper or a refusal'],
  ['Enter', 'Send the narrate box under the story; roll a dice box'],
  ['Esc', 'Close a dialog'],
  ['← →', 'Move between the tools when a tab has the focus'],
];

function typing(t) {
  return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

export function setupDmKeys({ tabs }) {
  const list = h('dl', { class: 'keys', 'data-testid': 'dm-help-keys' });
  const dialog = h('dialog', { class: 'sheet help-dialog', 'aria-labelledby': 'dm-help-title', 'data-testid': 'dm-help' },
    h('div', { class: 'sheet-head' }, h('h2', { id: 'dm-help-title', text: 'Keyboard shortcuts' }),
      h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'dm-help-close', text: 'Close', onclick: () => dialog.close() })),
    h('div', { class: 'sheet-body' },
      h('p', { class: 'muted small', text: 'Single keys work when no text box has the focus (press Esc or click the page first).' }),
      list));
  dialog.addEventListener('click', e => { if (e.target === dialog) dialog.close(); });
  document.body.append(dialog);

  function tools() {
    return [...document.querySelectorAll('#tablist [role=tab]')].filter(b => b.offsetParent !== null || b.dataset.tab !== 'story');
  }

  function open() {
    const rows = [...KEYS];
    tools().slice(0, 9).forEach((b, i) => rows.push([String(i + 1), `Open ${b.textContent.replace(/\d+$/, '').trim()}`]));
    list.replaceChildren(...rows.map(([k, what]) => h('div', { class: 'key-row' },
      h('dt', null, ...k.split('+').flatMap((part, i) => [i ? '+' : null, h('kbd', { text: part })])), h('dd', { text: what }))));
    if (!dialog.open) dialog.showModal();
  }

  const button = h('button', { type: 'button', class: 'btn ghost gear', 'aria-label': 'Keyboard shortcuts', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': 'Shift+?', 'data-testid': 'dm-help-open', text: '⌨', onclick: open });
  const conn = document.getElementById('conn');
  conn.parentNode.insertBefore(button, conn);

  const show = (tab, testid) => {
    // On a wide screen the story is always in view: its tab is hidden and stays unselected.
    const storyTab = document.getElementById('tab-story');
    if (tab !== 'story' || (storyTab && storyTab.offsetParent !== null)) tabs.select(tab);
    const el = $(`[data-testid="${testid}"]`);
    if (el) { el.focus(); if (el.select && el.tagName === 'INPUT') el.select(); }
  };
  const click = testid => { const b = $(`[data-testid="${testid}"]`); if (b && !b.disabled) b.click(); };

  document.addEventListener('keydown', e => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (document.querySelector('dialog[open]') && !(e.key === '?' && dialog.open)) return;
    const k = e.key;
    if (k === '?') { e.preventDefault(); if (dialog.open) dialog.close(); else open(); return; }
    if (/^[1-9]$/.test(k)) {
      const b = tools()[Number(k) - 1];
      if (b) { e.preventDefault(); tabs.select(b.dataset.tab, true); }
      return;
    }
    switch (k.toLowerCase()) {
      case 't': e.preventDefault(); tabs.select('queue'); click('dm-take-next'); break;
      case 'n': e.preventDefault(); click('dm-turnbar-next'); break;
      case '/': e.preventDefault(); show('story', 'dm-quick-text'); break;
      case 'w': e.preventDefault(); show('table', 'dm-whisper-text'); break;
      case 'r': e.preventDefault(); show('table', 'dm-roll-expr'); break;
      default: break;
    }
  });
  return { open };
}
