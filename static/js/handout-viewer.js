// The full-screen handout viewer (docs/web-app.md "Handouts"): a modal dialog over the story
// with the image (pinch, double-tap, wheel or the buttons to zoom; drag to move), its title,
// the DM's note and a big Close. One dialog per page, reused for every handout.
import { h } from './util.js';
import { fillImage } from './handout-images.js';
import { Zoom } from './zoom.js';

let viewer = null;

/** Opens (or switches) the viewer on a handout {id, title, text?}. */
export function openHandout(item) {
  if (!viewer) viewer = build();
  viewer.open(item);
}

/** Closes the viewer if it is open (a seat removed from the game). */
export function closeHandout() {
  if (viewer && viewer.dlg.open) viewer.dlg.close();
}

function build() {
  const title = h('h2', { id: 'ho-view-title', class: 'ho-view-title', dir: 'auto', 'data-testid': 'handout-title' });
  const close = h('button', { type: 'button', class: 'btn primary ho-close', 'data-testid': 'handout-close', text: 'Close' });
  const img = h('img', { class: 'ho-view-img', alt: '', draggable: 'false', 'data-testid': 'handout-image' });
  const stage = h('div', { class: 'ho-stage', 'data-testid': 'handout-stage' }, img);
  const text = h('p', { class: 'ho-view-text', dir: 'auto', 'data-testid': 'handout-text' });
  const zoomBtn = (label, aria, testid, fn) => h('button', { type: 'button', class: 'btn ghost ho-zoom-btn', 'aria-label': aria, 'data-testid': testid, text: label, onclick: fn });
  const dlg = h('dialog', { class: 'ho-viewer', 'aria-labelledby': 'ho-view-title', 'data-testid': 'handout-viewer' },
    h('div', { class: 'ho-bar' }, title, close),
    stage,
    h('div', { class: 'ho-foot' }, text,
      h('div', { class: 'ho-zoom', role: 'group', 'aria-label': 'Zoom' },
        zoomBtn('−', 'Zoom out', 'handout-zoom-out', () => zoom.step(1 / 1.5)),
        zoomBtn('Fit', 'Fit the whole image on the screen', 'handout-zoom-fit', () => zoom.reset()),
        zoomBtn('+', 'Zoom in', 'handout-zoom-in', () => zoom.step(1.5))),
      h('p', { class: 'muted small ho-hint', text: 'Pinch or double-tap to zoom, drag to look around.' })));
  document.body.append(dlg);
  const zoom = new Zoom(stage, img);
  img.addEventListener('load', () => zoom.reset());
  close.addEventListener('click', () => dlg.close());
  dlg.addEventListener('keydown', e => {
    if (e.key === '+' || e.key === '=') zoom.step(1.5);
    else if (e.key === '-') zoom.step(1 / 1.5);
    else if (e.key === '0') zoom.reset();
    else return;
    e.preventDefault();
  });
  dlg.addEventListener('close', () => { document.body.classList.remove('ho-open'); });

  return {
    dlg,
    open(item) {
      title.textContent = item.title || 'Handout';
      img.alt = item.title || 'Handout';
      text.textContent = item.text || '';
      text.hidden = !item.text;
      dlg.dataset.handoutId = item.id;
      if (img.dataset.handoutId !== item.id) { img.removeAttribute('src'); delete img.dataset.failed; }
      fillImage(img, item.id);
      if (!dlg.open) dlg.showModal();
      document.body.classList.add('ho-open');
      zoom.reset();
      close.focus();
    },
  };
}
