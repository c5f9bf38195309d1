import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canWrite, localDate, type ImportRow } from '../../domain';
import { applyClassImport, useDatabase, useLearnersOfSchool } from '../../db';
import { useActor } from '../account';
import { notify } from '../notifications';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { ClassImport } from './ClassImport';

/** /learners/import: a class list from a spreadsheet into the selected school, on this device first. */
export function ClassImportPage() {
  const { t } = useTranslation('classImport');
  const navigate = useNavigate();
  const db = useDatabase();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: learners, loading } = useLearnersOfSchool(schoolId);
  const actor = useActor();
  const mayImport = actor !== null && schoolId !== null && canWrite(actor, 'learners', null, { schoolId }).ok;

  async function write(rows: readonly ImportRow[]) {
    if (!schoolId) return;
    try {
      const result = await applyClassImport(db, schoolId, rows);
      notify(
        result.failed > 0
          ? { kind: 'error', key: 'classImport:doneWithFailures', values: { ...result } }
          : { kind: 'success', key: 'classImport:done', values: { ...result } },
      );
      void navigate('/learners');
    } catch {
      notify({ kind: 'error', key: 'classImport:failed' });
    }
  }

  return (
    <section className="page page--narrow" aria-labelledby="import-title">
      <h1 id="import-title">{t('title')}</h1>
      <div className="toolbar toolbar--single">
        <SchoolPicker />
      </div>
      {schoolId && !loading && !mayImport ? <p className="empty">{t('notAllowed')}</p> : null}
      {schoolId && !loading && mayImport ? (
        <ClassImport
          key={schoolId}
          existing={learners}
          today={localDate(new Date())}
          onConfirm={write}
          onCancel={() => void navigate('/learners')}
        />
      ) : null}
    </section>
  );
}
