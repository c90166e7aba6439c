// Handout images (docs/protocol.md §9): fetched once per id with the seat's token in the
// Authorization header and shown from a blob: URL, so no token ever sits in an image URL.
// The server marks the bytes immutable, so a reload may take them from the browser's cache.

let api = null;
const urls = new Map();    // handout id → Promise<blob: URL>

/** The page's API client (the seat's token); set once at start. */
export function setImageApi(fn) { api = fn; }

/** A blob: URL for a handout's image; rejects when the seat may not see it (404) or offline. */
export function handoutImage(id) {
  if (!api) return Promise.reject(new Error('no api'));
  let p = urls.get(id);
  if (!p) {
    p = api('GET', `/api/handouts/${encodeURIComponent(id)}/image`, undefined, { blob: true, cache: 'default' })
      .then(blob => URL.createObjectURL(blob));
    urls.set(id, p);
    p.catch(() => { if (urls.get(id) === p) urls.delete(id); }); // a failure may be retried later
  }
  return p;
}

/** Fills an <img> with a handout's image; a short retry covers a showing that is still committing. */
export function fillImage(img, id, tries = 2) {
  img.dataset.handoutId = id;
  handoutImage(id).then(url => {
    if (img.dataset.handoutId === id) img.src = url;
  }).catch(() => {
    if (tries > 1 && img.dataset.handoutId === id) setTimeout(() => fillImage(img, id, tries - 1), 1000);
    else if (img.dataset.handoutId === id) img.dataset.failed = 'true';
  });
}

/** The seat is gone for this device: drop the decoded images. */
export function forgetImages() {
  for (const p of urls.values()) p.then(url => URL.revokeObjectURL(url)).catch(() => {});
  urls.clear();
}
