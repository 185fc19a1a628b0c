import { language } from './i18n.js';

const TOKEN_KEY = 'accord.token';

/** The token lives in sessionStorage: gone when the tab closes, never sent anywhere but this API. */
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

/**
 * What the token says about its holder, for choosing which views to offer. Only a hint: the API
 * checks the signature and decides every read itself (Art 17), so a forged claim shows nothing more.
 */
export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      [...atob(payload)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const parsed = JSON.parse(json);
    return {
      agency: String(parsed.agency ?? ''),
      staffId: String(parsed.staffId ?? ''),
      roles: Array.isArray(parsed.roles) ? parsed.roles.map(String) : [],
    };
  } catch {
    return undefined;
  }
}

/**
 * GET `path` with the session's token. Never throws for an HTTP answer: the caller shows what came
 * back. `unavailable` marks a route the server does not have (yet), as distinct from a 404 for
 * something the reader may not see.
 */
export async function get(path, { accept = 'application/json' } = {}) {
  const response = await fetch(path, {
    headers: {
      authorization: `Bearer ${session.token()}`,
      accept,
      'accept-language': language() === 'zh' ? 'zh' : 'en',
    },
  });
  // An expired or revoked token: back to the sign-in form rather than a page of refusals.
  if (response.status === 401) window.dispatchEvent(new CustomEvent('accord:unauthorized'));
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  return {
    path,
    ok: response.ok,
    status: response.status,
    body,
    unavailable: response.status === 404 && body?.code === 'ROUTE_NOT_FOUND',
  };
}

/** Every page of a cursor-paged list (`items`, `nextCursor`), up to `maxPages`. */
export async function getAll(path, { maxPages = 50 } = {}) {
  const items = [];
  let after = null;
  let last;
  for (let page = 0; page < maxPages; page += 1) {
    const separator = path.includes('?') ? '&' : '?';
    last = await get(
      `${path}${separator}limit=100${after === null ? '' : `&after=${encodeURIComponent(after)}`}`,
    );
    if (!last.ok) return last;
    items.push(...rowsOf(last.body));
    after = last.body?.nextCursor ?? null;
    if (after === null) break;
  }
  return { ...last, body: { ...last.body, items } };
}

/** The rows of a list answer, whatever the endpoint calls them. */
export function rowsOf(body) {
  if (Array.isArray(body)) return body;
  if (body === null || typeof body !== 'object') return [];
  for (const name of ['items', 'rows', 'data', 'entries', 'events', 'cases', 'deadlines', 'alerts']) {
    if (Array.isArray(body[name])) return body[name];
  }
  return [];
}

/** The first of `names` that `row` has. */
export function pick(row, ...names) {
  for (const name of names)
    if (row != null && row[name] !== undefined && row[name] !== null) return row[name];
  return undefined;
}
