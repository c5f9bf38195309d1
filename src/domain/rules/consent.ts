import type { Consent } from '../learner';

/** Eighteen on or before `on` (both YYYY-MM-DD). Unknown birth date: not known to be adult. */
export function isAdult(birthDate: string | undefined, on: string): boolean {
  if (!birthDate) return false;
  return `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}` <= on;
}

export type ConsentProblem = 'signedInFuture' | 'minorSignedOwn';

/**
 * What is wrong with a signed application (the programme: a parent signs it, or the learner if adult). A learner under
 * 18 on the signing day cannot have signed their own; with no birth date on record the signature is taken as given. A
 * parent or guardian signing for an adult is allowed (a guardian may act for an adult learner).
 */
export function consentProblem(
  consent: Pick<Consent, 'signedOn' | 'signerRole'>,
  birthDate: string | undefined,
  today: string,
): ConsentProblem | null {
  if (consent.signedOn > today) return 'signedInFuture';
  if (consent.signerRole === 'learner' && birthDate && !isAdult(birthDate, consent.signedOn)) return 'minorSignedOwn';
  return null;
}
