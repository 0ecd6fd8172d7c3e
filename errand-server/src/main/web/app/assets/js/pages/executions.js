// Executions list: filters kept in the address (shareable), live status by polling.
import { api } from '../api.js';
import { h, replace, errorBanner, badge, fmtTime, fmtDuration, runTime } from '../dom.js';
import { session, may } from '../session.js';

const POLL_MS = 3000;
const PAGE = 50;
const STATUS_FILTERS = [
  ['', 'All statuses'],
  ['QUEUED,STARTING,RUNNING', 'Active'],
  ['SUCCEEDED', 'Succeeded'],
  ['FAILED,TIMED_OUT,LOST', 'Failed, timed out or lost'],
  ['STOPPED', 'Stopped'],
];

export async function render(main, { query }) {
  const state = {
    status: query.get('status') || '',
    text: query.get('q') || '',
    mine: query.get('mine') === '1',
    limit: PAGE,
    items: [],
    more: false,
  };
  const errors = h('div');
  const statusSelect = h('select', { id: 'status-filter', 'aria-label': 'Status', onchange: () => { state.status = statusSelect.value; update(true); } },
    STATUS_FILTERS.map(([value, label]) => h('option', { value, selected: value === state.status, text: label })));
  const textFilter = h('input', { type: 'search', id: 'text-filter', placeholder: 'Filter by command, id, user or image', value: state.text,
    oninput: () => { state.text = textFilter.value; remember(); draw(); } });
  const mine = h('input', { type: 'checkbox', id: 'mine', checked: state.mine, onchange: () => { state.mine = mine.checked; remember(); draw(); } });
  const tbody = h('tbody');
  const moreButton = h('button', { hidden: true, onclick: () => { state.limit = Math.min(1000, state.limit + PAGE); update(); }, text: 'Load more' });
  const updated = h('span', { class: 'muted hint' });
  replace(main,
    h('div', { class: 'exec-head' }, h('h1', { text: 'Executions' }), h('span', { class: 'spacer' }),
      may.run() ? h('a', { class: 'button primary', href: '/run', text: 'Run a command' }) : null),
    errors,
    h('div', { class: 'filters' }, statusSelect, textFilter, h('label', { class: 'check' }, mine, 'Only mine'), updated),
    h('div', { class: 'table-wrap cards' }, h('table', { id: 'executions' },
      h('thead', {}, h('tr', {}, ['Status', 'Execution', 'Command', 'User', 'Image', 'Created', 'Duration', 'Exit'].map((t) => h('th', { text: t })))),
      tbody)),
    h('div', { class: 'actions' }, moreButton));

  let timer = null;
  let stopped = false;
  await update();
  const onVisible = () => { if (!document.hidden) update(); };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };

  function remember() {
    const q = new URLSearchParams();
    if (state.status) q.set('status', state.status);
    if (state.text) q.set('q', state.text);
    if (state.mine) q.set('mine', '1');
    const path = '/executions' + (q.toString() ? '?' + q : '');
    if (path !== location.pathname + location.search) history.replaceState(null, '', path);
  }

  async function update(reset = false) {
    clearTimeout(timer);
    if (reset) state.limit = PAGE;
    remember();
    try {
      const q = new URLSearchParams({ limit: String(state.limit) });
      if (state.status) q.set('status', state.status);
      const page = await api('GET', '/api/v1/executions?' + q);
      if (stopped) return;
      state.items = page.items;
      state.more = Boolean(page.next_cursor) && state.limit < 1000;
      replace(errors);
      updated.textContent = 'Updated ' + new Date().toLocaleTimeString();
      draw();
    } catch (e) {
      if (stopped) return;
      replace(errors, errorBanner(e, 'Could not load executions: '));
    }
    if (!stopped && !document.hidden) timer = setTimeout(update, POLL_MS);
  }

  function draw() {
    const needle = state.text.trim().toLowerCase();
    const rows = state.items.filter((e) => (!state.mine || e.user === session.user)
      && (!needle || [e.id, e.command, e.user, e.image].some((v) => v && v.toLowerCase().includes(needle))));
    moreButton.hidden = !state.more;
    if (rows.length === 0) {
      replace(tbody, h('tr', {}, h('td', { colspan: 8, class: 'empty' },
        state.items.length === 0 && !state.status ? 'No executions yet.' : 'No execution matches these filters.')));
      return;
    }
    replace(tbody, rows.map((e) => h('tr', { dataset: { id: e.id } },
      h('td', { 'data-label': 'Status' }, badge(e.status, e)),
      h('td', { class: 'nowrap mono' }, h('a', { href: '/executions/' + e.id, text: e.id })),
      h('td', { class: 'command', title: e.command, text: e.command }),
      h('td', { 'data-label': 'User', text: e.user }),
      h('td', { 'data-label': 'Image', text: e.image }),
      h('td', { class: 'nowrap', 'data-label': 'Created', text: fmtTime(e.created_at) }),
      h('td', { class: 'nowrap', 'data-label': 'Duration', text: fmtDuration(runTime(e)) }),
      h('td', { 'data-label': 'Exit', class: e.exit_code ? 'exit-bad' : null, text: e.exit_code ?? '' }))));
  }
}
