import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictValueGoneError, resolveSyncConflict, useDatabase } from '../../db';
import { conflictField, type CollectionName, type SyncConflict } from '../../domain';
import { useLostHere } from '../../sync';
import { notify } from '../notifications';

const SHOWN_CHARS = 80;

/** A stored value (JSON text) in words: text as it is, numbers and dates as written, absent as "(empty)". */
export function valueInWords(text: string, empty: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    value = text;
  }
  if (value === null || value === undefined || value === '') return empty;
  const words =
    typeof value === 'string' ? `“${value}”` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return words.length > SHOWN_CHARS ? `${words.slice(0, SHOWN_CHARS - 1)}…` : words;
}

interface Props {
  collection: CollectionName;
  record: { id: string; syncConflicts?: SyncConflict[] | undefined };
  editable: boolean;
}

/**
 * What sync decided for this record, in words, where the record is: which value replaced which, and whose edit lost
 * (this device's, or another's); with "keep" (dismiss the note) and "take the other value" (write it back).
 */
export function ConflictNotes({ collection, record, editable }: Props) {
  const { t } = useTranslation(['sync', 'learners']);
  const lostHere = useLostHere(collection, record.id);
  const conflicts = record.syncConflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <section className="sync-decision" aria-label={t('conflicts.title')} data-testid="sync-conflicts">
      <h2>{t('conflicts.title')}</h2>
      <ul>
        {conflicts.map((c) => (
          <ConflictNote
            key={c.id}
            collection={collection}
            recordId={record.id}
            conflict={c}
            editable={editable}
            here={lostHere(c.at)}
          />
        ))}
      </ul>
    </section>
  );
}

function ConflictNote({
  collection,
  recordId,
  conflict,
  editable,
  here,
}: {
  collection: CollectionName;
  recordId: string;
  conflict: SyncConflict;
  editable: boolean;
  here: boolean;
}) {
  const { t } = useTranslation('sync');
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const field = conflictField(conflict.path);
  const fieldName = t(`fields.${field}`, { defaultValue: t('fields.other', { field: conflict.path }) });
  const empty = t('conflicts.empty');
  const kept = valueInWords(conflict.kept, empty);
  const lost = valueInWords(conflict.lost, empty);
  const who = t('conflicts.anotherDevice');
  const sentence = t(here ? 'conflicts.lostHere' : 'conflicts.lostElsewhere', { field: fieldName, kept, lost, who });

  async function decide(choice: 'keep' | 'take') {
    setBusy(true);
    try {
      await resolveSyncConflict(db, collection, recordId, conflict.id, choice);
      notify({ kind: 'success', key: choice === 'take' ? 'sync:conflicts.taken' : 'sync:conflicts.kept' });
    } catch (error) {
      notify({
        kind: 'error',
        key: error instanceof ConflictValueGoneError ? 'sync:conflicts.gone' : 'common:app.openFailed',
        values: { message: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="sync-decision__item">
      <p>{sentence}</p>
      {editable ? (
        <div className="refusal__actions">
          <button type="button" className="button button--small" disabled={busy} onClick={() => void decide('keep')}>
            {t('conflicts.keep', { kept })}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => void decide('take')}>
            {t('conflicts.take', { lost })}
          </button>
        </div>
      ) : null}
    </li>
  );
}
