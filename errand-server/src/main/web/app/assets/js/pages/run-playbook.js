// The run form's playbook fields. A browser cannot read the user's repository, so the user picks the
// playbook file (read here with FileReader) or pastes it; the server reads, checks and renders it
// with the CLI's own code (POST /api/v1/playbooks/render). The page shows the description, one input
// per param, what the playbook fixes (read-only) and every error at its line:column.
import { api } from '../api.js';
import { h, replace, banner, fmtDuration } from '../dom.js';

const RENDER = '/api/v1/playbooks/render';

/**
 * Splits a render error's message (one problem a line) into { where, line, column, text }; where,
 * line and column are null for a problem without a place, such as a missing param.
 */
export function problems(message) {
  return String(message).split('\n').filter((l) => l.trim()).map((l) => {
    const m = l.match(/^(.+?):(\d+):(\d+): (.*)$/);
    return m ? { where: `${m[1]}:${m[2]}:${m[3]}`, line: Number(m[2]), column: Number(m[3]), text: m[4] }
      : { where: null, line: null, column: null, text: l };
  });
}

/** @returns the offset of 1-based line:column in text, for putting the caret there */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** Builds the fields. Returns { el, request() }: request() resolves to the create-execution body, or null after showing why. */
export function playbookFields() {
  const file = h('input', { type: 'file', id: 'playbook-file', accept: '.yaml,.yml,application/yaml,text/yaml' });
  const text = h('textarea', { id: 'playbook-yaml', rows: 8, spellcheck: 'false', 'aria-label': 'The playbook',
    placeholder: 'description: run the tests\ncommands:\n  - make test' });
  const errors = h('div', { id: 'playbook-errors' });
  const about = h('div', { id: 'playbook-about' });
  const params = h('div', { id: 'playbook-params' });
  const fixed = h('div', { id: 'playbook-fixed' });
  let fileName = 'playbook.yaml';
  let view = null;
  let asked = 0;
  let timer = 0;

  file.addEventListener('change', () => {
    const f = file.files[0];
    if (!f) return;
    const reader = new FileReader();
    reader.onload = () => {
      fileName = f.name;
      text.value = reader.result;
      describe();
    };
    reader.onerror = () => showErrors(`${f.name} could not be read: ${reader.error && reader.error.message}`);
    reader.readAsText(f);
  });
  text.addEventListener('input', () => later(describe));
  params.addEventListener('input', () => later(preview));

  const el = h('div', { id: 'playbook-fields' },
    h('label', { for: 'playbook-file' }, 'Playbook file ',
      h('span', { class: 'hint', text: 'a .yaml or .yml file from your repository (./.errand/NAME.yaml); it is read in the page and sent only to this server' })),
    file,
    h('label', { for: 'playbook-yaml' }, 'or paste it ', h('span', { class: 'hint', text: 'checked as you type' })),
    text, errors, about, params, fixed);

  function later(fn) {
    clearTimeout(timer);
    timer = setTimeout(fn, 350);
  }

  // Asks the server; drops answers that a newer question has overtaken.
  async function ask(withParams) {
    const mine = ++asked;
    const body = { file_name: fileName, yaml: text.value };
    if (withParams) body.params = values();
    try {
      const answer = await api('POST', RENDER, body);
      return mine === asked ? answer : null;
    } catch (e) {
      if (mine === asked) showErrors(e.message, e.code);
      return null;
    }
  }

  async function describe() {
    clearTimeout(timer);
    view = null;
    if (!text.value.trim()) {
      [errors, about, params, fixed].forEach((part) => replace(part));
      return;
    }
    const answer = await ask(false);
    if (!answer) return;
    view = answer;
    replace(errors);
    replace(about, h('h2', { text: `Playbook ${answer.name}` }), answer.description ? h('p', { text: answer.description }) : null);
    showParams(answer.params);
    // rendered with the defaults already: ask again only when a field holds something else
    const given = values();
    if (answer.request && answer.params.every((p) => p.default != null && given[p.name] === p.default)) {
      showFixed(answer.request, true);
    } else {
      await preview();
    }
  }

  // Shows what will run: rendered once every required param has a value, else as written.
  async function preview() {
    if (!view) return;
    const given = values();
    const complete = view.params.every((p) => !p.required || p.default != null || given[p.name] !== undefined);
    const answer = complete && view.params.length ? await ask(true) : view;
    if (!answer) return;
    if (answer !== view) replace(errors);
    showFixed(answer.request || answer.template, Boolean(answer.request));
  }

  function showParams(list) {
    const kept = values();
    replace(params, list.length ? h('h3', { text: 'Params' }) : null, list.map((p) => [
      h('label', { for: 'param-' + p.name }, p.name,
        p.required ? h('span', { class: 'required', text: ' required' }) : null,
        p.description ? h('span', { class: 'hint', text: ' · ' + p.description }) : null),
      h('input', { id: 'param-' + p.name, class: 'param', dataset: { name: p.name, required: String(p.required) },
        value: kept[p.name] ?? p.default ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-required': String(p.required) }),
    ]));
  }

  // The values to send: every field, but an empty required one is left out (its default, or an error, applies).
  function values() {
    const out = {};
    for (const input of params.querySelectorAll('input.param')) {
      if (input.value === '' && input.dataset.required === 'true') continue;
      out[input.dataset.name] = input.value;
    }
    return out;
  }

  function showFixed(r, rendered) {
    const row = (label, value) => (value == null || value === '' ? null : h('div', {}, h('dt', { text: label }), h('dd', { text: value, title: value })));
    const git = r.git ? r.git.repo + (r.git.ref ? ' @ ' + r.git.ref : '') + (r.git.path ? ' in ' + r.git.path : '')
      + (r.git.token_secret ? ' (token: ' + r.git.token_secret + ')' : '') : null;
    replace(fixed, h('h3', {}, 'What will run ', h('span', { class: 'hint',
      text: rendered ? 'fixed by the playbook, with your params' : 'as the playbook writes it: {{params}} are filled in when it runs' })),
    h('pre', { class: 'exec-command', id: 'playbook-command', text: r.command }),
    h('dl', { class: 'meta' },
      row('Image', r.image || 'the default image'),
      row('Timeout', r.timeout_seconds ? fmtDuration(r.timeout_seconds * 1000) : "the image's"),
      row('Network', r.network == null ? "the image's" : r.network ? 'on' : 'off'),
      row('Lock', r.lock ? r.lock + (r.lock_mode === 'fail' ? ' (fail if held)' : ' (queue)') : null),
      row('Secrets', r.secrets ? r.secrets.join(', ') : null),
      row('Git', git),
      Object.entries(r.env || {}).map(([k, v]) => row('Env ' + k, v))));
  }

  function showErrors(message, code) {
    const list = problems(message);
    replace(errors, banner('error',
      h('div', {}, list.length > 1 ? `The playbook has ${list.length} problems:` : 'The playbook cannot run:',
        code ? h('span', { class: 'code', text: code }) : null),
      h('ul', { class: 'problems' }, list.map((p) => h('li', {},
        p.where ? h('button', { type: 'button', class: 'where', title: 'Show it in the playbook',
          onclick: () => select(p), text: p.where }) : null,
        p.where ? ' ' : null, p.text)))));
  }

  function select(p) {
    const at = offsetOf(text.value, p.line, p.column);
    text.focus();
    const end = text.value.indexOf('\n', at);
    text.setSelectionRange(at, end < 0 ? text.value.length : end);
  }

  async function request() {
    if (!text.value.trim()) {
      showErrors('Choose a playbook file, or paste one.');
      return null;
    }
    clearTimeout(timer);
    const answer = await ask(true);
    return answer ? answer.request : null;
  }

  return { el, request };
}
