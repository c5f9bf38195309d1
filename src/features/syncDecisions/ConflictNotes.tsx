import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ConflictValueGoneError, resolveSyncConflict, useDatabase, useUsers } from '../../db';
import { conflictField, type CollectionName, type SyncConflict, type User } from '../../domain';
import { useLostHere } from '../../sync';
import { useActor } from '../account';
import { notify } from '../notifications';

const SHOWN_CHARS = 80;
/** Quotation marks as each language writes them: Latvian „…”, Russian «…», English “…”. */
const ENGLISH_QUOTES: [string, string] = ['“', '”'];
const QUOTES: Record<string, [string, string]> = { lv: ['„', '”'], ru: ['«', '»'], en: ENGLISH_QUOTES };

/** A stored value (JSON text) in words: text quoted as the language quotes, numbers as written, absent as "(empty)". */
export function valueInWords(text: string, empty: string, language = 'lv'): string {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    value = text;
  }
  if (value === null || value === undefined || value === '') return empty;
  const [open, close] = QUOTES[language.slice(0, 2)] ?? ENGLISH_QUOTES;
  const words =
    typeof value === 'string'
      ? `${open}${value}${close}`
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
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

/**
 * Whose change lost to whose, in words. The note names both people when it knows them ("Marta Liepa's change…
 * replaced by yours"); a note written before signers were kept says "another device", and this device's own
 * memory tells whether the lost change was made here.
 */
export function conflictSentence(
  t: TFunction,
  conflict: SyncConflict,
  { kept, lost, here, me, users }: { kept: string; lost: string; here: boolean; me: string | undefined; users: User[] },
): string {
  const field = conflictField(conflict.path);
  const values = {
    field: t(`sync:fields.${field}`, { defaultValue: t('sync:fields.other', { field: conflict.path }) }),
    kept,
    lost,
  };
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? t('sync:conflicts.someone');
  const { keptBy, lostBy } = conflict;
  if (lostBy !== undefined && keptBy !== undefined) {
    if (lostBy === me) {
      return keptBy === me
        ? t('sync:conflicts.yoursReplacedByYours', values)
        : t('sync:conflicts.yoursReplacedBy', { ...values, keptBy: nameOf(keptBy) });
    }
    return keptBy === me
      ? t('sync:conflicts.theirsReplacedByYours', { ...values, lostBy: nameOf(lostBy) })
      : t('sync:conflicts.theirsReplaced', { ...values, lostBy: nameOf(lostBy), keptBy: nameOf(keptBy) });
  }
  const who = t('sync:conflicts.anotherDevice');
  return t(here ? 'sync:conflicts.lostHere' : 'sync:conflicts.lostElsewhere', { ...values, who });
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
  const { t, i18n } = useTranslation('sync');
  const db = useDatabase();
  const me = useActor()?.userId;
  const { data: users } = useUsers();
  const [busy, setBusy] = useState(false);
  const empty = t('conflicts.empty');
  const kept = valueInWords(conflict.kept, empty, i18n.language);
  const lost = valueInWords(conflict.lost, empty, i18n.language);
  const sentence = conflictSentence(t, conflict, { kept, lost, here, me, users });

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
