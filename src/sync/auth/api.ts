import type { SessionResponse } from '../protocol/auth';
import { authPaths, type AuthStatus } from '../protocol/authPaths';

/** A refusal the device acts on: its code comes from the server (e.g. invalid_credentials, account_disabled). */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/** The network is not there (or the server is down): the caller falls back to what the device has. */
export class OfflineError extends Error {}

async function call<T>(baseUrl: string, path: string, body?: object, doFetch: typeof fetch = fetch): Promise<T> {
  let response: Response;
  try {
    response = await doFetch(`${baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      cache: 'no-store',
      headers: body ? { 'content-type': 'application/json' } : {},
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new OfflineError('offline');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new AuthError(payload.error ?? 'server_error', response.status, retryAfter);
  }
  return payload as T;
}

export const authApi = (baseUrl = '', doFetch?: typeof fetch) => ({
  status: () => call<AuthStatus>(baseUrl, authPaths.status, undefined, doFetch),
  setup: (username: string, displayName: string, password: string) =>
    call<SessionResponse>(baseUrl, authPaths.setup, { username, displayName, password }, doFetch),
  login: (username: string, password: string) =>
    call<SessionResponse>(baseUrl, authPaths.login, { username, password }, doFetch),
  refresh: (refreshToken: string) => call<SessionResponse>(baseUrl, authPaths.refresh, { refreshToken }, doFetch),
  logout: (refreshToken: string) => call<undefined>(baseUrl, authPaths.logout, { refreshToken }, doFetch),
});
export type AuthApi = ReturnType<typeof authApi>;
