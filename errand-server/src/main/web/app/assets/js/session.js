// Who is signed in. The session lives in an HttpOnly cookie the page cannot read; the page keeps
// only the user, the role, what the role may do and the CSRF token, in memory. The API key is
// never stored here.
import { api, setCsrfToken } from './api.js';

export const session = { user: null, keyId: null, role: null, idleTimeoutSeconds: null, access: {} };

function adopt(view) {
  session.user = view ? view.user : null;
  session.keyId = view ? view.key_id : null;
  session.role = view ? view.role : null;
  session.idleTimeoutSeconds = view ? view.idle_timeout_seconds : null;
  session.access = (view && view.access) || {};
  setCsrfToken(view ? view.csrf_token : null);
  return view;
}

/** Loads the current session; null when signed out. */
export async function loadSession() {
  try {
    return adopt(await api('GET', '/api/v1/session', undefined, { quiet401: true }));
  } catch (e) {
    if (e.status === 401) return adopt(null);
    throw e;
  }
}

/** Exchanges an API key for the session cookie. Throws ApiError (invalid_api_key, ...). */
export async function signIn(key) {
  return adopt(await api('POST', '/api/v1/session', undefined, { key: key.trim() }));
}

/** Ends the session on the server (the cookie is cleared by the answer). */
export async function signOut() {
  try {
    await api('DELETE', '/api/v1/session', undefined, { quiet401: true });
  } finally {
    adopt(null);
  }
}

export function forget() {
  adopt(null);
}

/**
 * How far the role's right to an action reaches, as the server's access policy says:
 * 'all', 'own' (the user's own resources) or null (not at all). The server still decides.
 */
export function scope(action) {
  return session.access[action] || null;
}

export function can(action) {
  return scope(action) !== null;
}

/** True when the role may do `action` to a resource of `owner` (an email). */
export function mayOn(action, owner) {
  const s = scope(action);
  return s === 'all' || (s === 'own' && owner === session.user);
}

export const may = {
  run: () => can('execution.create'),
  kill: (execution) => mayOn('execution.kill', execution.user),
};
