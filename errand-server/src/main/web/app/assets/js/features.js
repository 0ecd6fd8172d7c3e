// The resource pages beside executions: images, secrets, locks, users, keys, audit. Each is
// shown only when the role may use it (the session's access map, from the server's policy) and
// its route answers (a 404 means this server does not have it). Each declares its table, the
// form that creates one (if any) and the actions on a row; pages/resource.js renders them.
import { api, offers } from './api.js';
import { h, banner, fmtTime } from './dom.js';
import { can, mayOn, session } from './session.js';

const enc = encodeURIComponent;

export const FEATURES = [
  {
    id: 'images', path: '/images', title: 'Images', api: '/api/v1/images', action: 'image.read',
    about: 'Where runs execute: the host, or root filesystems built from Debian packages.',
    columns: ['name', 'is_default', 'driver', 'source', 'network', 'build_state', 'roles', 'created_at'],
    empty: 'No images are registered.',
    rowActions: [
      { label: 'Make default', action: 'image.manage', when: (i) => !i.is_default,
        run: (i) => api('POST', `/api/v1/images/${enc(i.name)}/default`) },
    ],
  },
  {
    id: 'secrets', path: '/secrets', title: 'Secrets', api: '/api/v1/secrets', action: 'secret.list',
    about: 'Names and metadata only: values are stored encrypted, injected into runs as environment variables, masked in logs, and never shown here.',
    columns: ['name', 'env_name', 'description', 'roles', 'created_by', 'created_at', 'updated_at'], hide: ['value'],
    empty: 'No secrets.',
    create: {
      action: 'secret.create', title: 'New secret',
      fields: [
        { name: 'name', label: 'Name', placeholder: 'deploy-token' },
        { name: 'env_name', label: 'Environment variable', placeholder: 'DEPLOY_TOKEN' },
        { name: 'value', label: 'Value', type: 'password' },
        { name: 'description', label: 'Description', optional: true },
      ],
      submit: (v) => api('POST', '/api/v1/secrets', v),
      done: (s) => banner('info', `Secret ${s.name} created; runs get it as $${s.env_name}.`),
    },
    rowActions: [
      { label: 'Delete', action: 'secret.delete', confirm: true, run: (s) => api('DELETE', `/api/v1/secrets/${enc(s.name)}`) },
    ],
  },
  {
    id: 'locks', path: '/locks', title: 'Locks', api: '/api/v1/locks', action: 'lock.list',
    about: 'Locks held by running executions, and how many runs wait for each.',
    columns: ['name', 'execution_id', 'user', 'acquired_at', 'waiting'],
    empty: 'No lock is held.',
    rowActions: [
      { label: 'Release', action: 'lock.release', confirm: true, run: (l) => api('DELETE', `/api/v1/locks/${enc(l.name)}`) },
    ],
  },
  {
    id: 'users', path: '/users', title: 'Users', api: '/api/v1/users', action: 'user.list',
    about: 'Everyone who can use this server. New users get a one-time claim token for their first key.',
    columns: ['email', 'role', 'status', 'keys', 'created_at', 'created_by', 'last_used_at'],
    empty: 'No users.',
    cells: { role: roleCell },
    create: {
      action: 'user.create', title: 'Invite a user',
      fields: [
        { name: 'email', label: 'Email', type: 'email', placeholder: 'alice@example.com' },
        { name: 'role', label: 'Role', options: ['developer', 'viewer', 'operator', 'admin'] },
      ],
      submit: (v) => api('POST', '/api/v1/users', v),
      done: claimTokenNote,
    },
    rowActions: [
      { label: 'New claim token', action: 'user.reissue', when: (u) => u.status !== 'revoked' && u.email !== session.user,
        run: (u) => api('POST', `/api/v1/users/${u.id}/claim-tokens`), done: claimTokenNote },
      { label: 'Revoke', action: 'user.revoke', confirm: true, when: (u) => u.status !== 'revoked' && u.email !== session.user,
        run: (u) => api('POST', `/api/v1/users/${u.id}/revoke`) },
    ],
  },
  {
    id: 'keys', path: '/keys', title: 'API keys', api: '/api/v1/keys', action: 'key.list',
    about: 'API keys are shown once, when made; the server keeps only their hashes.',
    columns: ['name', 'id', 'user', 'status', 'created_at', 'expires_at', 'last_used_at'],
    empty: 'No API keys.',
    cells: { name: (k) => (k.id === session.keyId ? [k.name, ' ', h('span', { class: 'role', text: 'this browser' })] : k.name) },
    create: {
      action: 'key.create', title: 'New API key',
      fields: [
        { name: 'name', label: 'Name', placeholder: 'laptop' },
        { name: 'expires_in_days', label: 'Expires in days', type: 'number', optional: true, placeholder: 'never' },
      ],
      submit: (v) => api('POST', '/api/v1/keys', {
        name: v.name, expires_in_seconds: v.expires_in_days ? Math.round(Number(v.expires_in_days) * 86400) : undefined,
      }),
      done: (made) => onceNote(`The new key "${made.key.name}"`, made.api_key,
        'Copy it now: it is not shown again. For the CLI: errand configure --api-key-stdin.'),
    },
    rowActions: [
      { label: 'Revoke', action: 'key.revoke', confirm: true,
        when: (k) => k.status === 'active' && mayOn('key.revoke', k.user),
        run: (k) => api('POST', `/api/v1/keys/${k.id}/revoke`) },
    ],
  },
  {
    id: 'audit', path: '/audit', title: 'Audit log', api: '/api/v1/audit', query: '?limit=200', action: 'audit.read',
    about: 'Every change and every refusal, newest first, on an append-only hash chain.',
    columns: ['seq', 'at', 'user', 'action', 'target', 'outcome', 'status', 'request_id', 'source'],
    empty: 'The audit log is empty.',
    tools: [
      { label: 'Verify the chain', id: 'verify-chain', run: async () => {
        const v = await api('GET', '/api/v1/audit/verify');
        return v.intact
          ? banner('info', `The chain is intact: ${v.entries.toLocaleString('en-US')} entries up to #${v.head_seq}.`)
          : banner('error', `The chain is broken at entry ${v.broken.seq}: ${v.broken.reason}`);
      } },
    ],
  },
];

/** Feature id → true/false once probed for the current session. */
export const available = {};

/** Probes the features the role may use; a route that does not answer hides its page. */
export async function probeFeatures() {
  for (const key of Object.keys(available)) delete available[key];
  await Promise.all(FEATURES.map(async (f) => {
    try {
      available[f.id] = can(f.action) && await offers(f.api + (f.query || ''));
    } catch {
      available[f.id] = false;
    }
  }));
}

// A claim token, shown once, with the link and the CLI command that redeem it.
function claimTokenNote(answer) {
  const link = `${location.origin}/claim?token=${enc(answer.claim_token)}`;
  return onceNote(`A claim token for ${answer.user.email} (valid until ${fmtTime(answer.expires_at)})`, answer.claim_token,
    ['Send them this link: ', h('a', { href: link, text: link }), ', or the CLI command: ',
      h('code', { text: `errand claim ${answer.claim_token} --endpoint ${location.origin}` })]);
}

function onceNote(what, secret, hint) {
  return banner('warn', h('div', {}, what, ', shown this once:'),
    h('p', { class: 'secret-once', id: 'shown-once', text: secret }),
    h('div', { class: 'hint' }, hint));
}

// The role column of the users table: a select for admins, which changes the role at once.
function roleCell(user, refresh, notes) {
  if (!can('user.set_role') || user.status === 'revoked' || user.email === session.user) return user.role;
  const select = h('select', { 'aria-label': `Role of ${user.email}`, class: 'role-select' },
    ['admin', 'operator', 'developer', 'viewer'].map((r) => h('option', { value: r, selected: r === user.role, text: r })));
  select.addEventListener('change', async () => {
    try {
      await api('PUT', `/api/v1/users/${user.id}/role`, { role: select.value });
      notes.replaceChildren(banner('info', `${user.email} is now ${select.value}.`));
    } catch (e) {
      notes.replaceChildren(banner('error', 'The role was not changed: ' + e.message));
    }
    refresh();
  });
  return select;
}
