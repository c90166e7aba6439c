// Landing page: turn a pasted join link or bare token into /play?token=….
import { store } from './util.js';

const form = document.getElementById('join');
const input = document.getElementById('join-input');
const error = document.getElementById('join-error');

if (store.get('partymode.token')) document.getElementById('resume').hidden = false;

function extractToken(raw) {
  const text = raw.trim();
  if (!text) return null;
  if (/^[a-z]+:\/\//i.test(text) || text.startsWith('/')) {
    try {
      const url = new URL(text, location.origin);
      return url.searchParams.get('token');
    } catch { return null; }
  }
  const m = /[?&]token=([^&#\s]+)/.exec(text);
  if (m) return decodeURIComponent(m[1]);
  return /^[A-Za-z0-9_\-.~]+$/.test(text) ? text : null;
}

form.addEventListener('submit', e => {
  e.preventDefault();
  const token = extractToken(input.value);
  if (!token) {
    error.textContent = 'That does not look like a join link. It should contain "token=".';
    input.focus();
    return;
  }
  location.href = '/play?token=' + encodeURIComponent(token);
});
