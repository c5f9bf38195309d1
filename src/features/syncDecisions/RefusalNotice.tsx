import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDatabase } from '../../db';
import type { CollectionName } from '../../domain';
import {
  CannotRestoreError,
  CannotTakeUpError,
  discardRefusedChange,
  takeUpRefusedChange,
  useRejection,
  type Refusal,
} from '../../sync';
import { notify } from '../notifications';
import { refusalText } from './refusalText';

interface Props {
  collection: CollectionName;
  id: string;
  /** Where to fix the record, when it is not edited right here. */
  fixTo?: string | null;
  /** Records that count in totals say that this one does not, until accepted. */
  counted?: boolean;
}

/** Shown on a refused record: which change was refused and why, with the two ways out — fix it, or discard it. */
export function RefusalNotice({ collection, id, fixTo, counted = false }: Props) {
  const refusal = useRejection(collection, id);
  if (!refusal) return null;
  return <RefusalDetails refusal={refusal} fixTo={fixTo ?? null} counted={counted} />;
}

export function RefusalDetails({
  refusal,
  fixTo,
  counted,
  onNavigate,
}: {
  refusal: Refusal;
  fixTo: string | null;
  counted: boolean;
  onNavigate?: (() => void) | undefined;
}) {
  const { t } = useTranslation(['sync', 'common']);
  const db = useDatabase();
  const [busy, setBusy] = useState(false);

  async function discard() {
    if (!window.confirm(t('refusals.discardConfirm'))) return;
    setBusy(true);
    try {
      await discardRefusedChange(db, refusal);
      notify({ kind: 'success', key: 'sync:refusals.discarded' });
    } catch (error) {
      notify({
        kind: 'error',
        key: error instanceof CannotRestoreError ? 'sync:refusals.cannotRestore' : 'common:app.openFailed',
        values: { message: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setBusy(false);
    }
  }

  async function takeUp() {
    setBusy(true);
    try {
      await takeUpRefusedChange(db, refusal);
      notify({ kind: 'success', key: 'sync:refusals.takenUp' });
    } catch (error) {
      notify({
        kind: 'error',
        key: error instanceof CannotTakeUpError ? 'sync:refusals.cannotTakeUp' : 'common:app.openFailed',
        values: { message: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setBusy(false);
    }
  }
  // The server's newer version replaced the change here: the change waits beside the refusal, to take up.
  const canTakeUp = refusal.superseded === true && Boolean(refusal.sealedRefusedState);

  return (
    <div className="refusal" role="note" data-testid="refusal" data-collection={refusal.collection}>
      <p className="refusal__why">
        <strong>{t('common:rejections.label')}</strong>: {refusalText(t, refusal)}
      </p>
      {/* Superseded, the record holds the server's version, which counts: only a record holding the change does not. */}
      {counted && !refusal.superseded ? <p className="refusal__hint">{t('refusals.excluded')}</p> : null}
      {canTakeUp ? <p className="refusal__hint">{t('refusals.superseded')}</p> : null}
      <div className="refusal__actions">
        {canTakeUp ? (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void takeUp()}>
            {t('refusals.takeUp')}
          </button>
        ) : null}
        {fixTo ? (
          <Link to={fixTo} className="button button--small" onClick={onNavigate}>
            {t('refusals.fix')}
          </Link>
        ) : null}
        <button type="button" className="button button--small" disabled={busy} onClick={() => void discard()}>
          {t('refusals.discard')}
        </button>
      </div>
    </div>
  );
}
