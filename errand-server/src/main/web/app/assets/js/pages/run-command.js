// The run form's command fields: command, image, environment, timeout, network, git source; secrets
// and lock appear when the server offers them. pages/run.js shows them and sends what they say.
import { api } from '../api.js';
import { h, errorBanner } from '../dom.js';
import { available } from '../features.js';

/** Parses 90, 90s, 10m, 1h30m into seconds; null when empty; NaN when unreadable. */
export function parseTimeout(text) {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (/^\d+$/.test(t)) return Number(t);
  const m = t.match(/^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/);
  if (!m || (!m[1] && !m[2] && !m[3])) return NaN;
  return (Number(m[1] || 0) * 3600) + (Number(m[2] || 0) * 60) + Number(m[3] || 0);
}

/**
 * Builds the fields. Returns { el, command (the textarea), request() }: request() answers
 * { body, problems }, the create-execution body and the sentences that say what is wrong with it.
 */
export async function commandFields() {
  const command = h('textarea', { id: 'command', rows: 4, spellcheck: 'false', placeholder: 'make test' });
  const image = await imageField();
  const envRows = h('div', { id: 'env-rows' });
  const timeout = h('input', { id: 'timeout', placeholder: 'server default (1h)', autocomplete: 'off' });
  const network = h('input', { type: 'checkbox', id: 'network', checked: true });
  const secrets = available.secrets ? await secretsField() : null;
  const lock = available.locks ? h('input', { id: 'lock', placeholder: 'none', autocomplete: 'off' }) : null;
  const lockMode = available.locks ? h('select', { id: 'lock-mode' },
    h('option', { value: 'queue', text: 'wait in the queue while it is held' }),
    h('option', { value: 'fail', text: 'fail at once if it is held' })) : null;
  const git = { repo: gitInput('git-repo', 'https://github.com/example/project.git'), ref: gitInput('git-ref', 'default branch'),
    path: gitInput('git-path', 'the work directory') };

  addEnvRow();
  const el = h('div', { id: 'command-fields' },
    h('label', { for: 'command' }, 'Command ', h('span', { class: 'hint', text: 'run with /bin/sh -c in a fresh sandbox' })),
    command,
    h('label', { for: 'image' }, 'Image'), image.el,
    h('label', {}, 'Environment ', h('span', { class: 'hint', text: 'names like CI or NODE_ENV; not ERRAND_…' })),
    envRows,
    h('button', { type: 'button', class: 'small', onclick: () => addEnvRow(), text: 'Add variable' }),
    secrets ? [h('label', { for: 'secrets' }, 'Secrets ', h('span', { class: 'hint', text: 'injected as environment variables, masked in the log' })), secrets.el] : null,
    lock ? [h('label', { for: 'lock' }, 'Lock ', h('span', { class: 'hint', text: 'one execution holding a lock runs at a time' })),
      h('div', { class: 'row' }, lock, lockMode)] : null,
    h('label', { for: 'timeout' }, 'Timeout ', h('span', { class: 'hint', text: 'seconds, or 10m, 1h30m' })), timeout,
    h('label', { class: 'check' }, network, 'Network access'),
    h('details', { class: 'run-more' }, h('summary', { text: 'Git source' }),
      h('p', { class: 'hint', text: 'A repository cloned (shallow) into the work directory before the command starts.' }),
      h('label', { for: 'git-repo' }, 'Repository'), git.repo,
      h('label', { for: 'git-ref' }, 'Branch, tag or commit'), git.ref,
      h('label', { for: 'git-path' }, 'Clone into'), git.path));

  function addEnvRow(name = '', value = '') {
    const row = h('div', { class: 'row env-row' },
      h('input', { class: 'env-name', placeholder: 'NAME', value: name, autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Variable name' }),
      h('input', { class: 'env-value', placeholder: 'value', value, autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Variable value' }),
      h('button', { type: 'button', class: 'small', 'aria-label': 'Remove variable', onclick: () => row.remove(), text: '✕' }));
    envRows.append(row);
  }

  function request() {
    const body = { command: command.value };
    const problems = [];
    if (!command.value.trim()) problems.push('Enter a command.');
    if (image.value()) body.image = image.value();
    const env = {};
    for (const row of envRows.querySelectorAll('.env-row')) {
      const name = row.querySelector('.env-name').value.trim();
      const value = row.querySelector('.env-value').value;
      if (!name && !value) continue;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`"${name}" is not a valid variable name.`);
      env[name] = value;
    }
    if (Object.keys(env).length) body.env = env;
    const seconds = parseTimeout(timeout.value);
    if (Number.isNaN(seconds)) problems.push('The timeout must be seconds (600) or a duration (10m, 1h30m).');
    else if (seconds != null) body.timeout_seconds = seconds;
    if (!network.checked) body.network = false;
    if (git.repo.value.trim()) {
      body.git = { repo: git.repo.value.trim() };
      if (git.ref.value.trim()) body.git.ref = git.ref.value.trim();
      if (git.path.value.trim()) body.git.path = git.path.value.trim();
    } else if (git.ref.value.trim() || git.path.value.trim()) {
      problems.push('A git branch or path needs a repository.');
    }
    if (secrets && secrets.value().length) body.secrets = secrets.value();
    if (lock && lock.value.trim()) {
      body.lock = lock.value.trim();
      body.lock_mode = lockMode.value;
    }
    return { body, problems };
  }

  return { el, command, request };
}

function gitInput(id, placeholder) {
  return h('input', { id, placeholder, autocomplete: 'off', spellcheck: 'false' });
}

// A select of registered images when the server lists them, else a free text field.
async function imageField() {
  if (available.images) {
    try {
      const page = await api('GET', '/api/v1/images');
      const select = h('select', { id: 'image' }, h('option', { value: '', text: 'default image' }),
        page.items.map((i) => h('option', { value: i.name, text: i.name + (i.is_default ? ' (default)' : '') })));
      return { el: select, value: () => select.value };
    } catch {
      // fall through to the text field
    }
  }
  const input = h('input', { id: 'image', placeholder: 'default image (host)', autocomplete: 'off' });
  return { el: input, value: () => input.value.trim() };
}

async function secretsField() {
  try {
    const page = await api('GET', '/api/v1/secrets');
    if (!page.items.length) return { el: h('p', { class: 'hint', id: 'secrets', text: 'No secrets yet.' }), value: () => [] };
    const select = h('select', { id: 'secrets', multiple: true, size: Math.min(6, Math.max(2, page.items.length)) },
      page.items.map((s) => h('option', { value: s.name, text: s.name + (s.env_name ? ' → $' + s.env_name : '') })));
    return { el: select, value: () => [...select.selectedOptions].map((o) => o.value) };
  } catch (e) {
    return { el: errorBanner(e, 'Secrets could not be listed: '), value: () => [] };
  }
}
