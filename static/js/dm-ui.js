// Small form helpers for the DM panels.
import { h, toast, describeError } from './util.js';

let uid = 0;

/** A labelled field; returns the wrapper, the control is wrapper.control. */
export function field(label, control, hint) {
  if (!control.id) control.id = `f${++uid}`;
  const wrap = h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control,
    hint ? h('p', { class: 'muted small', text: hint }) : null);
  wrap.control = control;
  return wrap;
}

export function panel(id, title, ...content) {
  return h('section', { id: `dm-${id}`, class: 'dm-panel', 'aria-label': title, 'data-testid': `dm-${id}` },
    h('h2', { text: title }), ...content);
}

/** Runs an API call from a button: disables it meanwhile, reports errors in words. */
export async function run(button, fn, okText) {
  if (button) button.disabled = true;
  try {
    const r = await fn();
    if (okText) toast(okText);
    return r;
  } catch (e) {
    toast(describeError(e.code, e.message), 'error');
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** Checkboxes, one per player seat; `.values()` gives the ticked ids. */
export function playerPicker(legend, party, checked = () => false, testid) {
  const box = h('fieldset', { class: 'picker', 'data-testid': testid || null }, h('legend', { text: legend }));
  const fill = list => {
    const before = new Set(box.values ? box.values() : []);
    box.querySelectorAll('label').forEach(l => l.remove());
    for (const p of list) {
      const id = `pick${++uid}`;
      box.append(h('label', { class: 'check', for: id },
        h('input', { type: 'checkbox', id, value: p.id, checked: before.has(p.id) || checked(p) }),
        h('span', { text: p.name })));
    }
  };
  box.values = () => Array.from(box.querySelectorAll('input:checked'), i => i.value);
  box.fill = fill;
  fill(party);
  return box;
}

export function select(options, value) {
  const s = h('select', null, options.map(([v, t]) => h('option', { value: v, text: t })));
  if (value != null) s.value = value;
  return s;
}

export function btn(text, onclick, cls = '', testid) {
  return h('button', { type: 'button', class: `btn ${cls}`.trim(), text, onclick, 'data-testid': testid || null });
}
