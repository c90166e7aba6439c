// DM: the campaign's NPCs and locations, what the party knows, and Reveal with an optional
// narrative (POST /api/dm/npcs|locations/{id}/reveal, docs/protocol.md §3.7.13). The reveal
// reaches the players' People & Places (world.js) and, as a party narrative, their story.
import { h } from './util.js';
import { panel, field, run, btn } from './dm-ui.js';
import { sendOnCtrlEnter } from './dm-table.js';

const KINDS = {
  npc: { path: 'npcs', key: 'npcs', one: 'npc', known: 'known', yes: 'The party knows them', no: 'Unknown to the party' },
  location: { path: 'locations', key: 'locations', one: 'location', known: 'discovered', yes: 'Discovered', no: 'Not discovered' },
};

export function worldPanel({ api }) {
  const lists = { npc: h('ul', { class: 'world-dm', 'data-testid': 'dm-world-npcs' }), location: h('ul', { class: 'world-dm', 'data-testid': 'dm-world-locations' }) };
  const status = h('p', { class: 'muted small', role: 'status', 'data-testid': 'dm-world-status' });
  const el = panel('world', 'People & Places',
    h('p', { class: 'muted small', text: 'Reveal an NPC or a place: the party sees it in People & Places, with your narrative (or its description) in the story. Observers do not.' }),
    status,
    h('h3', { text: 'NPCs' }), lists.npc,
    h('h3', { text: 'Locations' }), lists.location);

  function item(kind, e) {
    const k = KINDS[kind];
    const known = !!e[k.known];
    const text = h('textarea', { rows: 2, 'data-testid': `dm-reveal-text-${kind}-${e.id}`, placeholder: `${e.name}: ${e.description || ''}`.trim() });
    const form = h('div', { class: 'reveal-form', hidden: true },
      field(`What the party hears (optional; empty sends the placeholder)`, text));
    const send = async () => {
      const body = text.value.trim() ? { narrative: text.value.trim() } : {};
      const r = await run(sendBtn, () => api('POST', `/api/dm/${k.path}/${encodeURIComponent(e.id)}/reveal`, body), `${e.name} revealed`);
      if (r !== undefined) load();
    };
    const sendBtn = btn('Reveal to the party', send, 'primary', `dm-reveal-send-${kind}-${e.id}`);
    const keep = btn('Not now', () => { form.hidden = true; open.hidden = false; open.focus(); }, 'ghost');
    form.append(h('div', { class: 'row wrap' }, sendBtn, keep));
    sendOnCtrlEnter(text, send);
    const open = btn(known ? 'Reveal again…' : 'Reveal…', () => { form.hidden = false; open.hidden = true; text.focus(); }, known ? 'ghost' : '', `dm-reveal-${kind}-${e.id}`);
    open.setAttribute('aria-label', `${known ? 'Reveal again' : 'Reveal'} ${e.name}`);
    return h('li', { class: 'world-item' + (known ? ' known' : ''), 'data-testid': `dm-world-${kind}-${e.id}` },
      h('div', { class: 'member-head' }, h('strong', { dir: 'auto', text: e.name }),
        h('span', { class: 'chip' + (known ? ' ok' : ''), 'data-testid': `dm-world-state-${kind}-${e.id}`, text: known ? k.yes : k.no })),
      e.description ? h('p', { class: 'small', dir: 'auto', text: e.description }) : null,
      e.dm_notes ? h('p', { class: 'small muted dm-only', dir: 'auto' }, h('span', { class: 'label', text: 'DM only: ' }), e.dm_notes) : null,
      h('div', { class: 'row' }, open), form);
  }

  async function load() {
    try {
      const [n, l] = await Promise.all([api('GET', '/api/dm/npcs'), api('GET', '/api/dm/locations')]);
      const fill = (kind, arr) => lists[kind].replaceChildren(...(arr.length ? arr.map(e => item(kind, e)) : [h('li', { class: 'muted small', text: 'None in this campaign.' })]));
      fill('npc', n.npcs || []);
      fill('location', l.locations || []);
      status.textContent = '';
    } catch (e) {
      status.textContent = `Could not load the campaign's people and places: ${e.message}`;
    }
  }
  // A reveal from elsewhere (the MCP tools, another DM tab) comes with a party narrative.
  let timer = 0;
  const soon = () => { clearTimeout(timer); timer = setTimeout(load, 400); };
  return { el, load, soon };
}
