// The one way the pages talk to the server: same-origin fetch with the session cookie, the CSRF
// token on state-changing requests, and errors turned into ApiError with the server's code.

export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

const SAFE = new Set(['GET', 'HEAD']);
let csrfToken = null;
const signedOutListeners = [];

export function setCsrfToken(token) {
  csrfToken = token;
}

/** fn(error) runs when a request made with the session answers 401: the session has ended. */
export function onSignedOut(fn) {
  signedOutListeners.push(fn);
}

/**
 * Calls the API and returns the parsed JSON body (null for 204).
 * options.key: send this API key instead of the cookie (sign-in only).
 * options.accept: the Accept header; a non-JSON answer is returned as { text, headers }.
 * options.quiet401: do not announce a 401 as the end of the session.
 */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken && !options.key) headers['X-CSRF-Token'] = csrfToken;
  if (options.key) headers.Authorization = 'Bearer ' + options.key;
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'cannot reach the Errand server (' + e.message + ')', null);
  }
  const requestId = res.headers.get('X-Request-Id');
  if (res.status === 204 || res.status === 304) return null;
  const type = res.headers.get('Content-Type') || '';
  if (res.ok && !type.includes('json')) return { text: await res.text(), headers: res.headers };
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = json && json.error;
    const error = new ApiError(res.status, err ? err.code : 'http_' + res.status,
      err ? err.message : `the server answered ${res.status} ${res.statusText}`.trim(), err ? err.request_id : requestId);
    if (res.status === 401 && !options.key && !options.quiet401) signedOutListeners.forEach((fn) => fn(error));
    throw error;
  }
  return json;
}

/**
 * Asks whether the server offers a route, without side effects: GET path → true on 2xx,
 * false on 404 (no such route yet) or 403 (not for this role), the error otherwise.
 */
export async function offers(path) {
  try {
    await api('GET', path, undefined, { quiet401: true });
    return true;
  } catch (e) {
    if (e.status === 404 || e.status === 403 || e.status === 405) return false;
    throw e;
  }
}
