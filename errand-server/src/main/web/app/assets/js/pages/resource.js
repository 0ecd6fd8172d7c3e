// A resource page (see features.js): the table of what GET <api> lists, the form that creates
// one, tools, and the actions on each row, each shown only when the role may use it.
import { api } from '../api.js';
import { h, replace, errorBanner, banner, fmtTime, confirmButton } from '../dom.js';
import { available } from '../features.js';
import { can } from '../session.js';

export async function render(main, ctx, feature) {
  replace(main, h('div', { class: 'exec-head' }, h('h1', { text: feature.title })), h('p', { class: 'muted', text: feature.about }));
  if (!available[feature.id]) {
    main.append(banner('info', `This server does not offer ${feature.title.toLowerCase()} to your role (`,
      h('code', { text: 'GET ' + feature.api }), ' is not available).'));
    return;
  }
  const notes = h('div', { id: 'notes', 'aria-live': 'polite' });
  const body = h('div', { text: 'Loading…', class: 'muted' });
  const head = main.querySelector('.exec-head');
  head.append(h('span', { class: 'spacer' }));
  for (const tool of feature.tools || []) {
    head.append(h('button', { id: tool.id, onclick: () => act(() => tool.run()), text: tool.label }));
  }
  const form = feature.create && can(feature.create.action) ? createForm(feature.create, notes, refresh) : null;
  if (form) head.append(h('button', { class: 'primary', id: 'create', onclick: () => { form.hidden = !form.hidden; }, text: feature.create.title }));
  main.append(notes, form || '', body);
  await refresh();

  async function refresh() {
    try {
      const page = await api('GET', feature.api + (feature.query || ''));
      const items = Array.isArray(page) ? page : (page.items || []);
      replace(body, items.length ? table(items, feature, refresh, notes) : h('p', { class: 'empty', text: feature.empty }));
    } catch (e) {
      replace(body, errorBanner(e, `Could not load ${feature.title.toLowerCase()}: `));
    }
  }

  async function act(run) {
    try {
      const shown = await run();
      replace(notes, shown || '');
    } catch (e) {
      replace(notes, errorBanner(e));
    }
  }
}

function createForm(create, notes, refresh) {
  const inputs = {};
  const submit = h('button', { class: 'primary', type: 'submit', text: 'Create' });
  const form = h('form', { class: 'card form', id: 'create-form', hidden: true, onsubmit: onSubmit },
    h('h2', { text: create.title }),
    create.fields.map((f) => {
      const input = f.options
        ? h('select', { name: f.name, id: 'field-' + f.name }, f.options.map((o) => h('option', { value: o, text: o })))
        : h('input', { name: f.name, id: 'field-' + f.name, type: f.type || 'text', placeholder: f.placeholder, autocomplete: 'off' });
      inputs[f.name] = input;
      return [h('label', { for: 'field-' + f.name }, f.label, f.optional ? h('span', { class: 'hint', text: ' (optional)' }) : null), input];
    }),
    h('div', { class: 'actions' }, submit));

  async function onSubmit(event) {
    event.preventDefault();
    const values = {};
    for (const f of create.fields) {
      const v = inputs[f.name].value.trim();
      if (v) values[f.name] = v;
      else if (!f.optional) {
        replace(notes, banner('error', `${f.label} is needed.`));
        return;
      }
    }
    submit.disabled = true;
    try {
      const answer = await create.submit(values);
      replace(notes, create.done ? create.done(answer) : banner('info', 'Created.'));
      form.reset();
      form.hidden = true;
      await refresh();
    } catch (e) {
      replace(notes, errorBanner(e, 'Refused: '));
    } finally {
      submit.disabled = false;
    }
  }
  return form;
}

function table(items, feature, refresh, notes) {
  const keys = new Set(items.flatMap((i) => Object.keys(i)));
  const columns = feature.columns.filter((c) => keys.has(c));
  const actions = (feature.rowActions || []).filter((a) => can(a.action));
  return h('div', { class: 'table-wrap cards' }, h('table', { id: feature.id + '-table' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: label(c) })), actions.length ? h('th', { text: '' }) : null)),
    h('tbody', {}, items.map((item) => h('tr', { dataset: { key: item.id || item.name || item.seq } },
      columns.map((c) => h('td', { 'data-label': label(c), class: /_at$|^at$/.test(c) ? 'nowrap' : null },
        feature.cells && feature.cells[c] ? feature.cells[c](item, refresh, notes) : cell(c, item[c]))),
      actions.length ? h('td', { class: 'nowrap row-actions' }, actions.filter((a) => !a.when || a.when(item))
        .map((a) => rowButton(a, item, refresh, notes))) : null)))));
}

function rowButton(action, item, refresh, notes) {
  const run = async () => {
    try {
      const answer = await action.run(item);
      replace(notes, action.done ? action.done(answer) : banner('info', `${action.label}: done.`));
    } catch (e) {
      replace(notes, errorBanner(e, `${action.label} failed: `));
    }
    await refresh();
  };
  return action.confirm ? confirmButton(action.label, run) : h('button', { class: 'small', onclick: run, text: action.label });
}

function label(column) {
  return column === 'is_default' ? 'default' : column.replaceAll('_', ' ');
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
