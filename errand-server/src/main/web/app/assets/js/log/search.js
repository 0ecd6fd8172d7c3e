// Search within the log: the matching lines of the whole store, kept current as lines arrive,
// highlighted in the view, stepped through with next and previous.
import { searchPattern } from './linestore.js';

export class LogSearch {
  /**
   * @param store the LineStore
   * @param view the LogView that highlights matches
   * @param countEl where "3 / 17" or "no match" is shown
   */
  constructor(store, view, countEl) {
    this.store = store;
    this.view = view;
    this.countEl = countEl;
    this.pattern = null;
    this.matches = new Int32Array(0);
    this.current = -1;
    this.searchedTo = 0;
  }

  get active() {
    return this.pattern !== null;
  }

  /** Searches every line held for query (empty: no search) and shows the first match. */
  run(query) {
    this.pattern = searchPattern(query);
    this.matches = this.pattern ? this.store.search(this.pattern) : new Int32Array(0);
    this.searchedTo = this.store.length;
    this.current = this.matches.length ? 0 : -1;
    this.view.setSearch(this.pattern, this.matches, this.current);
    if (this.current >= 0) this.view.reveal(this.matches[0]);
    this.show();
  }

  /** Searches the lines appended since the last call, so the count stays right while following. */
  appended() {
    if (!this.pattern || this.searchedTo >= this.store.length) return;
    const found = this.store.search(this.pattern, this.searchedTo);
    this.searchedTo = this.store.length;
    if (found.length === 0) return;
    const all = new Int32Array(this.matches.length + found.length);
    all.set(this.matches);
    all.set(found, this.matches.length);
    this.matches = all;
    if (this.current < 0) this.current = 0;
    this.view.setSearch(this.pattern, this.matches, this.current);
    this.show();
  }

  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  step(direction) {
    if (!this.matches.length) return;
    this.current = (this.current + direction + this.matches.length) % this.matches.length;
    this.view.setSearch(this.pattern, this.matches, this.current);
    this.view.reveal(this.matches[this.current]);
    this.show();
  }

  show() {
    this.countEl.textContent = !this.pattern ? '' : this.matches.length
      ? `${this.current + 1} / ${this.matches.length.toLocaleString('en-US')}` : 'no match';
  }
}
