import { decryptValue, encryptValue } from '../../db';
import type { SessionResponse } from '../protocol/auth';
import { AuthError, type AuthApi } from './api';
import { saveDeviceAccount, type DeviceAccount } from './deviceAccounts';

const SEAL_PLACE = 'device:refreshToken';
/** Refresh a little before expiry, so a request never leaves with a token about to lapse. */
const EARLY_MS = 30_000;

export const sealRefreshToken = (token: string, key: CryptoKey) => encryptValue(token, key, SEAL_PLACE);
export const unsealRefreshToken = async (sealed: string, key: CryptoKey) =>
  String(await decryptValue(sealed, key, SEAL_PLACE));

/**
 * Keeps the short-lived access token in memory and renews it with the rotating refresh token, which is stored only
 * sealed with the data key. Concurrent callers share one refresh.
 */
export class TokenKeeper {
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    private account: DeviceAccount,
    private readonly key: CryptoKey,
    private readonly api: AuthApi,
    private readonly onSession: (session: SessionResponse) => void = () => {},
  ) {}

  /** Starts from a fresh sign-in, so the first request needs no refresh. */
  adopt(session: SessionResponse): void {
    this.access = { token: session.accessToken, expiresAt: session.accessExpiresAt };
  }

  async accessToken(): Promise<string> {
    if (this.access && this.access.expiresAt - EARLY_MS > Date.now()) return this.access.token;
    return this.renew();
  }

  /** After a 401: the token may have been revoked or expired early. */
  async renew(): Promise<string> {
    this.refreshing ??= this.doRenew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRenew(): Promise<string> {
    const refreshToken = await unsealRefreshToken(this.account.sealedRefreshToken, this.key);
    const session = await this.api.refresh(refreshToken);
    this.account = { ...this.account, sealedRefreshToken: await sealRefreshToken(session.refreshToken, this.key) };
    saveDeviceAccount(this.account);
    this.adopt(session);
    this.onSession(session);
    return session.accessToken;
  }

  async currentRefreshToken(): Promise<string> {
    return unsealRefreshToken(this.account.sealedRefreshToken, this.key);
  }

  /** A fetch that signs every request and renews the token once when the server says it expired. */
  fetch: typeof fetch = async (input, init) => {
    const send = async (token: string) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
    let response = await send(await this.accessToken());
    if (response.status === 401) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { error?: string };
      if (body.error === 'account_disabled') throw new AuthError('account_disabled', 401);
      response = await send(await this.renew());
    }
    return response;
  };
}
