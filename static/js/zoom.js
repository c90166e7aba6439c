// Pinch, double-tap, wheel and button zoom for one image inside a stage (the handout viewer).
// Pointer events only (touch, pen and mouse alike); the transform is set through the CSSOM,
// which the page's CSP allows (no style attributes). The stage shows the zoom in data-zoom.

const MAX = 6;
const TAP_MS = 300;
const TAP_PX = 30;

export class Zoom {
  constructor(stage, img) {
    this.stage = stage;
    this.img = img;
    this.pointers = new Map();
    this.lastTap = null;
    this.reset();
    stage.addEventListener('pointerdown', e => this.down(e));
    stage.addEventListener('pointermove', e => this.move(e));
    for (const t of ['pointerup', 'pointercancel', 'pointerleave']) stage.addEventListener(t, e => this.up(e));
    stage.addEventListener('wheel', e => {
      e.preventDefault();
      this.zoomAt(this.s * Math.exp(-e.deltaY / 300), e.clientX, e.clientY);
    }, { passive: false });
    img.addEventListener('dragstart', e => e.preventDefault());
  }

  reset() {
    this.s = 1;
    this.tx = 0;
    this.ty = 0;
    this.apply();
  }

  /** The image's untransformed box, in client coordinates. */
  base() {
    const r = this.stage.getBoundingClientRect();
    return { x: r.left + this.img.offsetLeft, y: r.top + this.img.offsetTop, w: this.img.offsetWidth, h: this.img.offsetHeight, sw: r.width, sh: r.height, ox: this.img.offsetLeft, oy: this.img.offsetTop };
  }

  /** Zooms to scale s keeping the image point under (cx, cy) where it is. */
  zoomAt(s, cx, cy) {
    const b = this.base();
    const next = Math.min(MAX, Math.max(1, s));
    const qx = (cx - b.x - this.tx) / this.s;
    const qy = (cy - b.y - this.ty) / this.s;
    this.s = next;
    this.tx = cx - b.x - next * qx;
    this.ty = cy - b.y - next * qy;
    this.apply();
  }

  /** Zooms by a factor around the stage's centre (the + and − buttons, the keyboard). */
  step(factor) {
    const r = this.stage.getBoundingClientRect();
    this.zoomAt(this.s * factor, r.left + r.width / 2, r.top + r.height / 2);
  }

  /** Keeps the image on screen: centred when smaller than the stage, edge to edge when larger. */
  clamp() {
    const b = this.base();
    if (!b.w || !b.h) { this.tx = 0; this.ty = 0; return; }
    const fit = (t, size, stageSize, offset) => {
      const scaled = size * this.s;
      if (scaled <= stageSize) return (stageSize - scaled) / 2 - offset;
      return Math.min(-offset, Math.max(stageSize - offset - scaled, t));
    };
    if (this.s <= 1) { this.tx = 0; this.ty = 0; return; }
    this.tx = fit(this.tx, b.w, b.sw, b.ox);
    this.ty = fit(this.ty, b.h, b.sh, b.oy);
  }

  apply() {
    this.clamp();
    this.img.style.transform = `translate(${this.tx}px, ${this.ty}px) scale(${this.s})`;
    this.stage.dataset.zoom = this.s.toFixed(2);
    this.stage.classList.toggle('zoomed', this.s > 1.01);
  }

  down(e) {
    if (e.button != null && e.button > 0) return;
    this.tryCapture(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY, t0: e.timeStamp });
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.pinch = { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, s: this.s };
      this.lastTap = null;
    }
  }

  tryCapture(id) {
    try { this.stage.setPointerCapture(id); } catch { /* a synthetic pointer cannot be captured */ }
  }

  move(e) {
    const p = this.pointers.get(e.pointerId);
    if (!p) return;
    const dx = e.clientX - p.x;
    const dy = e.clientY - p.y;
    p.x = e.clientX;
    p.y = e.clientY;
    if (this.pointers.size >= 2 && this.pinch) {
      const [a, b] = [...this.pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      this.zoomAt(this.pinch.s * d / this.pinch.d, (a.x + b.x) / 2, (a.y + b.y) / 2);
    } else if (this.s > 1) {
      this.tx += dx;
      this.ty += dy;
      this.apply();
    }
  }

  up(e) {
    const p = this.pointers.get(e.pointerId);
    if (!p) return;
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinch = null;
    if (e.type !== 'pointerup') return;
    const still = Math.hypot(e.clientX - p.x0, e.clientY - p.y0) < TAP_PX && e.timeStamp - p.t0 < TAP_MS;
    if (!still || this.pointers.size) { this.lastTap = null; return; }
    const last = this.lastTap;
    if (last && e.timeStamp - last.t < TAP_MS && Math.hypot(e.clientX - last.x, e.clientY - last.y) < TAP_PX) {
      // Double tap: zoom in where the finger is, or back to the whole image.
      this.lastTap = null;
      if (this.s > 1.01) this.reset();
      else this.zoomAt(2.5, e.clientX, e.clientY);
    } else this.lastTap = { t: e.timeStamp, x: e.clientX, y: e.clientY };
  }
}
