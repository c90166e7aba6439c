// The player's dice (docs/web-app.md "Dice"): a dice button next to Send opens a sheet of dice
// (d4–d20, d100, modifier, advantage, who will see it); `pm:roll` events from the sheet's
// rollable entries open it pre-filled; roll requests from the DM show as cards on top of the
// story with Roll and "I rolled real dice". The server rolls; this file sends and draws.
import { h, $, newId, toast, describeError } from './util.js';
import { blindCard } from './roll-card.js';

const DICE = [4, 6, 8, 10, 12, 20, 100];
const VIS = [
  ['public', 'Everyone', 'Everyone sees the result, the TV too.'],
  ['party', 'Party', 'The players and the DM see it; the TV does not.'],
  ['dm', 'Me + DM', 'Only you and the DM see the result.'],
  ['blind', 'Blind', 'Only the DM sees the result — you will not.'],
];
const ABILITY = { str: 'Strength', dex: 'Dexterity', con: 'Constitution', int: 'Intelligence', wis: 'Wisdom', cha: 'Charisma' };

/** A request's roll in words: "a Dexterity saving throw". */
export function describeRoll(expr) {
  const [kind, name = ''] = String(expr).split(':');
  const nice = s => s.replace(/[-_]+/g, ' ').replace(/\b\w/g, c => c.toUpperCase());
  switch (kind) {
    case 'check': return `a ${ABILITY[name] || nice(name)} check`;
    case 'save': return `a ${ABILITY[name] || nice(name)} saving throw`;
    case 'skill': return `a ${nice(name)} check`;
    case 'initiative': return 'initiative';
    case 'attack': return `an attack with ${name}`;
    case 'damage': return `damage for ${name}`;
    default: return `a roll of ${expr}`;
  }
}

export function startDice({ state, api, conn, feed }) {
  const requests = new Map();
  const cards = h('section', { class: 'roll-requests', 'aria-label': 'Roll requests', 'aria-live': 'polite', 'data-testid': 'roll-requests' });
  const story = $('#panel-story');
  story.insertBefore(cards, story.querySelector('.feed-wrap'));

  // ---- sending: the socket when it is up, else POST; the same client_id never rolls twice
  const pending = new Map();
  async function send(body) {
    const roll = { ...body, client_id: newId('r') };
    pending.set(roll.client_id, roll);
    if (conn.send({ type: 'roll', ...roll })) return;
    try {
      const r = await api('POST', '/api/rolls', roll);
      if (r && r.roll && r.roll.status === 'rolled_blind') blind(roll);
      pending.delete(roll.client_id);
    } catch (e) {
      pending.delete(roll.client_id);
      toast(describeError(e.code, e.message), 'error');
    }
  }
  const shown = new Set();
  function blind(roll) {
    // The POST receipt and a roll_status may both tell of the same roll: one card.
    if (shown.has(roll.client_id)) return;
    shown.add(roll.client_id);
    feed.insert(feed.list, blindCard(state.addBlindRoll(roll.label || (roll.expr ? describeRoll(roll.expr) : ''))));
    feed.scrollToEnd(false);
  }
  // After a reload the cards come back where they were (after the story the page then held),
  // once the cached story is drawn.
  setTimeout(() => {
    const first = feed.firstSeq();
    for (const r of state.blindRolls) {
      if (first != null && r.after < first) continue; // older than the story on screen
      feed.insert(feed.list, blindCard(r), r.after + 0.5);
    }
  }, 0);
  state.subscribe('roll_status', msg => {
    const roll = pending.get(msg.client_id);
    pending.delete(msg.client_id);
    if (msg.status === 'rolled_blind' && roll) blind(roll);
  });
  state.subscribe('roll_error', msg => { if (pending.delete(msg.client_id)) toast(describeError(msg.code, msg.message), 'error'); });

  // ---- the dice sheet
  let die = 20;
  let count = 1;
  let ref = null; // {expr, label} from the character sheet
  const countOut = h('output', { class: 'dice-count', 'data-testid': 'dice-count', text: '1' });
  const modIn = h('input', { type: 'number', inputmode: 'numeric', value: '0', min: -30, max: 30, class: 'num', id: 'dice-mod', 'data-testid': 'dice-mod' });
  const exprOut = h('p', { class: 'dice-expr', 'aria-live': 'polite', 'data-testid': 'dice-expr' });
  const dieBtns = DICE.map(n => h('button', { type: 'button', class: 'die', 'data-testid': `die-d${n}`, 'aria-pressed': 'false', text: `d${n}`, onclick: () => { die = n; ref = null; draw(); } }));
  const modeSel = h('select', { id: 'dice-mode', 'data-testid': 'dice-mode' },
    [['normal', 'Normal'], ['advantage', 'Advantage (2d20, higher)'], ['disadvantage', 'Disadvantage (2d20, lower)']].map(([v, t]) => h('option', { value: v, text: t })));
  const visHint = h('p', { class: 'dice-vis-hint', 'data-testid': 'dice-vis-hint' });
  const visBox = h('div', { class: 'seg', role: 'radiogroup', 'aria-label': 'Who sees the result' },
    VIS.map(([v, t]) => h('label', { class: 'seg-opt' },
      h('input', { type: 'radio', name: 'dice-vis', value: v, checked: v === 'public', 'data-testid': `dice-vis-${v}`, onchange: draw }),
      h('span', { text: t }))));
  const physIn = h('input', { type: 'number', inputmode: 'numeric', id: 'dice-physical', class: 'num', placeholder: 'e.g. 14', 'data-testid': 'dice-physical' });
  const rollBtn = h('button', { type: 'button', class: 'btn primary big', 'data-testid': 'dice-roll', text: 'Roll', onclick: () => submit(false) });
  const physBtn = h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'dice-physical-send', text: 'Send', onclick: () => submit(true) });
  const physLabel = h('label', { for: 'dice-physical', 'data-testid': 'dice-physical-label' });
  const dialog = h('dialog', { class: 'sheet dice-sheet', 'aria-labelledby': 'dice-title', 'data-testid': 'dice-sheet' },
    h('div', { class: 'sheet-head' }, h('h2', { id: 'dice-title', text: 'Roll dice' }),
      h('button', { type: 'button', class: 'btn ghost', 'data-testid': 'dice-close', text: 'Close', onclick: () => dialog.close() })),
    h('div', { class: 'sheet-body' },
      exprOut,
      h('div', { class: 'dice-grid' }, dieBtns),
      h('div', { class: 'row dice-row' },
        h('span', { class: 'muted small', text: 'How many' }),
        h('button', { type: 'button', class: 'btn ghost small-btn', 'aria-label': 'One die fewer', text: '−', onclick: () => { count = Math.max(1, count - 1); ref = null; draw(); } }),
        countOut,
        h('button', { type: 'button', class: 'btn ghost small-btn', 'aria-label': 'One die more', text: '+', onclick: () => { count = Math.min(20, count + 1); ref = null; draw(); } }),
        h('label', { for: 'dice-mod', class: 'muted small', text: 'Modifier' }), modIn),
      h('div', { class: 'field' }, h('label', { for: 'dice-mode', text: 'Advantage' }), modeSel),
      h('fieldset', { class: 'dice-vis' }, h('legend', { text: 'Who sees the result' }), visBox, visHint),
      h('div', { class: 'row' }, rollBtn),
      h('div', { class: 'row dice-phys' }, physLabel, physIn, physBtn)));
  document.body.append(dialog);
  dialog.addEventListener('click', e => { if (e.target === e.currentTarget) dialog.close(); });
  modIn.addEventListener('input', () => { ref = null; draw(); });

  function visibility() { return (dialog.querySelector('input[name="dice-vis"]:checked') || {}).value || 'public'; }
  function expr() {
    if (ref) return ref.expr;
    const m = Number(modIn.value) || 0;
    return `${count}d${die}${m > 0 ? '+' + m : m < 0 ? String(m) : ''}`;
  }
  function isD20() { return ref ? !ref.expr.startsWith('damage:') : (die === 20 && count === 1); }
  function draw() {
    for (const b of dieBtns) b.setAttribute('aria-pressed', String(!ref && b.textContent === `d${die}`));
    countOut.textContent = String(count);
    exprOut.textContent = ref ? `${ref.label || ref.expr} (${ref.expr})` : expr();
    modeSel.disabled = !isD20();
    if (!isD20()) modeSel.value = 'normal';
    const v = VIS.find(x => x[0] === visibility());
    visHint.textContent = v ? v[2] : '';
    physLabel.textContent = ref && isD20() ? 'I rolled real dice — the d20 shows:' : 'I rolled real dice — the total is:';
  }
  function submit(physical) {
    const body = { expr: expr(), visibility: visibility() };
    if (modeSel.value !== 'normal') body.mode = modeSel.value;
    if (ref && ref.label) body.label = ref.label;
    if (physical) {
      const n = Number(physIn.value);
      if (!physIn.value || !Number.isInteger(n)) { physIn.focus(); return; }
      body.physical = true;
      body.result = n;
    }
    physIn.value = '';
    dialog.close();
    send(body);
  }
  function open(r) {
    ref = r && r.expr ? { expr: String(r.expr), label: r.label || '' } : null;
    modeSel.value = 'normal';
    draw();
    const sheet = $('#sheet');
    if (sheet && sheet.open) sheet.close();
    if (!dialog.open) dialog.showModal();
  }

  // A drawn d20, not an emoji: phones without an emoji font (and forced colours) still show it.
  const open_ = h('button', { type: 'button', class: 'btn dice-open', 'data-testid': 'dice-open', 'aria-haspopup': 'dialog', 'aria-label': 'Roll dice', title: 'Roll dice', onclick: () => open(null) }, dieIcon());
  const send_ = $('#action-send');
  send_.parentNode.insertBefore(open_, send_);
  document.addEventListener('pm:roll', e => open(e.detail || null));

  // ---- roll requests: a card per open request of this seat
  function drawCards() {
    const open = [...requests.values()].filter(r => r.status === 'open');
    cards.hidden = !open.length;
    cards.replaceChildren(...open.map(card));
  }
  function card(r) {
    const input = h('input', { type: 'number', inputmode: 'numeric', class: 'num', 'aria-label': 'What your dice show', placeholder: '—', 'data-testid': `rr-physical-${r.id}` });
    const answer = body => { send({ request_id: r.id, ...body }); };
    const d20 = !String(r.expr).startsWith('damage:') && String(r.expr).includes(':') || r.expr === 'initiative';
    const who = VIS.find(x => x[0] === r.visibility);
    return h('article', { class: 'rr-card', 'data-testid': `rr-${r.id}`, dataset: { requestId: r.id } },
      h('p', { class: 'rr-title', text: `The DM asks for ${describeRoll(r.expr)}` + (r.mode && r.mode !== 'normal' ? ` with ${r.mode}` : '') }),
      r.reason ? h('p', { class: 'rr-reason', text: r.reason }) : null,
      who ? h('p', { class: 'muted small', text: who[2] }) : null,
      h('div', { class: 'row wrap' },
        h('button', { type: 'button', class: 'btn primary', 'data-testid': `rr-roll-${r.id}`, text: 'Roll', onclick: () => answer({}) }),
        r.allow_physical === false ? null : h('label', { class: 'rr-phys' },
          h('span', { text: d20 ? 'I rolled real dice: d20 shows' : 'I rolled real dice: total' }), input),
        r.allow_physical === false ? null : h('button', { type: 'button', class: 'btn ghost', 'data-testid': `rr-physical-send-${r.id}`, text: 'Send', onclick: () => {
          const n = Number(input.value);
          if (!input.value || !Number.isInteger(n)) { input.focus(); return; }
          answer({ physical: true, result: n });
        } })));
  }
  state.subscribe('welcome', msg => {
    requests.clear();
    for (const r of msg.roll_requests || []) requests.set(r.id, r);
    drawCards();
  });
  state.subscribe('roll_request', msg => {
    const r = msg.request;
    if (!r) return;
    const isNew = !requests.has(r.id) && r.status === 'open';
    requests.set(r.id, r);
    drawCards();
    if (isNew && navigator.vibrate) { try { navigator.vibrate(150); } catch { /* not allowed */ } }
  });
  drawCards();
  draw();
}

function dieIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'die-icon');
  for (const d of ['M12 2.5 20.5 7.3v9.4L12 21.5l-8.5-4.8V7.3z', 'M12 7 16.8 15H7.2z', 'M12 2.5V7M20.5 7.3 16.8 15M3.5 7.3 7.2 15M12 21.5 7.2 15M12 21.5l4.8-6.5']) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
