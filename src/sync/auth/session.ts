import { forgetNationalReportsOf } from '../reports/forgetNationalReports';
import { create } from 'zustand';
import type { User } from '../../domain';
import {
  closeUserDatabase,
  createDataKey,
  openUserDatabase,
  removeUserDatabase,
  unwrapDataKey,
  STORAGE_KEYS,
  wrapDataKey,
  type AtbalstsDatabase,
} from '../../db';
import type { SessionResponse } from '../protocol/auth';
import type { ReplicationHandle } from '../replication';
import { forgetRejectionsOf } from '../rejections';
import { forgetDecisionsOf } from '../decisions';
import { AuthError, authApi, type AuthApi } from './api';
import {
  databaseNameFor,
  listDeviceAccounts,
  removeDeviceAccount,
  saveDeviceAccount,
  type DeviceAccount,
} from './deviceAccounts';
import { sealRefreshToken, TokenKeeper } from './tokens';
import { countRemembered, rememberedPending } from '../pending';
import { useSyncStatus } from '../syncStatus';
import { dismissSignInNotice, recordSignInNotice } from './signInNotice';
import { removePin as removeStoredPin, setPin as setStoredPin, unwrapWithPin } from './pin';

export type SessionState =
  { status: 'locked' } | { status: 'unlocked'; account: DeviceAccount; db: AtbalstsDatabase; signedInOnline: boolean };

interface Live {
  keeper: TokenKeeper;
  key: CryptoKey;
  replication: ReplicationHandle | null;
}

let live: Live | null = null;
let api: AuthApi = authApi();

/** For tests: talk to another server. */
export function setAuthApi(next: AuthApi): void {
  api = next;
}

export const useSession = create<SessionState>(() => ({ status: 'locked' }));

async function begin(
  account: DeviceAccount,
  key: CryptoKey,
  session: SessionResponse | null,
  existingKeeper?: TokenKeeper,
): Promise<void> {
  const db = await openUserDatabase(account.databaseName, key, account.userId);
  const keeper = existingKeeper ?? new TokenKeeper(account, key, api);
  if (session) keeper.adopt(session);
  live = { keeper, key, replication: null };
  useSession.setState({ status: 'unlocked', account, db, signedInOnline: session !== null });
  // Someone works on this device again: the reason a colleague's data left it has been seen enough.
  dismissSignInNotice();
  // Loaded on demand with RxDB's replication plugin, after the first screen has painted.
  const { startReplication } = await import('../replication');
  const replication = startReplication(db, {
    // A session the server ended cannot sync: requests stay on the device (as offline) until a new sign-in, while
    // changes are still counted as waiting, so the person can export them.
    fetch: account.sessionEndedAt ? refuseEndedSession : keeper.fetch,
    dataKey: key,
    onAuthFailure: (code) => void handleAuthFailure(code),
    onReachChanged: () => void rebuildAfterReachChange(),
  });
  if (live?.keeper === keeper) live.replication = replication;
  else void replication.stop();
  // Still one question per unlock, so an account disabled after its session ended is wiped all the same.
  if (account.sessionEndedAt) {
    void keeper.renew().catch((error: unknown) => {
      if (error instanceof AuthError) void handleAuthFailure(error.code);
    });
  }
  // A rebuild that had to wait for unsent changes is tried again now.
  if (localStorage.getItem(rebuildKey(account))) void rebuildAfterReachChange();
}

const refuseEndedSession: typeof fetch = () => Promise.reject(new TypeError('The server ended this session'));

const rebuildKey = (account: DeviceAccount) => `${STORAGE_KEYS.rebuildPrefix}${account.databaseName}`;
let rebuilding: Promise<void> | null = null;

/**
 * The person's reach changed on the server (another school, a role less): what they may no longer read must leave
 * this device. Rather than guess which records those are, the local copy is rebuilt from the server — once
 * everything waiting has been sent. If it cannot be sent now, nothing is dropped: the rebuild waits for the next
 * unlock, and until then the server refuses what is out of reach.
 */
function rebuildAfterReachChange(): Promise<void> {
  rebuilding ??= (async () => {
    const state = useSession.getState();
    const current = live;
    if (state.status !== 'unlocked' || !current) return;
    localStorage.setItem(rebuildKey(state.account), '1');
    const sent = current.replication ? await current.replication.flush(10_000) : false;
    if (!sent || live !== current) return;
    // Refused changes are "in sync" for RxDB but exist only here: they are kept beside their refusals.
    // (Loaded here: it brings the merge rules and their schemas, which the sign-in screen does not need.)
    const { holdRefusedChanges } = await import('../discard');
    await holdRefusedChanges(state.db);
    live = null;
    await current.replication?.stop();
    await removeUserDatabase(state.account.databaseName);
    localStorage.removeItem(`${STORAGE_KEYS.pendingPrefix}${state.account.databaseName}`);
    localStorage.removeItem(rebuildKey(state.account));
    // A state's report kept by someone who may no longer read it goes with the rest.
    forgetNationalReportsOf(state.account.databaseName);
    await begin(state.account, current.key, null, current.keeper);
  })().finally(() => {
    rebuilding = null;
  });
  return rebuilding;
}

let wiping: Promise<void> | null = null;

async function handleAuthFailure(code: string): Promise<void> {
  const state = useSession.getState();
  if (state.status !== 'unlocked') return;
  // Disabled on the server: this person's data leaves the device at once, as the school asked. The sign-in screen
  // says why, and how many unsent changes went with it (counted before the wipe forgets them).
  if (code === 'account_disabled') {
    if (!wiping) {
      const unsentLost = countRemembered(rememberedPending(state.account.databaseName));
      recordSignInNotice({ reason: 'accountDisabled', at: new Date().toISOString(), unsentLost });
    }
    await wipe(state.account);
  }
  // The refresh token was revoked (signed out everywhere, a password reset) or has lapsed: the session is over.
  // The data stays — it may hold unsent work — and the device locks once; the sign-in screen explains.
  if (SESSION_ENDED_CODES.includes(code) && !state.account.sessionEndedAt) {
    saveDeviceAccount({ ...state.account, sessionEndedAt: new Date().toISOString() });
    await lock();
  }
}

/** What the server answers a refresh with when the session is over (src/server/auth/sessions.ts refreshSession). */
const SESSION_ENDED_CODES: readonly string[] = ['token_expired', 'invalid_token'];

/** Several requests may fail at once; the device is wiped once. */
function wipe(account: DeviceAccount): Promise<void> {
  wiping ??= (async () => {
    // The account goes first: even if removing the database were interrupted, nobody can unlock it again.
    removeDeviceAccount(account.userId);
    localStorage.removeItem(`${STORAGE_KEYS.pendingPrefix}${account.databaseName}`);
    localStorage.removeItem(rebuildKey(account));
    // What was refused, and the school chosen, belonged to the wiped person — and only to them.
    forgetRejectionsOf(account.databaseName);
    forgetDecisionsOf(account.databaseName);
    localStorage.removeItem(`${STORAGE_KEYS.selectedSchoolPrefix}${account.databaseName}`);
    forgetNationalReportsOf(account.databaseName);
    await lock();
    await removeUserDatabase(account.databaseName);
  })().finally(() => {
    wiping = null;
  });
  return wiping;
}

/**
 * This device holds changes not yet sent, under the person's previous password (changed or reset elsewhere): a
 * sign-in with the new one would start afresh and drop them, so it waits for the person's word.
 */
export class UnsentChangesError extends Error {
  constructor(readonly count: number) {
    super('unsent_changes');
  }
}

/** Signs in with the server (needs the network); creates this person's local database on first sign-in here. */
export async function signIn(username: string, password: string, { discardUnsent = false } = {}): Promise<void> {
  const session = await api.login(username, password);
  await startWithSession(session, password, discardUnsent);
}

export async function setUpFirstAdministrator(username: string, displayName: string, password: string): Promise<void> {
  const session = await api.setup(username, displayName, password);
  await startWithSession(session, password);
}

async function startWithSession(session: SessionResponse, password: string, discardUnsent = false): Promise<void> {
  const user: User = session.user;
  const known = listDeviceAccounts().find((a) => a.userId === user.id);
  let key: CryptoKey | null = null;
  if (known) {
    key = await unwrapDataKey(known.passwordKey, password).catch(() => null);
    // The password changed elsewhere: the old local copy cannot be opened; start afresh from the server — but not
    // over unsent work without the person's word (they may unlock with the old password and export it first).
    if (!key) {
      const unsent = countRemembered(rememberedPending(known.databaseName));
      if (unsent > 0 && !discardUnsent) {
        await api.logout(session.refreshToken).catch(() => {});
        throw new UnsentChangesError(unsent);
      }
      await removeUserDatabase(known.databaseName);
      localStorage.removeItem(`${STORAGE_KEYS.pendingPrefix}${known.databaseName}`);
    }
  }
  // No account here, yet a database of this name may remain: a sign-out whose page closed after the account went
  // and before the database did (wipe). Its records are sealed with a key no one holds and its replication
  // checkpoints say it is up to date, so a new copy opened over it would pull nothing and show nothing.
  if (!known) await removeUserDatabase(databaseNameFor(user.id));
  const dataKey = key ?? (await createDataKey());
  const account: DeviceAccount = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    databaseName: databaseNameFor(user.id),
    passwordKey: key && known ? known.passwordKey : await wrapDataKey(dataKey, password),
    // A PIN wraps the same data key, so it stays valid only while that key does.
    ...(key && known?.pinKey ? { pinKey: known.pinKey } : {}),
    ...(known?.idleLockMinutes ? { idleLockMinutes: known.idleLockMinutes } : {}),
    sealedRefreshToken: await sealRefreshToken(session.refreshToken, dataKey),
    lastSignInAt: new Date().toISOString(),
  };
  saveDeviceAccount(account);
  // The key used from here on cannot be read out by page scripts.
  const unlocked = await unwrapDataKey(account.passwordKey, password);
  await lock();
  await begin(account, unlocked, session);
}

/** Opens this device's copy with the person's password, no network needed. */
export async function unlock(userId: string, password: string): Promise<void> {
  const account = listDeviceAccounts().find((a) => a.userId === userId);
  if (!account) throw new AuthError('unknown_account', 404);
  const key = await unwrapDataKey(account.passwordKey, password);
  await lock();
  await begin(account, key, null);
}

/** Opens this device's copy with the person's PIN (see pin.ts for the limits on wrong tries). */
export async function unlockWithPin(userId: string, pin: string): Promise<void> {
  const { account, key } = await unwrapWithPin(userId, pin);
  await lock();
  await begin(account, key, null);
}

/** Changes a device setting of the person who is working, here and in what the app shows. */
function updateCurrentAccount(next: DeviceAccount): void {
  const state = useSession.getState();
  if (state.status === 'unlocked' && state.account.userId === next.userId) useSession.setState({ account: next });
}

export async function setPin(password: string, pin: string): Promise<void> {
  const state = useSession.getState();
  if (state.status !== 'unlocked') return;
  updateCurrentAccount(await setStoredPin(state.account.userId, password, pin));
}

export function removePin(): void {
  const state = useSession.getState();
  if (state.status !== 'unlocked') return;
  updateCurrentAccount(removeStoredPin(state.account.userId));
}

export function setIdleLockMinutes(minutes: number): void {
  const state = useSession.getState();
  if (state.status !== 'unlocked') return;
  const current = listDeviceAccounts().find((a) => a.userId === state.account.userId) ?? state.account;
  const next = { ...current, idleLockMinutes: minutes };
  saveDeviceAccount(next);
  updateCurrentAccount(next);
}

/** Forgets the key and closes the database; the person unlocks again with their password. */
export async function lock(): Promise<void> {
  const current = live;
  live = null;
  // The screen changes at once; closing happens behind it.
  useSession.setState({ status: 'locked' });
  // A replication stuck on a request must not keep the database open; closing the database cancels it anyway.
  await Promise.race([current?.replication?.stop(), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  await closeUserDatabase();
}

export type SignOutResult = 'signedOut' | 'unsyncedChanges';

/** What signing out would lose now: the changes the server has not acknowledged, and whether it was reached. */
export interface SignOutCheck {
  unsent: number;
  /** Everything was sent and acknowledged just now; false offline (or when the server did not answer in time). */
  reachedServer: boolean;
}

/**
 * The changes this device made that the server has not acknowledged — the same count the sync indicator shows. A
 * flush that timed out (offline) says nothing about them: with nothing waiting, nothing is lost (issue 13.5).
 */
function unsentNow(account: DeviceAccount, replicating: boolean): number {
  return replicating ? useSyncStatus.getState().pending : countRemembered(rememberedPending(account.databaseName));
}

/** Sends what is waiting (for a few seconds), then says what a sign-out would lose, for the person to decide. */
export async function checkSignOut(): Promise<SignOutCheck> {
  const current = live;
  const state = useSession.getState();
  if (state.status !== 'unlocked' || !current) return { unsent: 0, reachedServer: false };
  const reachedServer = current.replication ? await current.replication.flush(5_000) : false;
  return { unsent: unsentNow(state.account, current.replication !== null), reachedServer };
}

/**
 * Wipes this person's data from the device (the screen asks first, with checkSignOut's answer). With changes still
 * waiting it refuses unless `discardUnsynced` is set, so nothing is lost without the person saying so.
 */
export async function signOut({ discardUnsynced = false } = {}): Promise<SignOutResult> {
  const state = useSession.getState();
  const current = live;
  if (state.status !== 'unlocked' || !current) return 'signedOut';
  if (!discardUnsynced && unsentNow(state.account, current.replication !== null) > 0) return 'unsyncedChanges';
  try {
    await api.logout(await current.keeper.currentRefreshToken());
  } catch {
    // Offline: the server session expires on its own; the device forgets it now.
  }
  await wipe(state.account);
  return 'signedOut';
}

/** Signs requests as the unlocked person (renewing the token as needed); null while locked. */
export function signedFetch(): typeof fetch | null {
  return live?.keeper.fetch ?? null;
}
