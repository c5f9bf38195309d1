import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecord } from '../../db';
import { useRefusals, type Refusal } from '../../sync';
import { recordLink, recordName } from './recordLink';
import { RefusalDetails } from './RefusalNotice';

/** Every refused record of the person on this device, each with a link to where it is and the ways out. */
export function RefusalList({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation('sync');
  const refusals = useRefusals();
  return (
    <section className="refusal-list" aria-label={t('refusals.title')}>
      <h2>{t('refusals.title')}</h2>
      {refusals.length === 0 ? <p className="empty">{t('refusals.none')}</p> : null}
      <ul>
        {refusals.map((r) => (
          <RefusalItem key={`${r.collection}/${r.id}`} refusal={r} {...(onNavigate ? { onNavigate } : {})} />
        ))}
      </ul>
    </section>
  );
}

function RefusalItem({ refusal, onNavigate }: { refusal: Refusal; onNavigate?: () => void }) {
  const { t } = useTranslation('sync');
  const { data: record, loading } = useRecord(refusal.collection, refusal.id);
  const link = recordLink(refusal.collection, refusal.id, record);
  const label = `${t(`refusals.record.${refusal.collection}`)}${record ? ` ${recordName(record)}` : ''}`.trim();
  return (
    <li className="refusal-list__item">
      {link ? (
        <Link to={link} onClick={onNavigate}>
          {label}
        </Link>
      ) : (
        <span>{label}</span>
      )}
      {!loading && !record ? <span className="refusal-list__gone"> {t('refusals.gone')}</span> : null}
      <RefusalDetails refusal={refusal} fixTo={link} counted={false} onNavigate={onNavigate} />
    </li>
  );
}
