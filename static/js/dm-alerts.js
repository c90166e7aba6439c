// Never miss a new action: the waiting count on the Queue tab (desktop and phone tabs alike),
// in the browser tab's title ("(2) …"), and an optional chime when the count goes up
// (the per-device setting dmChime; browsers play sound only after a first click or key).
import { chime, unlockAudio } from './cues.js';
import { settings } from './settings.js';

export function queueAlerts({ tabs }) {
  const base = document.title.replace(/^\(\d+\) /, '');
  let last = null;
  const arm = () => { unlockAudio(); window.removeEventListener('pointerdown', arm); window.removeEventListener('keydown', arm); };
  window.addEventListener('pointerdown', arm);
  window.addEventListener('keydown', arm);

  return {
    /** n: the actions waiting (pending) now, from the DM's queue listing. */
    update(n) {
      tabs.count('queue', n, n === 1 ? '1 action waiting' : `${n} actions waiting`);
      document.title = n ? `(${n}) ${base}` : base;
      document.body.dataset.waiting = String(n);
      // The first listing after loading is the state, not news: no chime on a reload.
      if (last !== null && n > last && settings.get().dmChime) chime('action');
      last = n;
    },
  };
}
