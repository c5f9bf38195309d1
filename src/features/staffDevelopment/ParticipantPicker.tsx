import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareUsers, matchesUserQuery, type User } from '../../domain';

/** More would make a phone's page a long scroll: the search narrows them instead. */
const SHOWN = 8;

interface ParticipantPickerProps {
  /** The directory entries that may take part (rules/staffDevelopment mayTakePart), active accounts only. */
  candidates: readonly User[];
  /** Every directory entry on the device: a participant whose account closed since keeps their name here. */
  names: ReadonlyMap<string, string>;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/**
 * The staff who took part, chosen from the directory: a search field and buttons (Tab, Enter or Space, or a tap)
 * to add a person; each one added is listed with a button to remove them. Plain buttons, not a custom combobox, so
 * every screen reader and keyboard handles it the same way.
 */
export function ParticipantPicker({ candidates, names, selected, onChange }: ParticipantPickerProps) {
  const { t } = useTranslation('staffDevelopment');
  const searchId = useId();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const chosen = new Set(selected);
    return candidates.filter((u) => !chosen.has(u.id) && matchesUserQuery(u, query)).sort(compareUsers);
  }, [candidates, query, selected]);
  const nameOf = (id: string) => names.get(id) ?? id;

  return (
    <fieldset className="participants">
      <legend>{t('picker.legend')}</legend>
      <h2 className="participants__heading">{t('picker.chosen')}</h2>
      {selected.length === 0 ? <p className="participants__none">{t('picker.chosenNone')}</p> : null}
      <ul className="participants__chosen" aria-live="polite">
        {selected.map((id) => (
          <li key={id} className="participants__chip">
            <span>{nameOf(id)}</span>
            <button
              type="button"
              className="participants__remove"
              aria-label={t('picker.remove', { name: nameOf(id) })}
              onClick={() => onChange(selected.filter((s) => s !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={searchId}>{t('picker.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby={`${searchId}-hint`}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={`${searchId}-hint`} className="field__hint">
          {t('picker.searchHint')}
        </p>
      </div>
      {matches.length === 0 ? <p className="participants__none">{t('picker.noMatch')}</p> : null}
      <ul className="participants__matches">
        {matches.slice(0, SHOWN).map((u) => (
          <li key={u.id}>
            {/* Named by its text (WCAG 2.5.3): "+" is seen, "Pievienot" heard, then the name and username. */}
            <button type="button" className="button participants__add" onClick={() => onChange([...selected, u.id])}>
              <span aria-hidden="true">+ </span>
              <span className="visually-hidden">{t('picker.add')} </span>
              {u.displayName}
              <span className="participants__username"> {u.username}</span>
            </button>
          </li>
        ))}
      </ul>
      {matches.length > SHOWN ? (
        <p className="participants__none">{t('picker.more', { count: matches.length - SHOWN })}</p>
      ) : null}
    </fieldset>
  );
}
