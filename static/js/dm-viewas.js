// DM: "view as" a seat. Everything shown here comes from the server's own filter: the seat's
// welcome state (GET /api/dm/view-as/SEAT: sheet, party, combat view) and its story, paged
// (GET /api/events?as=SEAT&before=…, newest first, "Load earlier messages" for more).
import { h } from './util.js';
import { panel, run, btn, select } from './dm-ui.js';
import { Feed } from './feed.js';
import { renderParty } from './sheet.js';
import { SheetView } from './sheet-view.js';
import { CombatPanel } from './combat.js';

const PAGE = 100;

export function viewAsPanel({ state, api }) {
  const seatSel = select([['observer', 'Observer (TV)']]);
  seatSel.setAttribute('aria-label', 'Seat to view as');
  seatSel.dataset.testid = 'viewas-seat';
  const title = h('p', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'viewas-title' });
  const list = h('div', { class: 'feed viewas-feed', role: 'log', tabindex: '0', 'aria-label': 'What this seat sees', 'data-testid': 'viewas-feed' });
  const partyList = h('ul', { class: 'party', 'data-testid': 'viewas-party' });
  const combatBox = h('div', { class: 'combat viewas-combat', 'data-testid': 'viewas-combat', hidden: true });
  const sheetBox = h('div', { class: 'sheet-body viewas-sheet', 'data-testid': 'viewas-sheet' });
  const sheetPart = h('details', { class: 'more', hidden: true }, h('summary', { text: 'Sheet as they see it' }), sheetBox);
  const show = btn('Show', () => load(show), 'primary', 'viewas-show');
  const el = panel('viewas', 'View as a seat',
    h('p', { class: 'muted small', text: 'Exactly what that seat receives, as the server filters it.' }),
    h('div', { class: 'row' }, seatSel, show), title,
    h('h3', { text: 'Combat as they see it' }), combatBox,
    sheetPart,
    h('h3', { text: 'Party as they see it' }), partyList,
    h('h3', { text: 'Story as they see it' }), list);

  async function load(button) {
    const seat = seatSel.value;
    const q = encodeURIComponent(seat);
    const data = await run(button, async () => {
      const [view, page] = await Promise.all([
        api('GET', `/api/dm/view-as/${q}`),
        api('GET', `/api/events?as=${q}&before=${Number.MAX_SAFE_INTEGER}&limit=${PAGE}`),
      ]);
      return { view, page };
    });
    if (!data) return;
    const { view, page } = data;
    const role = view.role;
    const feed = new Feed({
      list, pill: null, secrets: null,
      ctx: { role, me: seat, name: id => state.name(id), status: () => null },
      loadEarlier: before => api('GET', `/api/events?as=${q}&before=${before}&limit=50`),
    });
    feed.clear();
    feed.addMany(page.events || []);
    feed.olderOnServer = !!page.has_more;
    feed.moreBtn.hidden = !page.has_more;
    // The seat's own combat strip, from a state of its own (never the DM's page state).
    const seen = { combat: view.combat || null, me: view.player_id || null, role, name: id => state.name(id), subscribe: () => () => {} };
    const strip = new CombatPanel(combatBox, seen);
    strip.open = true;
    const draw = strip.render.bind(strip);
    strip.render = () => renderCombat(draw); // its own toggle redraws through here too
    strip.render();
    combatBox.hidden = !view.combat;
    // The seat's sheet drawn by the phone's own view, over a state of its own that can send nothing.
    if (view.character) {
      const seatState = { character: view.character, me: seat, changes: new Map(), sheetPolicy: view.sheet_policy || null, setChange() {}, setCharacter() {} };
      new SheetView(sheetBox, { state: seatState, api: () => Promise.reject(new Error('view as sends nothing')) }).render();
    } else sheetBox.replaceChildren();
    // A look, not a tool: the seat's roll buttons would roll for the DM here.
    for (const b of sheetBox.querySelectorAll('button')) b.disabled = true;
    sheetPart.hidden = !view.character;
    if (role === 'observer') partyList.replaceChildren(...(view.party || []).map(p => h('li', { class: 'member' }, h('strong', { text: p.name }))));
    else renderParty(partyList, view.party, { role: 'dm', me: seat });
    const n = (page.events || []).length;
    title.textContent = `Viewing as ${view.name || seat}: the newest ${n} event${n === 1 ? '' : 's'}${page.has_more ? ' (load earlier ones at the top)' : ''}.`;
  }

  /**
   * CombatPanel marks the page's body for its own seat's turn and names its list for the page:
   * drawn here, the DM's page keeps its own marks, and ids and test ids get a prefix of their own.
   */
  function renderCombat(draw) {
    const body = document.body.classList;
    const kept = ['my-turn', 'on-deck', 'in-combat'].filter(c => body.contains(c));
    draw();
    body.remove('my-turn', 'on-deck', 'in-combat');
    for (const c of kept) body.add(c);
    for (const x of combatBox.querySelectorAll('[id]')) x.id = `viewas-${x.id}`;
    for (const x of combatBox.querySelectorAll('[aria-controls]')) x.setAttribute('aria-controls', `viewas-${x.getAttribute('aria-controls')}`);
    for (const x of combatBox.querySelectorAll('[data-testid]')) x.dataset.testid = `viewas-${x.dataset.testid}`;
  }

  function onParty() {
    const keep = seatSel.value;
    seatSel.replaceChildren(...state.party.map(p => h('option', { value: p.id, text: p.name })), h('option', { value: 'observer', text: 'Observer (TV)' }));
    seatSel.value = keep && [...seatSel.options].some(o => o.value === keep) ? keep : seatSel.options[0].value;
  }
  onParty();
  return { el, onParty };
}
