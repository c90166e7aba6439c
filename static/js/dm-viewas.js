// DM: "view as" a seat. Everything shown here comes from the server's own filter
// (GET /api/events?as=SEAT, GET /api/party?as=SEAT); nothing is filtered in JavaScript.
import { h } from './util.js';
import { panel, run, btn, select } from './dm-ui.js';
import { Feed } from './feed.js';
import { renderParty } from './sheet.js';

export function viewAsPanel({ state, api }) {
  const seatSel = select([['observer', 'Observer (TV)']]);
  seatSel.setAttribute('aria-label', 'Seat to view as');
  seatSel.dataset.testid = 'viewas-seat';
  const title = h('p', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'viewas-title' });
  const list = h('div', { class: 'feed viewas-feed', role: 'log', tabindex: '0', 'aria-label': 'What this seat sees', 'data-testid': 'viewas-feed' });
  const partyList = h('ul', { class: 'party', 'data-testid': 'viewas-party' });
  const show = btn('Show', () => load(show), 'primary', 'viewas-show');
  const el = panel('viewas', 'View as a seat',
    h('p', { class: 'muted small', text: 'Exactly what that seat receives, as the server filters it.' }),
    h('div', { class: 'row' }, seatSel, show), title,
    h('h3', { text: 'Party as they see it' }), partyList,
    h('h3', { text: 'Story as they see it' }), list);

  async function load(button) {
    const seat = seatSel.value;
    const q = encodeURIComponent(seat);
    const data = await run(button, async () => {
      const events = [];
      let after = 0;
      for (let guard = 0; guard < 100; guard++) {
        const page = await api('GET', `/api/events?as=${q}&after=${after}&limit=1000`);
        events.push(...(page.events || []));
        if (!page.has_more || !(page.events || []).length) break;
        after = page.last_seq;
      }
      const party = await api('GET', `/api/party?as=${q}`);
      return { events, party: party.party };
    });
    if (!data) return;
    const role = seat === 'observer' ? 'observer' : 'player';
    const feed = new Feed({ list, pill: null, secrets: null, ctx: { role, me: seat, name: id => state.name(id), status: () => null } });
    feed.clear();
    feed.addMany(data.events);
    if (role === 'observer') partyList.replaceChildren(...data.party.map(p => h('li', { class: 'member' }, h('strong', { text: p.name }))));
    else renderParty(partyList, data.party, { role: 'dm', me: seat });
    title.textContent = `Viewing as ${seatSel.selectedOptions[0].textContent}: ${data.events.length} events.`;
  }

  function onParty() {
    const keep = seatSel.value;
    seatSel.replaceChildren(...state.party.map(p => h('option', { value: p.id, text: p.name })), h('option', { value: 'observer', text: 'Observer (TV)' }));
    seatSel.value = keep && [...seatSel.options].some(o => o.value === keep) ? keep : seatSel.options[0].value;
  }
  onParty();
  return { el, onParty };
}
