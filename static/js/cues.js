// "On deck" and "your turn" for a phone lying on the table: a vibration pattern each, a short
// chime (audio unlocked by the first tap), a full-screen colour flash, the tab title and a
// favicon badge; and a keep-screen-awake switch. What is on is a per-device setting.
import { gating } from './combat.js';
import { settings } from './settings.js';

const VIBRATE = { turn: [250, 120, 250, 120, 500], deck: [120] };
const TITLE = { turn: '▶ Your turn · ', deck: '◆ On deck · ' };
const BADGE = { turn: '#f2b35b', deck: '#8fc2ff' };

/** The viewer's phase: 'turn', 'deck' (the next PC is theirs) or null. */
export function phaseOf(combat, me) {
  if (!combat) return null;
  if (gating(combat, me, 'player').canAct) return 'turn';
  if (combat.mode !== 'simultaneous' && combat.on_deck === me) return 'deck';
  return null;
}

let audio = null;
/** Audio needs a first tap or key on the page (autoplay rules); call it from one. */
export function unlockAudio() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx || audio) return;
  try {
    audio = new Ctx();
    // iOS unlocks audio with a sound started inside a tap: a silent one.
    const buf = audio.createBuffer(1, 1, 22050);
    const src = audio.createBufferSource();
    src.buffer = buf;
    src.connect(audio.destination);
    src.start(0);
    if (audio.resume) audio.resume();
  } catch { audio = null; }
}

/** A short chime: 'turn' rises, 'deck' is one note, 'action' (the DM's new action) two falling notes. */
export function chime(kind) {
  if (!audio) return;
  const notes = kind === 'turn' ? [660, 880] : kind === 'action' ? [784, 587] : [523];
  const t0 = audio.currentTime + 0.02;
  notes.forEach((f, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = f;
    const t = t0 + i * 0.18;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.4);
  });
}

function flash(kind) {
  const el = document.createElement('div');
  el.className = 'cue-flash ' + kind;
  el.dataset.testid = 'cue-flash';
  el.dataset.kind = kind;
  el.setAttribute('aria-hidden', 'true');
  document.body.append(el);
  setTimeout(() => el.remove(), 1600);
}

/** The favicon with a coloured dot (or the plain icon). */
function drawBadge(kind) {
  const link = document.querySelector('link[rel=icon]');
  if (!link) return;
  if (!link.dataset.plain) link.dataset.plain = link.href;
  if (!kind) { link.href = link.dataset.plain; link.type = 'image/svg+xml'; return; }
  const c = document.createElement('canvas');
  c.width = c.height = 64;
  const g = c.getContext('2d');
  if (!g) return;
  g.fillStyle = '#121417';
  g.beginPath(); g.arc(32, 32, 30, 0, Math.PI * 2); g.fill();
  g.fillStyle = '#f2b35b';
  g.font = 'bold 36px sans-serif'; g.textAlign = 'center'; g.textBaseline = 'middle';
  g.fillText('P', 28, 34);
  g.fillStyle = BADGE[kind];
  g.beginPath(); g.arc(48, 16, 14, 0, Math.PI * 2); g.fill();
  link.type = 'image/png';
  link.href = c.toDataURL('image/png');
}

/** Starts the cues for a player; title is the page's plain title. */
export function startCues(state, title) {
  let last = undefined;
  const onFirstTap = () => { unlockAudio(); window.removeEventListener('pointerdown', onFirstTap); window.removeEventListener('keydown', onFirstTap); };
  window.addEventListener('pointerdown', onFirstTap);
  window.addEventListener('keydown', onFirstTap);

  state.subscribe('combat', c => {
    const phase = phaseOf(c, state.me);
    document.title = (phase ? TITLE[phase] : '') + title;
    document.body.dataset.phase = phase || '';
    drawBadge(phase);
    // The first combat view after loading is the state, not a change: no buzz on a reload.
    if (last !== undefined && phase && phase !== last) fire(phase);
    last = phase;
  });

  function fire(kind) {
    const s = settings.get();
    if (s.vibrate && navigator.vibrate) { try { navigator.vibrate(VIBRATE[kind]); } catch { /* not allowed */ } }
    if (s.sound) chime(kind);
    if (s.flash) flash(kind);
  }
  return { fire };
}

// ---- keep the screen awake

let lock = null;
let video = null;
let painter = 0;

/** On: the Wake Lock API where it exists (HTTPS), otherwise a muted inline looping video. */
export async function keepAwake(on) {
  if (!on) {
    if (lock) { try { await lock.release(); } catch { /* gone */ } lock = null; }
    if (video) { video.pause(); video.remove(); video = null; clearInterval(painter); }
    document.body.dataset.awake = '';
    return '';
  }
  if ('wakeLock' in navigator && window.isSecureContext) {
    try {
      lock = await navigator.wakeLock.request('screen');
      document.body.dataset.awake = 'wakelock';
      return 'wakelock';
    } catch { lock = null; }
  }
  // Plain HTTP on a LAN has no Wake Lock: a playing, visible, muted inline video keeps the screen on.
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 2;
  const g = canvas.getContext('2d');
  video = document.createElement('video');
  video.muted = true;
  video.loop = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  video.setAttribute('aria-hidden', 'true');
  video.className = 'awake-video';
  video.dataset.testid = 'awake-video';
  if (canvas.captureStream) video.srcObject = canvas.captureStream(1);
  let n = 0;
  painter = setInterval(() => { if (g) { g.fillStyle = n++ % 2 ? '#000' : '#010101'; g.fillRect(0, 0, 2, 2); } }, 1000);
  document.body.append(video);
  try { await video.play(); } catch { /* needs a tap: the switch is one */ }
  document.body.dataset.awake = 'video';
  return 'video';
}

// The lock is dropped when the page is hidden: take it again on return.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && settings.get().awake && !video && !lock) keepAwake(true);
  if (document.visibilityState === 'visible' && video) video.play().catch(() => {});
});
