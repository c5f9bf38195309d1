import type { CollectionName } from '../../domain';
import type { EncryptedFields } from './encryptedStorage';

/**
 * Fields encrypted at rest on the device: family details, justifications and everything said in sessions.
 * They are never indexed or queried; screens filter them in memory after decryption.
 */
export const SENSITIVE_FIELDS: EncryptedFields & Partial<Record<CollectionName, readonly string[]>> = {
  learners: ['guardians', 'consent'],
  plans: ['risks', 'measures', 'evaluation', 'statusReason'],
  consultations: ['notes'],
  compensations: ['note'],
  notes: ['body'],
};
