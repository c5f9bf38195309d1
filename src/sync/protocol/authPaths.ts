/** The auth wire's paths, error codes and plain shapes: no zod, so the sign-in screen loads without it (issue 13.11). */
export const AUTH_PREFIX = '/api/auth';
export const authPaths = {
  status: `${AUTH_PREFIX}/status`,
  setup: `${AUTH_PREFIX}/setup`,
  login: `${AUTH_PREFIX}/login`,
  refresh: `${AUTH_PREFIX}/refresh`,
  logout: `${AUTH_PREFIX}/logout`,
} as const;
export const USERS_PATH = '/api/users';

export const userPath = (userId: string) => `${USERS_PATH}/${encodeURIComponent(userId)}`;

export interface AuthStatus {
  needsSetup: boolean;
  /** The server holds the demo municipality (public passwords, invented people): devices show a mark. */
  demo: boolean;
}

/** Error codes a device acts on without reading the message. */
export const authErrorCodes = {
  invalidCredentials: 'invalid_credentials',
  accountDisabled: 'account_disabled',
  tokenExpired: 'token_expired',
  rateLimited: 'rate_limited',
  forbidden: 'forbidden',
} as const;

/** Why the server refused a password someone set (400): the device says it in the person's language. */
export const passwordRefusals = [
  'password_is_demo',
  'password_has_username',
  'password_has_name',
  'password_guessable',
] as const;
export type PasswordRefusal = (typeof passwordRefusals)[number];
