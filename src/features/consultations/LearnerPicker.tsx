import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesLearnerQuery, type Learner } from '../../domain';

interface Props {
  /** Learners of the staff member's plans, offered first. */
  mine: Learner[];
  everyone: Learner[];
  chosen: readonly string[];
  onToggle(id: string): void;
  /** Unexcused absences this semester per learner: repeated ones stand out. */
  noShows?: Map<string, number> | undefined;
  /** A message next to the choice (an i18n key of this namespace). */
  error?: string | null | undefined;
}

/** The person's learners as chips to tick, and a search for anyone else of the school (who then joins the chips). */
export function LearnerPicker({ mine, everyone, chosen, onToggle, noShows, error }: Props) {
  const { t } = useTranslation('consultations');
  const ids = { search: useId(), error: useId() };
  const [extra, setExtra] = useState<Learner[]>([]);
  const [query, setQuery] = useState('');
  const offered = useMemo(() => [...mine, ...extra.filter((l) => !mine.some((m) => m.id === l.id))], [mine, extra]);
  const found = query.trim()
    ? everyone.filter((l) => matchesLearnerQuery(l, query) && !offered.some((o) => o.id === l.id)).slice(0, 6)
    : [];

  return (
    <>
      <fieldset
        className={`check-group${error ? ' field--invalid' : ''}`}
        aria-describedby={error ? ids.error : undefined}
      >
        <legend>{t('today.myLearners')}</legend>
        {offered.length === 0 ? <p className="field__hint">{t('today.noLearners')}</p> : null}
        <div className="quick-log__learners">
          {offered.map((l) => (
            <label key={l.id} className={`chip${chosen.includes(l.id) ? ' chip--on' : ''}`}>
              <input type="checkbox" checked={chosen.includes(l.id)} onChange={() => onToggle(l.id)} />
              <span>
                {l.firstName} {l.lastName} <small>{l.className}</small>
                {(noShows?.get(l.id) ?? 0) >= 2 ? (
                  <small className="chip__warn">{t('noShows', { count: noShows?.get(l.id) })}</small>
                ) : null}
              </span>
            </label>
          ))}
        </div>
        {error ? (
          <p id={ids.error} className="field__error" role="alert">
            {t(error)}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.search}>{t('today.search')}</label>
        <input id={ids.search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        {found.length > 0 ? (
          <div className="quick-log__found">
            {found.map((l) => (
              <button
                key={l.id}
                type="button"
                className="button button--small"
                onClick={() => {
                  setExtra((x) => [...x, l]);
                  onToggle(l.id);
                  setQuery('');
                }}
              >
                + {l.firstName} {l.lastName} ({l.className})
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </>
  );
}
