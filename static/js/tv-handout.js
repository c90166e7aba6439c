// The TV's full-size slot (docs/protocol.md §9, `POST /api/dm/tv`): the handout the DM put on
// the TV fills the screen until the DM clears it or shows another; the story keeps running
// underneath and shows again once the slot is empty. Driven by the welcome's `tv` and `tv` frames.
import { h } from './util.js';
import { fillImage } from './handout-images.js';
import { shelfOf } from './handout-state.js';

export function startTvHandout({ state, api }) {
  const shelf = shelfOf(state, api);
  const img = h('img', { class: 'tv-handout-img', alt: '', 'data-testid': 'tv-handout-image' });
  const caption = h('figcaption', { class: 'tv-handout-title', dir: 'auto', 'data-testid': 'tv-handout-title' });
  const slot = h('figure', { class: 'tv-handout', 'data-testid': 'tv-handout', 'aria-live': 'polite', hidden: true }, img, caption);
  document.body.append(slot);

  function render() {
    const id = shelf.tv;
    document.body.classList.toggle('tv-showing', !!id);
    if (!id) {
      slot.hidden = true;
      delete slot.dataset.handoutId;
      img.removeAttribute('src');
      delete img.dataset.handoutId;
      return;
    }
    const it = shelf.get(id);
    const title = (it && it.title) || '';
    caption.textContent = title;
    caption.hidden = !title;
    img.alt = title || 'Handout';
    if (slot.dataset.handoutId !== id) {
      img.removeAttribute('src');
      fillImage(img, id, 4);
    }
    slot.dataset.handoutId = id;
    slot.hidden = false;
  }

  state.subscribe(['tv_handout', 'handouts'], render);
  render();
  return { render };
}
