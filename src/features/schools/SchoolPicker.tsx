import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchools } from '../../db';
import { useSelectedSchool } from './selectedSchool';

/** Picks the school to work in; falls back to the first school when the remembered one is not on this device. */
export function SchoolPicker() {
  const { t } = useTranslation();
  const id = useId();
  const { data: schools } = useSchools();
  const { schoolId, select } = useSelectedSchool();

  useEffect(() => {
    const first = schools[0];
    if (first && !schools.some((s) => s.id === schoolId)) select(first.id);
  }, [schools, schoolId, select]);

  if (schools.length === 0) return null;
  return (
    <div className="school-picker">
      <label htmlFor={id}>{t('school.label')}</label>
      <select id={id} value={schoolId ?? ''} onChange={(e) => select(e.target.value)}>
        {schools.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </select>
    </div>
  );
}
