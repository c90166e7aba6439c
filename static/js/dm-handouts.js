// DM: show handouts (docs/protocol.md §9, docs/web-app.md "Handouts"). Drop or pick an image,
// give it a title, choose who sees it (everyone, the party, some players, the TV only) and an
// optional note; the list below has every handout with "Show again" (to the audience chosen
// above) and "Show on TV" / "Clear TV". The list is the handout shelf's (GET /api/handouts).
import { h, toast } from './util.js';
import { panel, field, run, btn, playerPicker } from './dm-ui.js';
import { fillImage } from './handout-images.js';
import { shelfOf } from './handout-state.js';

const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const SHOWN_TO = { public: 'everyone', party: 'the party', tv: 'the TV' };
const AUDIENCES = [['public', 'Everyone (the TV too)'], ['party', 'The party (not the TV)'], ['some', 'Some players'], ['tv', 'The TV only']];

export function handoutsPanel({ state, api }) {
  const shelf = shelfOf(state, api);
  let file = null;
  let preview = null;

  const input = h('input', { type: 'file', id: 'dm-ho-file', accept: TYPES.join(','), class: 'ho-drop-input', 'data-testid': 'dm-ho-file' });
  const previewImg = h('img', { class: 'ho-drop-preview', alt: '', hidden: true, 'data-testid': 'dm-ho-preview' });
  const dropText = h('span', { class: 'ho-drop-text', text: 'Drop an image here, or tap to pick one (PNG, JPEG, WebP or GIF)' });
  const drop = h('label', { for: 'dm-ho-file', class: 'ho-drop', 'data-testid': 'dm-ho-drop' }, previewImg, dropText, input);
  const title = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', placeholder: 'e.g. Map of the old mill', 'data-testid': 'dm-ho-title' });
  const radios = AUDIENCES.map(([value, label]) => h('label', { class: 'check' },
    h('input', { type: 'radio', name: 'dm-ho-audience', value, checked: value === 'public', 'data-testid': `dm-ho-aud-${value}` }),
    h('span', { text: label })));
  const audience = h('fieldset', { class: 'picker ho-audience', 'data-testid': 'dm-ho-audience' }, h('legend', { text: 'Who sees it' }), radios);
  const players = playerPicker('Which players', state.party, () => false, 'dm-ho-players');
  players.hidden = true;
  const note = h('textarea', { rows: 2, maxlength: 2000, placeholder: 'Optional: read out with it', 'data-testid': 'dm-ho-text' });
  const send = btn('Show', () => showNew(), 'primary', 'dm-ho-show');
  const tvLine = h('p', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'dm-ho-tv' });
  const clearTv = btn('Clear TV', () => setTv(null, clearTv), 'ghost', 'dm-ho-clear-tv');
  const list = h('ul', { class: 'ho-dm-list', 'data-testid': 'dm-ho-list' });
  const el = panel('handouts', 'Handouts',
    drop, field('Title', title), audience, players, field('Note (optional)', note),
    h('div', { class: 'row' }, send),
    h('h3', { text: 'On the TV' }), h('div', { class: 'row wrap' }, tvLine, clearTv),
    h('h3', { text: 'Your handouts' }),
    h('p', { class: 'muted small', text: '"Show again" uses who sees it and the note chosen above.' }),
    list);

  const chosen = () => el.querySelector('input[name=dm-ho-audience]:checked').value;
  for (const r of el.querySelectorAll('input[name=dm-ho-audience]')) r.addEventListener('change', () => { players.hidden = chosen() !== 'some'; });

  function pick(f) {
    if (!f) return;
    if (!TYPES.includes(f.type)) {
      toast(`Only PNG, JPEG, WebP or GIF images can be handouts (this file is ${f.type || 'of an unknown type'}).`, 'error');
      return;
    }
    file = f;
    if (preview) URL.revokeObjectURL(preview);
    preview = URL.createObjectURL(f);
    previewImg.src = preview;
    previewImg.hidden = false;
    dropText.textContent = `${f.name} — tap to pick another`;
    if (!title.value.trim()) title.value = f.name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').slice(0, 200);
  }
  input.addEventListener('change', () => pick(input.files && input.files[0]));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    pick(e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]);
  });

  /** The show body for the audience chosen above; null (with a message) when it is incomplete. */
  function showBody() {
    const a = chosen();
    const body = {};
    if (a === 'some') {
      const ids = players.values();
      if (!ids.length) { toast('Tick at least one player, or choose another audience.', 'error'); return null; }
      body.audience = ids;
    } else body.audience = a;
    if (note.value.trim()) body.text = note.value.trim();
    return body;
  }

  async function show(id, button) {
    const body = showBody();
    if (!body) return false;
    const who = Array.isArray(body.audience) ? body.audience.map(p => state.name(p)).join(', ') : SHOWN_TO[body.audience];
    const r = await run(button, () => api('POST', `/api/dm/handouts/${encodeURIComponent(id)}/show`, body), `Shown to ${who}`);
    if (r === undefined) return false;
    shelf.load();
    return true;
  }

  async function showNew() {
    if (!file) { toast('Drop or pick an image first.', 'error'); input.focus(); return; }
    if (!title.value.trim()) { toast('Give the handout a title (the players read it).', 'error'); title.focus(); return; }
    if (!showBody()) return;
    const up = await run(send, () => api('POST', `/api/dm/handouts?title=${encodeURIComponent(title.value.trim())}`, undefined, { raw: file }));
    if (!up || !up.handout) return;
    if (!(await show(up.handout.id, send))) { shelf.load(); return; }
    file = null;
    input.value = '';
    title.value = '';
    note.value = '';
    previewImg.hidden = true;
    previewImg.removeAttribute('src');
    dropText.textContent = 'Drop an image here, or tap to pick one (PNG, JPEG, WebP or GIF)';
  }

  async function setTv(id, button) {
    const r = await run(button, () => api('POST', '/api/dm/tv', id ? { handout_id: id } : { clear: true }), id ? 'On the TV' : 'The TV shows the story');
    if (r !== undefined) shelf.load();
  }

  function row(it) {
    const thumb = h('img', { class: 'ho-thumb', alt: '', width: '96', height: '72', loading: 'lazy' });
    fillImage(thumb, it.id);
    const onTv = shelf.tv === it.id;
    const again = btn('Show again', ev => show(it.id, ev.currentTarget), 'ghost', `dm-ho-again-${it.id}`);
    const tv = onTv ? btn('Clear TV', ev => setTv(null, ev.currentTarget), 'ghost', `dm-ho-tvclear-${it.id}`)
      : btn('Show on TV', ev => setTv(it.id, ev.currentTarget), 'ghost', `dm-ho-tv-${it.id}`);
    return h('li', { class: 'ho-dm-item' + (onTv ? ' on-tv' : ''), 'data-testid': `dm-ho-${it.id}` },
      h('button', { type: 'button', class: 'ho-dm-open', onclick: () => document.dispatchEvent(new CustomEvent('pm:handout', { detail: it })) },
        thumb, h('span', { class: 'sr-only', text: `Open ${it.title || 'the handout'}` })),
      h('div', { class: 'ho-dm-body' },
        h('strong', { dir: 'auto', text: it.title || it.id }),
        h('span', { class: 'muted small', text: [it.width && it.height ? `${it.width}×${it.height}` : '', it.subject ? 'portrait from the campaign' : '', it.shown ? 'shown' : 'not shown yet', onTv ? 'on the TV' : ''].filter(Boolean).join(' · ') }),
        h('div', { class: 'row wrap' }, again, tv)));
  }

  function render() {
    const items = shelf.list();
    list.replaceChildren(...(items.length ? items.map(row) : [h('li', { class: 'muted small', text: 'None yet.' })]));
    const on = shelf.tv && shelf.get(shelf.tv);
    tvLine.textContent = shelf.tv ? `Showing ${on ? `“${on.title}”` : shelf.tv}` : 'The story (nothing on the TV).';
    clearTv.hidden = !shelf.tv;
  }

  state.subscribe(['handouts', 'tv_handout'], render);
  state.subscribe('party', () => players.fill(state.party));
  render();
  return { el };
}
