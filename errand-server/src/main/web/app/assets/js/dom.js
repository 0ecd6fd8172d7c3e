// Small DOM and formatting helpers shared by the pages.

/**
 * Creates an element. props: class, text, html-free attributes, dataset, and on<Event> handlers.
 * Children may be nodes, strings, numbers, arrays, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Removes every child of el and appends the given children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A banner that shows an error (an ApiError or any Error) plainly in the page. */
export function errorBanner(error, prefix = '') {
  const code = error && error.code && error.code !== 'network' ? error.code : null;
  return h('div', { class: 'banner error', role: 'alert' },
    prefix, error && error.message ? error.message : String(error),
    code ? h('span', { class: 'code', text: code + (error.requestId ? ' · ' + error.requestId : '') }) : null);
}

export function banner(kind, ...children) {
  return h('div', { class: 'banner ' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/** A status badge; a queued execution's carries its place in the queue (QUEUED #2), as `errand list` shows it. */
export function badge(status, execution = null) {
  const queue = execution ? queueText(execution) : null;
  return h('span', { class: 'badge ' + status, title: queue, text: queue ? `${status} #${execution.queue_position}` : status });
}

/** Where a queued execution waits, in the CLI's words ('position 2 in the queue for lock deploy'); null when it does not. */
export function queueText(e) {
  if (e.status !== 'QUEUED' || e.queue_position == null) return null;
  return `position ${e.queue_position} in the queue` + (e.lock ? ` for lock ${e.lock}` : '');
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A local date and time: 2026-11-22 14:03:07. */
export function fmtTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A local time of day with milliseconds, for log lines: 14:03:07.123. */
export function fmtClock(ms) {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A duration: 850 ms, 12.3 s, 4m 05s, 2h 01m. */
export function fmtDuration(ms) {
  if (ms == null || Number.isNaN(ms)) return '–';
  if (ms < 0) ms = 0;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
}

/** How long an execution ran (or has been running): finished (or now) minus started. */
export function runTime(execution, now = Date.now()) {
  if (!execution.started_at) return null;
  const end = execution.finished_at ? Date.parse(execution.finished_at) : now;
  return end - Date.parse(execution.started_at);
}

export const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'STOPPED', 'TIMED_OUT', 'LOST']);
export const STATUSES = ['QUEUED', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED', 'TIMED_OUT', 'LOST'];

/** A button that asks for a second click within 4 s before it runs (destructive row actions). */
export function confirmButton(label, run) {
  let timer = 0;
  const button = h('button', { class: 'small danger', text: label });
  button.addEventListener('click', async () => {
    if (!button.classList.contains('confirm')) {
      button.classList.add('confirm');
      button.textContent = `Confirm ${label.toLowerCase()}`;
      timer = setTimeout(() => { button.classList.remove('confirm'); button.textContent = label; }, 4000);
      return;
    }
    clearTimeout(timer);
    button.disabled = true;
    try {
      await run();
    } finally {
      button.disabled = false;
      button.classList.remove('confirm');
      button.textContent = label;
    }
  });
  return button;
}
