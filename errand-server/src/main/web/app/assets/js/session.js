// Who is signed in. The session lives in an HttpOnly cookie the page cannot read; the page keeps
// only the user, the role and the CSRF token, in memory. The API key is never stored here.
import { api, setCsrfToken } from './api.js';

export const session = { user: null, role: null, idleTimeoutSeconds: null };

function adopt(view) {
  session.user = view ? view.user : null;
  session.role = view ? view.role : null;
  session.idleTimeoutSeconds = view ? view.idle_timeout_seconds : null;
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

const RANK = { admin: 4, operator: 3, developer: 2, viewer: 1 };

/** True when the signed-in role is at least `role`. */
export function atLeast(role) {
  return (RANK[session.role] || 0) >= RANK[role];
}

/** What the role may do, mirroring the server's rules (the server still decides). */
export const may = {
  run: () => atLeast('developer'),
  kill: (execution) => atLeast('operator') || (session.role === 'developer' && execution.user === session.user),
};
