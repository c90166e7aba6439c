// "Download the story": the seat's own story book (docs/protocol.md §10.1), fetched with the
// seat's token and saved as a file. The DM's book is the full one.
import { h, toast } from './util.js';

function fileName(res, format) {
  const m = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
  return m ? m[1] : `story.${format}`;
}

async function download(token, format) {
  const res = await fetch(`/api/export?format=${format}`, {
    headers: { Authorization: 'Bearer ' + token }, cache: 'no-store',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName(res, format), hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Adds the buttons to the top bar, for every seat. */
export function addExportButton(token, role) {
  const run = format => async () => {
    try { await download(token, format); } catch { toast('The story could not be downloaded; try again.', 'error'); }
  };
  const html = h('button', { type: 'button', class: 'btn ghost export-btn', 'data-testid': 'export-story', text: 'Download the story' });
  const md = h('button', { type: 'button', class: 'btn ghost export-btn export-md', 'data-testid': 'export-story-md', text: 'Markdown', title: 'Download the story as Markdown' });
  html.addEventListener('click', run('html'));
  md.addEventListener('click', run('md'));
  const box = h('div', { class: 'export', role: 'group', 'aria-label': 'Export' }, html, md);
  // Phones keep the top bar short (the story needs the height): players and the TV find it in the Party panel.
  const panel = role === 'dm' ? null : document.getElementById('panel-party');
  if (panel) { box.classList.add('export-panel'); panel.append(box); return; }
  const bar = document.querySelector('.topbar');
  if (bar) bar.insertBefore(box, document.getElementById('conn'));
}
