// The virtual log view: only the rows on screen exist in the DOM, so a million lines scroll as
// smoothly as ten. A spacer gives the scroll height (capped, and scaled beyond the cap, since
// browsers limit element heights); the rows sit in a sticky window and are shifted by the
// fraction of a row. Follow keeps the last line in view and stops when the user scrolls up.
import { lineHtml } from './ansi.js';
import { SYSTEM_MARKER } from './linestore.js';
import { fmtClock } from '../dom.js';

const MAX_SCROLL_PX = 8_000_000;

export class LogView {
  /**
   * @param store the LineStore
   * @param options.onFollowChange called with the new follow state when the user changes it by scrolling
   */
  constructor(store, { onFollowChange = () => {} } = {}) {
    this.store = store;
    this.count = 0;
    this.follow = true;
    this.lineNumbers = true;
    this.timestamps = false;
    this.pattern = null;
    this.matches = new Int32Array(0);
    this.current = -1;
    this.onFollowChange = onFollowChange;
    this.frame = 0;
    this.setTop = -1;
    this.rows = [];
    this.el = document.createElement('div');
    this.el.className = 'logview';
    this.el.tabIndex = 0;
    // A region, not role=log: rows are re-used as the view scrolls, which a live region would read out.
    this.el.setAttribute('role', 'region');
    this.el.setAttribute('aria-label', 'Log');
    this.window = document.createElement('div');
    this.window.className = 'logview-window';
    this.body = document.createElement('div');
    this.body.className = 'logview-rows';
    this.window.append(this.body);
    this.spacer = document.createElement('div');
    this.spacer.className = 'logview-spacer';
    this.placeholder = document.createElement('div');
    this.placeholder.className = 'logview-empty';
    this.el.append(this.window, this.spacer, this.placeholder);
    this.el.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'End') { this.setFollow(true, true); e.preventDefault(); }
      if (e.key === 'Home') { this.setFollow(false, true); this.el.scrollTop = 0; e.preventDefault(); }
    });
    this.resizer = new ResizeObserver(() => this.update());
    this.resizer.observe(this.el);
    this.rowHeight = 18;
  }

  /** Call once the element is in the document: measures the row height. */
  attach() {
    const probe = document.createElement('div');
    probe.className = 'line';
    probe.textContent = 'M';
    probe.style.height = 'auto';
    this.body.append(probe);
    this.rowHeight = Math.max(12, Math.ceil(probe.getBoundingClientRect().height)) || 18;
    probe.remove();
    this.el.style.setProperty('--row-height', this.rowHeight + 'px');
    this.update();
  }

  destroy() {
    this.resizer.disconnect();
    cancelAnimationFrame(this.frame);
  }

  /** Shows the first n lines of the store (fewer than it holds while paused). */
  setCount(n) {
    this.count = n;
    this.update();
  }

  setPlaceholder(text) {
    this.placeholder.textContent = text;
  }

  setFollow(on, byUser = false) {
    if (this.follow === on) return;
    this.follow = on;
    if (byUser) this.onFollowChange(on);
    this.update();
  }

  setOptions({ lineNumbers = this.lineNumbers, timestamps = this.timestamps }) {
    this.lineNumbers = lineNumbers;
    this.timestamps = timestamps;
    this.invalidate();
  }

  /** Highlights the matches of a search (pattern null clears it); current is an index into matches. */
  setSearch(pattern, matches, current) {
    this.pattern = pattern;
    this.matches = matches;
    this.current = current;
    this.invalidate();
  }

  /** Scrolls so that line index i is in the middle of the view. */
  reveal(i) {
    const { maxScroll, maxTop } = this.geometry();
    const top = Math.min(maxTop, Math.max(0, i * this.rowHeight - this.el.clientHeight / 2 + this.rowHeight / 2));
    this.setFollow(false, true);
    this.el.scrollTop = maxTop > 0 ? (top / maxTop) * maxScroll : 0;
    this.setTop = this.el.scrollTop;
    this.update();
  }

  /** Re-renders every row (options changed, or the store was cleared). */
  invalidate() {
    for (const row of this.rows) row.index = -1;
    this.update();
  }

  update() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  geometry() {
    const viewHeight = this.el.clientHeight;
    const total = this.count * this.rowHeight;
    const virtual = Math.min(total, MAX_SCROLL_PX);
    return { viewHeight, total, virtual, maxScroll: Math.max(0, virtual - viewHeight), maxTop: Math.max(0, total - viewHeight) };
  }

  onScroll() {
    const atBottom = this.el.scrollTop >= this.el.scrollHeight - this.el.clientHeight - 4;
    if (atBottom) this.setFollow(true, true);
    else if (Math.abs(this.el.scrollTop - this.setTop) > 1) this.setFollow(false, true);
    this.update();
  }

  render() {
    this.frame = 0;
    const { viewHeight, virtual, maxScroll, maxTop } = this.geometry();
    this.placeholder.hidden = this.count > 0;
    this.window.style.height = viewHeight + 'px';
    this.spacer.style.height = Math.max(0, virtual - viewHeight) + 'px';
    if (this.follow) {
      this.el.scrollTop = maxScroll;
      this.setTop = this.el.scrollTop;
    }
    const realTop = maxScroll > 0 ? (this.el.scrollTop / maxScroll) * maxTop : 0;
    const first = Math.min(Math.floor(realTop / this.rowHeight), Math.max(0, this.count - 1));
    const offset = realTop - first * this.rowHeight;
    const visible = Math.min(this.count - first, Math.ceil(viewHeight / this.rowHeight) + 1);
    this.body.style.transform = `translateY(${-offset}px)`;
    const digits = String(this.store.seq(Math.max(0, this.count - 1))).length;
    this.el.style.setProperty('--ln-width', digits + 1 + 'ch');
    while (this.rows.length < visible) {
      const row = document.createElement('div');
      row.index = -1;
      this.rows.push(row);
      this.body.append(row);
    }
    const currentLine = this.current >= 0 ? this.matches[this.current] : -1;
    for (let k = 0; k < this.rows.length; k++) {
      const row = this.rows[k];
      const i = first + k;
      if (k >= visible) {
        row.hidden = true;
        row.index = -1;
        continue;
      }
      row.hidden = false;
      const marked = (this.pattern ? 'm' : '') + (i === currentLine ? 'c' : '');
      if (row.index === i && row.marked === marked) continue;
      row.index = i;
      row.marked = marked;
      this.fill(row, i, i === currentLine);
    }
  }

  fill(row, i, current) {
    const store = this.store;
    const matched = this.pattern !== null && contains(this.matches, i);
    row.className = 'line ' + store.stream(i) + (matched ? ' match' : '') + (current ? ' current' : '');
    row.dataset.seq = store.seq(i);
    let html = '';
    if (this.lineNumbers) html += `<span class="ln">${store.seq(i)}</span>`;
    if (this.timestamps) html += `<span class="ts">${fmtClock(store.time(i))}</span>`;
    if (store.stream(i) === 'SYSTEM') html += `<span class="mk">${SYSTEM_MARKER}</span>`;
    html += `<span class="tx">${lineHtml(store.text(i))}</span>`;
    row.innerHTML = html;
    if (matched) mark(row.lastChild, this.pattern);
  }
}

function contains(sorted, value) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

// Wraps each match inside the element's text nodes in <mark>.
function mark(el, pattern) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.nodeValue;
    pattern.lastIndex = 0;
    let m;
    let last = 0;
    const parts = [];
    while ((m = pattern.exec(text)) !== null) {
      if (m.index > last) parts.push(document.createTextNode(text.slice(last, m.index)));
      const hit = document.createElement('mark');
      hit.textContent = m[0];
      parts.push(hit);
      last = m.index + m[0].length;
    }
    if (parts.length === 0) continue;
    if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
    node.replaceWith(...parts);
  }
}
