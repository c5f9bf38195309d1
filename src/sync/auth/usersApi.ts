import type { User } from '../../domain';
import type { CreateUserInput, UpdateUserRequest } from '../protocol/auth';
import { userPath, USERS_PATH } from '../protocol/authPaths';
import { AuthError, OfflineError } from './api';
import { signedFetch } from './session';

/** What a proxy answers while the server is away: to the person that is the same as having no network. */
const UNREACHABLE = new Set([502, 503, 504]);

/** A JSON call to the server that needs the network: OfflineError without it, AuthError with the server's code. */
export async function sendJson<T>(doFetch: typeof fetch | null, url: string, method: string, body: object): Promise<T> {
  // Locked (or signed out) between opening the screen and pressing the button.
  if (!doFetch) throw new AuthError('signed_out', 401);
  let response: Response;
  try {
    response = await doFetch(url, {
      method,
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    // A refused token renewal or a disabled account is the server's answer, not a missing network.
    if (error instanceof AuthError) throw error;
    throw new OfflineError('offline');
  }
  if (UNREACHABLE.has(response.status)) throw new OfflineError('offline');
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new AuthError(payload.error ?? 'server_error', response.status);
  return payload as T;
}

/**
 * Managing people needs the server (it holds the credentials and checks the manager's reach), so unlike the rest of
 * the app these calls do not work offline: they throw OfflineError, or AuthError with the server's code
 * (forbidden, username_taken, not_found, invalid_request...). Changes reach this device's directory through sync.
 */
export const usersApi = (baseUrl = '', getFetch: () => typeof fetch | null = signedFetch) => ({
  createUser: (request: CreateUserInput) => sendJson<User>(getFetch(), `${baseUrl}${USERS_PATH}`, 'POST', request),
  updateUser: (userId: string, changes: UpdateUserRequest) =>
    sendJson<User>(getFetch(), `${baseUrl}${userPath(userId)}`, 'PATCH', changes),
  resetPassword: (userId: string, password: string) =>
    sendJson<undefined>(getFetch(), `${baseUrl}${userPath(userId)}/password`, 'POST', { password }),
  setActive: (userId: string, active: boolean) =>
    sendJson<User>(getFetch(), `${baseUrl}${userPath(userId)}/active`, 'POST', { active }),
});
export type UsersApi = ReturnType<typeof usersApi>;
