// Pages for the APIs that other parts of Errand add (images, secrets, locks, users, keys, audit):
// a table of what GET <api> lists. A page whose route this server does not answer says so.
import { api } from '../api.js';
import { h, replace, errorBanner, banner, fmtTime } from '../dom.js';
import { available } from '../features.js';

export async function render(main, ctx, feature) {
  replace(main, h('h1', { text: feature.title }), h('p', { class: 'muted', text: feature.about }));
  if (!available[feature.id]) {
    main.append(banner('info', `This server does not offer ${feature.title.toLowerCase()} to your role yet (`,
      h('code', { text: 'GET ' + feature.api }), ' is not available).'));
    return;
  }
  const body = h('div', { text: 'Loading…', class: 'muted' });
  main.append(body);
  try {
    const page = await api('GET', feature.api);
    const items = Array.isArray(page) ? page : (page.items || []);
    replace(body, items.length ? table(items, feature) : h('p', { class: 'empty', text: feature.empty }));
  } catch (e) {
    replace(body, errorBanner(e, `Could not load ${feature.title.toLowerCase()}: `));
  }
}

function table(items, feature) {
  const keys = new Set(items.flatMap((i) => Object.keys(i)));
  const columns = feature.columns.filter((c) => keys.has(c));
  for (const k of keys) if (!columns.includes(k) && !(feature.hide || []).includes(k) && columns.length < 8) columns.push(k);
  return h('div', { class: 'table-wrap cards' }, h('table', { id: feature.id + '-table' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: c.replaceAll('_', ' ') })))),
    h('tbody', {}, items.map((item) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.replaceAll('_', ' ') }, cell(c, item[c]))))))));
}

function cell(column, value) {
  if (value == null) return '';
  if (column === 'execution_id') return h('a', { href: '/executions/' + value, text: value });
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : '';
  if (typeof value === 'object') return JSON.stringify(value);
  if (/_at$|^at$/.test(column)) return fmtTime(value);
  return String(value);
}
