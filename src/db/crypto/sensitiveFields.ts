import { collectionNames, type CollectionName } from '../../domain';
import type { EncryptedFields } from './encryptedStorage';

/**
 * Fields encrypted at rest on the device, per record type: family details, justifications and everything said in
 * sessions. They are never indexed or queried; screens filter them in memory after decryption.
 */
const BY_COLLECTION: Partial<Record<CollectionName, readonly string[]>> = {
  // Names and classes stay plaintext: the roster is indexed to search and sort offline (see the README).
  learners: ['guardians', 'consent', 'birthDate'],
  plans: ['risks', 'measures', 'evaluation', 'statusReason'],
  consultations: ['notes'],
  compensations: ['note'],
  notes: ['body'],
};

/**
 * Every record may carry `syncConflicts`: the kept and the lost value of a field changed on two devices, as text —
 * a copy of whatever that field held, a guardian's phone or a session note alike — so it is encrypted everywhere.
 */
const ON_EVERY_RECORD = ['syncConflicts'] as const;

export const SENSITIVE_FIELDS: EncryptedFields = Object.fromEntries(
  collectionNames.map((name) => [name, [...(BY_COLLECTION[name] ?? []), ...ON_EVERY_RECORD]]),
);
