// Tabs for narrow screens: one panel at a time on a phone, side by side on a desktop.
// On a wide screen the player's panels are all visible; the DM keeps the story on the left
// and the chosen tool on the right.
import { h, $ } from './util.js';

const PLAYER_TABS = [['story', 'Story'], ['secrets', 'Secrets'], ['party', 'Party'], ['handouts', 'Handouts']];
export const DM_TABS = [['story', 'Story'], ['queue', 'Queue'], ['table', 'Narrate'], ['chars', 'Sheets'],
  ['combat', 'Combat'], ['seats', 'Seats'], ['viewas', 'View as'], ['rolls', 'Rolls'], ['world', 'World'], ['handouts', 'Handouts']];

export function setupTabs(role) {
  const list = $('#tablist');
  const defs = role === 'player' ? PLAYER_TABS : role === 'dm' ? DM_TABS : [];
  const buttons = new Map();
  const badges = new Map();
  $('#tabs').hidden = !defs.length;
  list.setAttribute('aria-label', role === 'dm' ? 'DM tools' : 'Sections');

  function panelId(id) {
    return role === 'dm' && id !== 'story' ? `dm-${id}` : `panel-${id}`;
  }

  function select(id, focus) {
    document.body.dataset.tab = id;
    if (role === 'dm' && id !== 'story') document.body.dataset.tool = id;
    for (const [tid, b] of buttons) {
      const on = tid === id;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(panelId(tid));
      if (panel) panel.classList.toggle('active', tid === id || (role === 'dm' && tid === document.body.dataset.tool));
    }
    clearBadge(id); // seen: the Secrets' and Handouts' new items, the DM's new sheet changes
    if (focus) buttons.get(id).focus();
  }

  function clearBadge(id) {
    const b = badges.get(id);
    if (b) { b.textContent = ''; b.hidden = true; b.dataset.n = '0'; }
  }

  for (const [id, label] of defs) {
    const badge = h('span', { class: 'badge', hidden: true, 'aria-label': 'new' });
    const b = h('button', {
      type: 'button', role: 'tab', id: `tab-${id}`, class: 'tab', 'aria-controls': panelId(id),
      'aria-selected': 'false', 'data-testid': `tab-${id}`, dataset: { tab: id },
      onclick: () => select(id),
    }, h('span', { text: label }), badge);
    buttons.set(id, b);
    badges.set(id, badge);
    list.append(b);
  }
  list.addEventListener('keydown', e => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const ids = [...buttons.keys()];
    const i = ids.indexOf(document.body.dataset.tab);
    const next = ids[(i + (e.key === 'ArrowRight' ? 1 : ids.length - 1)) % ids.length];
    select(next, true);
  });

  /** Tabs point at panels that exist once the role's view is built. */
  function link() {
    for (const [id, b] of buttons) {
      const panel = document.getElementById(panelId(id));
      if (panel) { panel.setAttribute('role', 'tabpanel'); panel.setAttribute('aria-labelledby', b.id); }
    }
  }

  if (role === 'dm') document.body.dataset.tool = 'queue';
  return {
    select, link,
    /** A standing count on a tab (the DM's waiting actions): shown whichever tab is open; 0 hides it. */
    count(id, n, label) {
      const b = badges.get(id);
      if (!b) return;
      b.dataset.n = String(n);
      b.textContent = n ? String(n) : '';
      b.hidden = !n;
      b.setAttribute('aria-label', label || 'new');
    },
    /** A new item arrived in a panel that is not showing. */
    bump(id) {
      const b = badges.get(id);
      if (!b || (document.body.dataset.tab === id)) return;
      const n = Number(b.dataset.n || 0) + 1;
      b.dataset.n = String(n);
      b.textContent = String(n);
      b.hidden = false;
    },
  };
}
