// A handout's small card in the story (docs/web-app.md "Handouts"): a thumbnail, the title and
// the DM's note; a tap opens it full screen (the page listens for the `pm:handout` event).
import { h } from './util.js';
import { fillImage } from './handout-images.js';

/** The card of a stored `handout` event. */
export function handoutCard(ev, ctx, meta) {
  const id = ev.handout_id;
  const thumb = h('img', { class: 'ho-thumb', alt: '', width: '96', height: '72', loading: 'lazy', 'data-testid': 'handout-thumb' });
  fillImage(thumb, id);
  const open = () => document.dispatchEvent(new CustomEvent('pm:handout', { detail: { id, title: ev.title, text: ev.text || null } }));
  return h('article', { class: 'msg handout', 'data-testid': 'msg-handout', dataset: { handoutId: id } },
    meta(ctx.role === 'player' ? 'The DM shows you' : 'Handout shown'),
    h('button', { type: 'button', class: 'ho-card-open', 'data-testid': 'handout-open', onclick: open },
      thumb,
      h('span', { class: 'sr-only', text: 'Open ' }),
      h('span', { class: 'ho-card-title', dir: 'auto', text: ev.title || 'Handout' })),
    ev.text ? h('p', { class: 'text', dir: 'auto', text: ev.text }) : null);
}
