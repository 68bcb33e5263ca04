// The API client of the console: the session (cookie set by the server, CSRF token kept in memory only),
// one fetch wrapper for every call, and the error shape of the service turned into an ApiError.

const listeners = new Set();
let session = null; // { account, csrfToken } once signed in

export function currentSession() {
  return session;
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSession(next) {
  session = next;
  for (const listener of listeners) listener(session);
}

/** An error answer of the service: { statusCode, error, message, errors?: [{ field, reason }], details? }. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
  get fieldErrors() {
    return Array.isArray(this.body.errors) ? this.body.errors : [];
  }
  get details() {
    return this.body.details || {};
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where to go after signing in again: the page the person was on. */
export function signInHash(back = location.hash) {
  if (back.startsWith('#/entrar')) return back; // already there: keep where it came from
  return back && back !== '#' && back !== '#/' ? `#/entrar?volver=${encodeURIComponent(back)}` : '#/entrar';
}

/**
 * Calls /api/v1{path}. Unsafe methods carry X-CSRF-Token. A 401 outside the sign-in routes means the session is
 * gone (expired, signed out elsewhere): the session is forgotten and the sign-in page shown.
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && session) headers['X-CSRF-Token'] = session.csrfToken;
  let res;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { message: 'No se pudo contactar al servicio. Revise la conexión e intente de nuevo.' });
  }
  if (res.status === 204) return null;
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) {
    const error = new ApiError(res.status, data);
    if (res.status === 401 && !path.startsWith('/session')) {
      setSession(null);
      location.hash = signInHash();
    }
    throw error;
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);

/** Reads the session the cookie carries, if any (on load). */
export async function restoreSession() {
  try {
    const data = await api('GET', '/session');
    setSession({ account: data.account, csrfToken: data.csrfToken });
  } catch (error) {
    if (error.status !== 401) throw error;
    setSession(null);
  }
  return session;
}

export async function signIn(email, password) {
  const data = await api('POST', '/session', { email, password });
  setSession({ account: data.account, csrfToken: data.csrfToken });
  return session;
}

export async function signOut() {
  try {
    await api('DELETE', '/session');
  } finally {
    setSession(null);
  }
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
