import type { Queryable } from '../store/store';

export type AuditAction = 'write' | 'receive_confidential' | 'sign_in' | 'account_change';

/**
 * Appends to the audit log (the table refuses updates and deletes): one row per call, carrying every document id
 * it concerns. The view audit_entries reads it as one row per document.
 */
export async function audit(
  db: Queryable,
  userId: string | null,
  action: AuditAction,
  collection: string | null,
  documentIds: readonly string[],
  detail?: Record<string, unknown>,
): Promise<void> {
  if (documentIds.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (user_id, action, collection, document_ids, detail) VALUES ($1, $2, $3, $4::text[], $5::jsonb)`,
    [userId, action, collection, documentIds, detail ? JSON.stringify(detail) : null],
  );
}
