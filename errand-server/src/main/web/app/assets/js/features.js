// Pages for APIs that may not exist on this server yet. Each is shown only when its route
// answers for this user (a 404 means the server does not have it yet, a 403 that the role may
// not use it) and the role may use it at all.
import { offers } from './api.js';
import { atLeast } from './session.js';

export const FEATURES = [
  { id: 'images', path: '/images', title: 'Images', api: '/api/v1/images', minRole: 'viewer',
    columns: ['name', 'driver', 'source', 'default', 'description', 'created_at'],
    empty: 'No images are registered.', about: 'Images that runs can use.' },
  { id: 'secrets', path: '/secrets', title: 'Secrets', api: '/api/v1/secrets', minRole: 'developer',
    columns: ['name', 'env_name', 'description', 'roles', 'created_by', 'created_at', 'updated_at'], hide: ['value'],
    empty: 'No secrets.', about: 'Names and metadata only: values are never shown here.' },
  { id: 'locks', path: '/locks', title: 'Locks', api: '/api/v1/locks', minRole: 'developer',
    columns: ['name', 'execution_id', 'user', 'acquired_at', 'waiting'],
    empty: 'No lock is held.', about: 'Locks held by running executions, and how many wait for each.' },
  { id: 'users', path: '/users', title: 'Users', api: '/api/v1/users', minRole: 'admin',
    columns: ['email', 'role', 'status', 'keys', 'created_at', 'created_by', 'last_used_at'],
    empty: 'No users.', about: 'Everyone who can use this server.' },
  { id: 'keys', path: '/keys', title: 'API keys', api: '/api/v1/keys', minRole: 'viewer',
    columns: ['name', 'id', 'user', 'status', 'created_at', 'expires_at', 'last_used_at'],
    empty: 'No API keys.', about: 'API keys: shown once when created, stored only as hashes.' },
  { id: 'audit', path: '/audit', title: 'Audit log', api: '/api/v1/audit', minRole: 'admin',
    columns: ['seq', 'at', 'user', 'action', 'target', 'outcome', 'status', 'request_id', 'source'],
    empty: 'The audit log is empty.', about: 'Every state change and every denial, hash-chained.' },
];

/** Feature id → true/false once probed for the current session. */
export const available = {};

/** Probes every feature the role could use; a failed probe hides the page. */
export async function probeFeatures() {
  for (const key of Object.keys(available)) delete available[key];
  await Promise.all(FEATURES.map(async (f) => {
    if (!atLeast(f.minRole)) {
      available[f.id] = false;
      return;
    }
    try {
      available[f.id] = await offers(f.api + '?limit=1');
    } catch {
      available[f.id] = false;
    }
  }));
}

export function feature(id) {
  return FEATURES.find((f) => f.id === id);
}
